using Arbiter.Storage.Tests.Engine;

namespace Arbiter.Storage.Tests.Memory;

/// <summary>An engine following an <see cref="InMemoryStore"/>.</summary>
public sealed class InMemoryEngineFollowerTests : EngineFollowerTests
{
    protected override ValueTask<IStore> OpenProviderAsync() => ValueTask.FromResult<IStore>(new InMemoryStore());

    protected override ValueTask<IStore> OpenSecondProviderAsync(IStore first) => ValueTask.FromResult(first);
}
