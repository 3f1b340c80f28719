namespace Arbiter.Storage;

/// <summary>
/// The read side of a store provider: stores, model versions, the current tuples and attributes, and the change feed.
/// A provider holds any number of stores (isolated namespaces); nothing of one store is visible from another.
/// Thread-safe. Failures of the database are <see cref="ArbiterStorageException"/>s (with <see cref="ArbiterStorageException.IsTransient"/>);
/// a store that does not exist is an <see cref="ArbiterException"/> with <see cref="ArbiterErrorCode.StoreNotFound"/>.
/// </summary>
public interface IStoreReader
{
    /// <summary>A store, or <see langword="null"/> when there is none with that id.</summary>
    ValueTask<StoreInfo?> GetStoreAsync(string storeId, CancellationToken cancellationToken = default);

    /// <summary>Every store, ordered by id.</summary>
    ValueTask<IReadOnlyList<StoreInfo>> ListStoresAsync(CancellationToken cancellationToken = default);

    /// <summary>The store's current revision: the revision of its last committed write (0 for a new store).</summary>
    ValueTask<long> ReadRevisionAsync(string storeId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A model version: the newest one when <paramref name="modelId"/> is <see langword="null"/>. Returns <see langword="null"/>
    /// when the store has no model yet (newest) or no version with that id.
    /// </summary>
    ValueTask<StoredModel?> ReadModelAsync(string storeId, string? modelId = null, CancellationToken cancellationToken = default);

    /// <summary>The store's model versions, newest first, at most <paramref name="limit"/> of them.</summary>
    ValueTask<IReadOnlyList<StoredModelInfo>> ListModelsAsync(string storeId, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// The stored tuples that match <paramref name="filter"/>, ordered by object type, object id, relation, subject type,
    /// subject id, subject relation (code point order, <see cref="TupleKey.Compare"/>), one page of at most
    /// <see cref="TupleQuery.Limit"/> after <see cref="TupleQuery.ContinuationToken"/>.
    /// </summary>
    ValueTask<TuplePage> ReadTuplesAsync(string storeId, TupleQuery filter, CancellationToken cancellationToken = default);

    /// <summary>The stored attribute values of an entity, or <see langword="null"/> when it has none.</summary>
    ValueTask<EntityAttributes?> ReadAttributesAsync(string storeId, ObjectRef entity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a consistent view of the whole store at its current revision (model, tuples, attributes), for loading an
    /// engine or exporting a snapshot. Writes committed after it was opened are not seen through it. Dispose it promptly:
    /// it may hold a database transaction.
    /// </summary>
    ValueTask<IStoreState> OpenStateAsync(string storeId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The committed writes after <paramref name="afterRevision"/>, in revision order with no gap, at most
    /// <paramref name="limit"/> of them (fewer when fewer exist). Each change is one whole write.
    /// </summary>
    /// <exception cref="ArbiterException">
    /// <see cref="ArbiterErrorCode.ChangesUnavailable"/>: the store no longer has the changes right after
    /// <paramref name="afterRevision"/> (they were pruned, see <see cref="IStoreWriter.PruneAsync"/>, or it was imported from a
    /// snapshot at a later revision); load its state instead.
    /// </exception>
    ValueTask<IReadOnlyList<StoreChange>> ReadChangesAsync(string storeId, long afterRevision, int limit = 1000, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until the store's revision is past <paramref name="afterRevision"/> or <paramref name="timeout"/> has passed,
    /// and returns the store's revision then. Providers wake waiters as soon as they learn of a commit (in-process writes,
    /// PostgreSQL <c>LISTEN/NOTIFY</c>) and poll as a fallback.
    /// </summary>
    ValueTask<long> WaitForRevisionAsync(string storeId, long afterRevision, TimeSpan timeout, CancellationToken cancellationToken = default);
}
