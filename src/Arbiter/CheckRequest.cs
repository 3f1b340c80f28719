namespace Arbiter;

/// <summary>A check: does <see cref="Subject"/> have <see cref="Relation"/> to <see cref="Object"/>?</summary>
/// <param name="Subject">The subject: <c>user:anne</c>, or a userset such as <c>group:eng#member</c>.</param>
/// <param name="Relation">The relation (or action) asked about.</param>
/// <param name="Object">The object (resource).</param>
public sealed record CheckRequest(SubjectRef Subject, string Relation, ObjectRef Object)
{
    /// <summary>How fresh the data must be: <see langword="null"/> or <see cref="Consistency.MinimizeLatency"/> answers from the current index; <see cref="Consistency.AtLeast"/> waits (bounded by <see cref="AuthorizationEngineOptions.ConsistencyTimeout"/>) for a write's revision.</summary>
    public Consistency? Consistency { get; init; }

    /// <summary>Tuples that count for this request only, as if written, and are not stored.</summary>
    public IReadOnlyList<RelationshipTuple> ContextualTuples { get; init; } = [];

    /// <summary>Request context values for conditions (e.g. <c>current_time</c>, <c>ip</c>).</summary>
    public IReadOnlyDictionary<string, object?>? Context { get; init; }

    /// <summary>
    /// Attribute values of the subject for this request only ("just in time"): each overrides the stored value of the
    /// same attribute (<see cref="AuthorizationEngine.WriteAttributes"/>); the others keep their stored values. Names and
    /// types must match the subject type's declared attributes.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? SubjectAttributes { get; init; }

    /// <summary>Attribute values of the object for this request only; each overrides the stored value of the same attribute.</summary>
    public IReadOnlyDictionary<string, object?>? ObjectAttributes { get; init; }

    /// <summary>When <see langword="true"/>, the decision carries an explanation tree.</summary>
    public bool Explain { get; init; }

    /// <summary>
    /// With <see cref="Explain"/>: show the values condition inputs had (and tuple context values). Off by default, so
    /// explanations name the parameters but show their values as <c>***</c>.
    /// </summary>
    public bool ExplainValues { get; init; }

    /// <summary>Creates a request from strings: <c>Create("user:anne", "viewer", "document:1")</c>.</summary>
    /// <exception cref="TupleFormatException">The subject or object is malformed.</exception>
    public static CheckRequest Create(string subject, string relation, string @object) =>
        new(SubjectRef.Parse(subject), relation, ObjectRef.Parse(@object));
}

/// <summary>Which relations does <see cref="Subject"/> have to <see cref="Object"/>?</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Object">The object.</param>
public sealed record ListActionsRequest(SubjectRef Subject, ObjectRef Object)
{
    /// <summary>How fresh the data must be: <see langword="null"/> or <see cref="Consistency.MinimizeLatency"/> answers from the current index; <see cref="Consistency.AtLeast"/> waits (bounded by <see cref="AuthorizationEngineOptions.ConsistencyTimeout"/>) for a write's revision.</summary>
    public Consistency? Consistency { get; init; }

    /// <summary>Tuples that count for this request only.</summary>
    public IReadOnlyList<RelationshipTuple> ContextualTuples { get; init; } = [];

    /// <summary>Request context values for conditions.</summary>
    public IReadOnlyDictionary<string, object?>? Context { get; init; }

    /// <summary>
    /// Attribute values of the subject for this request only ("just in time"): each overrides the stored value of the
    /// same attribute ; the others keep their stored values. Names and
    /// types must match the subject type's declared attributes.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? SubjectAttributes { get; init; }

    /// <summary>Attribute values of the object for this request only; each overrides the stored value of the same attribute.</summary>
    public IReadOnlyDictionary<string, object?>? ObjectAttributes { get; init; }
}
