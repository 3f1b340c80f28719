namespace Arbiter.Storage.Tests.Memory;

/// <summary>The store contract on <see cref="InMemoryStore"/>.</summary>
public sealed class InMemoryStoreContractTests : StoreContractTests
{
    protected override ValueTask<IStore> OpenProviderAsync(int maxWriteOperations, TimeProvider time) =>
        ValueTask.FromResult<IStore>(new InMemoryStore(time, maxWriteOperations));
}
