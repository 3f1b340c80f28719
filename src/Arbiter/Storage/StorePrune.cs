namespace Arbiter.Storage;

/// <summary>
/// What <see cref="IStoreWriter.PruneAsync"/> removes: the oldest part of the change feed and old idempotency keys.
/// Pruning is housekeeping, not a change of state: it commits no revision and never changes tuples, attributes or models.
/// </summary>
public sealed record StorePrune
{
    /// <summary>
    /// Drops the feed's changes with a revision up to and including this one (at most the store's current revision).
    /// Afterwards <see cref="IStoreReader.ReadChangesAsync"/> after an earlier revision fails with
    /// <see cref="ArbiterErrorCode.ChangesUnavailable"/>, and an engine following the store from an earlier revision
    /// reloads the whole state. <see langword="null"/> keeps the feed.
    /// </summary>
    /// <value>Default: <see langword="null"/>.</value>
    public long? ChangesThrough { get; init; }

    /// <summary>
    /// Forgets the idempotency keys recorded more than this long ago by the store's clock (its <see cref="TimeProvider"/>):
    /// a retry with a forgotten key is a new write. <see langword="null"/> keeps every key.
    /// </summary>
    /// <value>Default: <see langword="null"/>.</value>
    public TimeSpan? KeysOlderThan { get; init; }
}
