namespace Arbiter.Storage;

/// <summary>
/// One committed write, as the change feed returns it: everything that changed at one revision. Tuples skipped by
/// <see cref="ConflictBehavior.Ignore"/> are not listed; preconditions are not changes.
/// </summary>
public sealed record StoreChange
{
    /// <summary>The revision.</summary>
    public required long Revision { get; init; }

    /// <summary>When it was committed (the store's clock).</summary>
    public required DateTimeOffset CommittedAt { get; init; }

    /// <summary>Tuples added (with their conditions).</summary>
    public IReadOnlyList<RelationshipTuple> Written { get; init; } = [];

    /// <summary>Tuples deleted (with the conditions they had).</summary>
    public IReadOnlyList<RelationshipTuple> Deleted { get; init; } = [];

    /// <summary>Entities whose attribute values were replaced, with the new values.</summary>
    public IReadOnlyList<EntityAttributes> AttributesSet { get; init; } = [];

    /// <summary>Entities whose attribute values were removed.</summary>
    public IReadOnlyList<ObjectRef> AttributesCleared { get; init; } = [];

    /// <summary>The id of the model version written at this revision, or <see langword="null"/>.</summary>
    public string? ModelId { get; init; }
}
