using Arbiter.Cli.Store;
using Arbiter.Model;

namespace Arbiter.Cli.Input;

/// <summary>The model and the engine a command decides with, and the persistent store session behind it, if any.</summary>
internal sealed record LoadedStore(AuthorizationModel Model, IAuthorizer Authorizer, StoreSession? Session = null) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Session?.DisposeAsync() ?? ValueTask.CompletedTask;
}
