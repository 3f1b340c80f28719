using Arbiter.Model;

namespace Arbiter.Storage;

/// <summary>
/// The write side of a store provider. Every committed write (tuples, attributes or a model version) gets the next
/// revision of its store and appears as one <see cref="StoreChange"/> in the change feed. A write is atomic: on any error
/// nothing of it is stored. Thread-safe; concurrent writers get distinct, gap-free revisions.
/// </summary>
public interface IStoreWriter
{
    /// <summary>Creates a store.</summary>
    /// <param name="id">The id (1–64 of <c>A-Z a-z 0-9 _ -</c>); <see langword="null"/> for a new ULID.</param>
    /// <param name="name">A display name; <see langword="null"/> for the id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="ArbiterException"><see cref="ArbiterErrorCode.StoreExists"/> or an invalid id (<see cref="ArbiterErrorCode.ValidationError"/>).</exception>
    ValueTask<StoreInfo> CreateStoreAsync(string? id = null, string? name = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a store and everything in it. Returns <see langword="false"/> when there was none.</summary>
    ValueTask<bool> DeleteStoreAsync(string storeId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new model version (immutable; it becomes the newest) with a new id and returns it. The provider does not
    /// validate the model: the engine does that before it writes.
    /// </summary>
    ValueTask<StoredModel> WriteModelAsync(string storeId, AuthorizationModel model, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits a write atomically and returns its revision. The provider checks the write's shape and limits
    /// (<see cref="StoreWrites.Validate"/>), its preconditions and the existence rules (<see cref="StoreWrite.OnDuplicate"/>,
    /// <see cref="StoreWrite.OnMissing"/>) inside its transaction. A write that changes nothing (empty, or every tuple
    /// ignored by those rules) commits no revision and returns the current one. Model validation (does the tuple fit the model) is the engine's job.
    /// </summary>
    /// <exception cref="ArbiterException">
    /// <see cref="ArbiterErrorCode.InvalidTuple"/> or <see cref="ArbiterErrorCode.ValidationError"/> for a malformed or
    /// oversized write, <see cref="ArbiterErrorCode.PreconditionFailed"/> naming the tuple, <see cref="ArbiterErrorCode.IdempotencyConflict"/>
    /// when the key was used by a different write, <see cref="ArbiterErrorCode.StoreNotFound"/>.
    /// </exception>
    ValueTask<WriteResult> WriteAsync(string storeId, StoreWrite write, CancellationToken cancellationToken = default);

    /// <summary>
    /// Fills an empty store (no model, no tuples, no attributes, revision 0) with a whole state at once, in one transaction:
    /// afterwards the store's revision is <see cref="StoreImport.Revision"/>, its newest model is the imported one (same id),
    /// and its change feed starts after that revision. On any error nothing is imported.
    /// </summary>
    /// <exception cref="ArbiterException"><see cref="ArbiterErrorCode.StoreNotEmpty"/> when the store has any data.</exception>
    ValueTask ImportAsync(string storeId, StoreImport import, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the oldest changes of the feed and old idempotency keys, in one transaction that no write can interleave
    /// with. Pruning commits no revision and never changes tuples, attributes or models; the feed's start only moves
    /// forward (pruning through an earlier revision than already pruned removes nothing). An engine following the store
    /// whose revision is behind the pruned feed gets <see cref="ArbiterErrorCode.ChangesUnavailable"/> and reloads the
    /// whole state.
    /// </summary>
    /// <exception cref="ArbiterException">
    /// <see cref="ArbiterErrorCode.ValidationError"/> when <see cref="StorePrune.ChangesThrough"/> is negative or beyond
    /// the store's revision, or <see cref="StorePrune.KeysOlderThan"/> is negative; <see cref="ArbiterErrorCode.StoreNotFound"/>.
    /// </exception>
    ValueTask<PruneResult> PruneAsync(string storeId, StorePrune prune, CancellationToken cancellationToken = default);
}

/// <summary>A store provider: both sides.</summary>
public interface IStore : IStoreReader, IStoreWriter, IAsyncDisposable
{
    /// <summary>A short description for logs and errors, e.g. <c>sqlite:/var/lib/arbiter.db</c> (no password).</summary>
    string Description { get; }
}
