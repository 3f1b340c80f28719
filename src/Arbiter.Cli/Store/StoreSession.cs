using System.CommandLine;
using Arbiter.Cli.Input;
using Arbiter.Storage;

namespace Arbiter.Cli.Store;

/// <summary>An opened store provider and store id for one command, and an engine over it when the command decides or validates.</summary>
internal sealed class StoreSession : IAsyncDisposable
{
    private StoreSession(IStore store, string storeId, string location)
    {
        Store = store;
        StoreId = storeId;
        Location = location;
    }

    public IStore Store { get; }

    public string StoreId { get; }

    /// <summary>The location, with any password hidden.</summary>
    public string Location { get; }

    public AuthorizationEngine? Engine { get; private set; }

    public static async Task<StoreSession> OpenAsync(StoreLocationOption option, ParseResult parseResult, CliContext context, CancellationToken cancellationToken, bool create = false)
    {
        var id = option.IdOf(parseResult, context);
        var location = option.LocationOf(parseResult, context);
        var store = await StoreLocations.OpenAsync(location, create, cancellationToken).ConfigureAwait(false);
        return new StoreSession(store, id, StoreLocations.Redact(location));
    }

    /// <summary>Opens an engine over the store (its newest model, tuples and attributes).</summary>
    public async Task<AuthorizationEngine> OpenEngineAsync(CancellationToken cancellationToken)
    {
        await RequireStoreAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Engine = await AuthorizationEngine.OpenAsync(Store, StoreId, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ArbiterException ex) when (ex.Code == ArbiterErrorCode.ModelNotFound)
        {
            throw NoModel();
        }
        return Engine;
    }

    private CliInputException NoModel() =>
        new($"store '{StoreId}' in {Location} has no model yet: write one with 'arbiter model write FILE'");

    /// <summary>
    /// An engine with the store's newest model and no tuples: enough to check a write against the model without loading
    /// the store's state.
    /// </summary>
    public async Task<AuthorizationEngine> ModelEngineAsync(CancellationToken cancellationToken)
    {
        await RequireStoreAsync(cancellationToken).ConfigureAwait(false);
        var model = await Store.ReadModelAsync(StoreId, cancellationToken: cancellationToken).ConfigureAwait(false) ?? throw NoModel();
        return AuthorizationEngine.Create(model.Model);
    }

    /// <summary>Fails with a hint when the store does not exist.</summary>
    public async Task RequireStoreAsync(CancellationToken cancellationToken)
    {
        if (await Store.GetStoreAsync(StoreId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new CliInputException($"store '{StoreId}' does not exist in {Location}: create it with 'arbiter model write FILE' (or 'arbiter store create {StoreId}'), or decide from files with --model FILE or --store-file FILE");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Engine is not null)
        {
            await Engine.DisposeAsync().ConfigureAwait(false);
        }
        await Store.DisposeAsync().ConfigureAwait(false);
    }
}
