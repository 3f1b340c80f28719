namespace Arbiter;

/// <summary>Which subjects have <see cref="Relation"/> to <see cref="Object"/> (OpenFGA's ListUsers)?</summary>
/// <param name="Object">The object.</param>
/// <param name="Relation">The relation (or action).</param>
/// <param name="Filters">The kinds of subjects wanted: <c>user</c> (users, and <c>user:*</c> for public access), <c>group#member</c> (usersets).</param>
public sealed record ListSubjectsRequest(ObjectRef Object, string Relation, IReadOnlyList<SubjectFilter> Filters)
{
    /// <summary>How fresh the data must be: <see langword="null"/> or <see cref="Consistency.MinimizeLatency"/> answers from the current index; <see cref="Consistency.AtLeast"/> waits (bounded by <see cref="AuthorizationEngineOptions.ConsistencyTimeout"/>) for a write's revision.</summary>
    public Consistency? Consistency { get; init; }

    /// <summary>Tuples that count for this request only.</summary>
    public IReadOnlyList<RelationshipTuple> ContextualTuples { get; init; } = [];

    /// <summary>Request context values for conditions.</summary>
    public IReadOnlyDictionary<string, object?>? Context { get; init; }

    /// <summary>Attribute values of the object for this request only (each overrides the stored value).</summary>
    public IReadOnlyDictionary<string, object?>? ObjectAttributes { get; init; }

    /// <summary>Creates a request from strings: <c>Create("document:1", "viewer", "user", "group#member")</c>.</summary>
    /// <exception cref="TupleFormatException">The object or a filter is malformed.</exception>
    public static ListSubjectsRequest Create(string @object, string relation, params string[] filters) =>
        new(ObjectRef.Parse(@object), relation, filters.Select(SubjectFilter.Parse).ToList());
}

/// <summary>A kind of subject: a type (<c>user</c>) or a userset of a type (<c>group#member</c>).</summary>
/// <param name="Type">The subject type.</param>
/// <param name="Relation">The userset relation, or <see langword="null"/> for plain subjects of the type.</param>
public sealed record SubjectFilter(string Type, string? Relation = null)
{
    /// <summary>Parses <c>user</c> or <c>group#member</c>.</summary>
    /// <exception cref="TupleFormatException">The text is empty or has an empty part.</exception>
    public static SubjectFilter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var type = hash < 0 ? text : text[..hash];
        var relation = hash < 0 ? null : text[(hash + 1)..];
        if (type.Length == 0 || relation is { Length: 0 } || type.Contains(':', StringComparison.Ordinal))
        {
            throw new TupleFormatException(text, $"invalid subject filter '{text}': expected 'type' or 'type#relation'");
        }
        return new SubjectFilter(type, relation);
    }

    /// <inheritdoc />
    public override string ToString() => Relation is null ? Type : Type + "#" + Relation;
}

/// <summary>The subjects that have a relation to an object, sorted (plain subjects and wildcards by type and id, then usersets).</summary>
public sealed record ListSubjectsResult
{
    /// <summary>The subjects: <c>user:anne</c>, <c>user:*</c> (everyone of the type, public access), <c>group:eng#member</c>.</summary>
    public IReadOnlyList<SubjectRef> Subjects { get; init; } = [];

    /// <summary>Why the listing stopped before the end, or <see langword="null"/> when it is complete.</summary>
    public ListStop? Stopped { get; init; }

    /// <summary>Whether the answer is the whole list.</summary>
    public bool IsComplete => Error is null && Stopped is null;

    /// <summary>Why the listing failed; <see cref="Subjects"/> is then empty.</summary>
    public DecisionError? Error { get; init; }

    /// <summary>The model version the answer is for.</summary>
    public string? ModelId { get; init; }

    /// <summary>The revision of the relationships the answer is for.</summary>
    public long Revision { get; init; }
}
