namespace Arbiter.Storage;

/// <summary>What <see cref="IStoreWriter.PruneAsync"/> removed.</summary>
/// <param name="ChangesRemoved">The number of changes (revisions) removed from the feed.</param>
/// <param name="KeysRemoved">The number of idempotency keys forgotten.</param>
/// <param name="FirstRevision">
/// The first revision whose change the feed still has (1 for a store never pruned nor imported): reading the changes
/// after any earlier revision than <c>FirstRevision - 1</c> fails with <see cref="ArbiterErrorCode.ChangesUnavailable"/>.
/// </param>
public sealed record PruneResult(long ChangesRemoved, long KeysRemoved, long FirstRevision);
