namespace Arbiter.Storage;

/// <summary>
/// One atomic write to a store: tuples to add and delete, entity attributes to set and clear, and preconditions.
/// A tuple is identified by object, relation and subject; its condition is payload.
/// </summary>
public sealed record StoreWrite
{
    /// <summary>Tuples to add.</summary>
    public IReadOnlyList<RelationshipTuple> Writes { get; init; } = [];

    /// <summary>Tuples to delete (their conditions are ignored).</summary>
    public IReadOnlyList<RelationshipTuple> Deletes { get; init; } = [];

    /// <summary>Entities whose attribute values are replaced (each entry replaces all of that entity's values).</summary>
    public IReadOnlyList<EntityAttributes> SetAttributes { get; init; } = [];

    /// <summary>Entities whose attribute values are removed (an entity without values is fine).</summary>
    public IReadOnlyList<ObjectRef> ClearAttributes { get; init; } = [];

    /// <summary>Conditions on the stored tuples, checked in the write's transaction before anything changes.</summary>
    public IReadOnlyList<Precondition> Preconditions { get; init; } = [];

    /// <summary>What writing a tuple that exists does.</summary>
    /// <value>Default: <see cref="ConflictBehavior.Fail"/> (as OpenFGA: the write fails naming the tuple).</value>
    public ConflictBehavior OnDuplicate { get; init; } = ConflictBehavior.Fail;

    /// <summary>What deleting a tuple that does not exist does.</summary>
    /// <value>Default: <see cref="ConflictBehavior.Fail"/>.</value>
    public ConflictBehavior OnMissing { get; init; } = ConflictBehavior.Fail;

    /// <summary>
    /// A caller's key (1–128 characters) that makes retries safe: a write whose key the store has seen with the same
    /// content returns the first write's revision and changes nothing; with different content it fails with
    /// <see cref="ArbiterErrorCode.IdempotencyConflict"/>. <see langword="null"/> for none.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The number of operations (tuples, attribute entries, preconditions) the write carries.</summary>
    public long OperationCount => (long)Writes.Count + Deletes.Count + SetAttributes.Count + ClearAttributes.Count + Preconditions.Count;
}

/// <summary>What a write does when a tuple to add exists already or a tuple to delete does not exist.</summary>
public enum ConflictBehavior
{
    /// <summary>The whole write fails naming the tuple (<see cref="ArbiterErrorCode.PreconditionFailed"/>).</summary>
    Fail,

    /// <summary>The tuple is skipped; the rest of the write goes on. A skipped tuple does not appear in the change.</summary>
    Ignore,
}

/// <summary>A condition on the stored tuples that must hold for a write to commit.</summary>
/// <param name="Tuple">The tuple (its condition is ignored).</param>
/// <param name="Kind">Whether it must exist or must not exist.</param>
public sealed record Precondition(RelationshipTuple Tuple, PreconditionKind Kind)
{
    /// <summary>The tuple must be stored.</summary>
    public static Precondition MustExist(RelationshipTuple tuple) => new(tuple, PreconditionKind.MustExist);

    /// <summary>The tuple must not be stored.</summary>
    public static Precondition MustNotExist(RelationshipTuple tuple) => new(tuple, PreconditionKind.MustNotExist);
}

/// <summary>The kinds of <see cref="Precondition"/>.</summary>
public enum PreconditionKind
{
    /// <summary>The tuple must be stored.</summary>
    MustExist,

    /// <summary>The tuple must not be stored.</summary>
    MustNotExist,
}

/// <summary>The outcome of a committed write.</summary>
/// <param name="Revision">
/// The write's revision: the consistency token to pass as <c>Consistency.AtLeast(revision)</c>. For a write that changed
/// nothing, the store's revision at the time.
/// </param>
/// <param name="Replayed"><see langword="true"/> when the idempotency key matched an earlier write and nothing was written now.</param>
public sealed record WriteResult(long Revision, bool Replayed = false);
