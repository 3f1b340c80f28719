using Arbiter.Model;

namespace Arbiter.Storage.Tests.Support;

/// <summary>A store that passes every call to another; tests override the calls they break.</summary>
internal class DelegatingStore(IStore inner) : IStore
{
    protected IStore Inner { get; } = inner;

    public virtual string Description => "delegating:" + Inner.Description;

    public virtual ValueTask<StoreInfo?> GetStoreAsync(string storeId, CancellationToken cancellationToken = default) => Inner.GetStoreAsync(storeId, cancellationToken);
    public virtual ValueTask<IReadOnlyList<StoreInfo>> ListStoresAsync(CancellationToken cancellationToken = default) => Inner.ListStoresAsync(cancellationToken);
    public virtual ValueTask<long> ReadRevisionAsync(string storeId, CancellationToken cancellationToken = default) => Inner.ReadRevisionAsync(storeId, cancellationToken);
    public virtual ValueTask<StoredModel?> ReadModelAsync(string storeId, string? modelId = null, CancellationToken cancellationToken = default) => Inner.ReadModelAsync(storeId, modelId, cancellationToken);
    public virtual ValueTask<IReadOnlyList<StoredModelInfo>> ListModelsAsync(string storeId, int limit = 100, CancellationToken cancellationToken = default) => Inner.ListModelsAsync(storeId, limit, cancellationToken);
    public virtual ValueTask<TuplePage> ReadTuplesAsync(string storeId, TupleQuery filter, CancellationToken cancellationToken = default) => Inner.ReadTuplesAsync(storeId, filter, cancellationToken);
    public virtual ValueTask<EntityAttributes?> ReadAttributesAsync(string storeId, ObjectRef entity, CancellationToken cancellationToken = default) => Inner.ReadAttributesAsync(storeId, entity, cancellationToken);
    public virtual ValueTask<IStoreState> OpenStateAsync(string storeId, CancellationToken cancellationToken = default) => Inner.OpenStateAsync(storeId, cancellationToken);
    public virtual ValueTask<IReadOnlyList<StoreChange>> ReadChangesAsync(string storeId, long afterRevision, int limit = 1000, CancellationToken cancellationToken = default) => Inner.ReadChangesAsync(storeId, afterRevision, limit, cancellationToken);
    public virtual ValueTask<long> WaitForRevisionAsync(string storeId, long afterRevision, TimeSpan timeout, CancellationToken cancellationToken = default) => Inner.WaitForRevisionAsync(storeId, afterRevision, timeout, cancellationToken);
    public virtual ValueTask<StoreInfo> CreateStoreAsync(string? id = null, string? name = null, CancellationToken cancellationToken = default) => Inner.CreateStoreAsync(id, name, cancellationToken);
    public virtual ValueTask<bool> DeleteStoreAsync(string storeId, CancellationToken cancellationToken = default) => Inner.DeleteStoreAsync(storeId, cancellationToken);
    public virtual ValueTask<StoredModel> WriteModelAsync(string storeId, AuthorizationModel model, CancellationToken cancellationToken = default) => Inner.WriteModelAsync(storeId, model, cancellationToken);
    public virtual ValueTask<WriteResult> WriteAsync(string storeId, StoreWrite write, CancellationToken cancellationToken = default) => Inner.WriteAsync(storeId, write, cancellationToken);
    public virtual ValueTask ImportAsync(string storeId, StoreImport import, CancellationToken cancellationToken = default) => Inner.ImportAsync(storeId, import, cancellationToken);
    public virtual ValueTask<PruneResult> PruneAsync(string storeId, StorePrune prune, CancellationToken cancellationToken = default) => Inner.PruneAsync(storeId, prune, cancellationToken);
    public virtual ValueTask DisposeAsync() => Inner.DisposeAsync();
}
