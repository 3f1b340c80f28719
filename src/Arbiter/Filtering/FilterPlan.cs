namespace Arbiter.Filtering;

/// <summary>What may <see cref="Subject"/> do <see cref="Relation"/> on, among resources of <see cref="ResourceType"/>?</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Relation">The relation (or action).</param>
/// <param name="ResourceType">The resource type.</param>
public sealed record PlanRequest(SubjectRef Subject, string Relation, string ResourceType)
{
    /// <summary>How fresh the data must be: <see langword="null"/> or <see cref="Consistency.MinimizeLatency"/> answers from the current index; <see cref="Consistency.AtLeast"/> waits (bounded by <see cref="AuthorizationEngineOptions.ConsistencyTimeout"/>) for a write's revision.</summary>
    public Consistency? Consistency { get; init; }

    /// <summary>Tuples that count for this request only.</summary>
    public IReadOnlyList<RelationshipTuple> ContextualTuples { get; init; } = [];

    /// <summary>Request context values for conditions (folded into the filter).</summary>
    public IReadOnlyDictionary<string, object?>? Context { get; init; }

    /// <summary>Attribute values of the subject for this request only (each overrides the stored value; folded into the filter).</summary>
    public IReadOnlyDictionary<string, object?>? SubjectAttributes { get; init; }

    /// <summary>Creates a request from strings: <c>Create("user:anne", "viewer", "document")</c>.</summary>
    /// <exception cref="TupleFormatException">The subject is malformed.</exception>
    public static PlanRequest Create(string subject, string relation, string resourceType) => new(SubjectRef.Parse(subject), relation, resourceType);
}

/// <summary>
/// A permission as a filter over resources (<see cref="Filter"/>): a resource satisfies it exactly when a check of the
/// request's subject and relation on it allows (for a resource the store knows, with its stored attributes; for one it
/// does not know, with the attributes given). Evaluate it in memory, or translate it to LINQ or SQL.
/// </summary>
public sealed record FilterPlan
{
    /// <summary>The resource type the filter is over.</summary>
    public required string ResourceType { get; init; }

    /// <summary>The relation it grants.</summary>
    public required string Relation { get; init; }

    /// <summary>The filter; <see cref="Filter.False"/> when <see cref="Error"/> is set.</summary>
    public Filter Filter { get; init; } = Filter.False;

    /// <summary>Why planning failed, or <see langword="null"/>.</summary>
    public DecisionError? Error { get; init; }

    /// <summary>The model version the plan is for.</summary>
    public string? ModelId { get; init; }

    /// <summary>The revision of the relationships the plan is for.</summary>
    public long Revision { get; init; }

    /// <inheritdoc />
    public override string ToString() => Error is null ? $"{ResourceType} where {Filter}" : $"{ResourceType}: error {Error.Message}";
}
