namespace Arbiter;

/// <summary>Which objects of <see cref="ObjectType"/> does <see cref="Subject"/> have <see cref="Relation"/> to?</summary>
/// <param name="Subject">The subject: <c>user:anne</c>, <c>user:*</c> or a userset such as <c>group:eng#member</c>.</param>
/// <param name="Relation">The relation (or action).</param>
/// <param name="ObjectType">The type of the objects to list.</param>
public sealed record ListObjectsRequest(SubjectRef Subject, string Relation, string ObjectType)
{
    /// <summary>How fresh the data must be: <see langword="null"/> or <see cref="Consistency.MinimizeLatency"/> answers from the current index; <see cref="Consistency.AtLeast"/> waits (bounded by <see cref="AuthorizationEngineOptions.ConsistencyTimeout"/>) for a write's revision.</summary>
    public Consistency? Consistency { get; init; }

    /// <summary>Tuples that count for this request only.</summary>
    public IReadOnlyList<RelationshipTuple> ContextualTuples { get; init; } = [];

    /// <summary>Request context values for conditions.</summary>
    public IReadOnlyDictionary<string, object?>? Context { get; init; }

    /// <summary>Attribute values of the subject for this request only (each overrides the stored value).</summary>
    public IReadOnlyDictionary<string, object?>? SubjectAttributes { get; init; }

    /// <summary>At most this many objects in the answer; the rest follow with <see cref="ContinuationToken"/>. <see langword="null"/>: all.</summary>
    public int? PageSize { get; init; }

    /// <summary>The token of the previous page (<see cref="ListObjectsResult.ContinuationToken"/>), or <see langword="null"/> for the first.</summary>
    public string? ContinuationToken { get; init; }

    /// <summary>Creates a request from strings: <c>Create("user:anne", "viewer", "document")</c>.</summary>
    /// <exception cref="TupleFormatException">The subject is malformed.</exception>
    public static ListObjectsRequest Create(string subject, string relation, string objectType) => new(SubjectRef.Parse(subject), relation, objectType);
}

/// <summary>
/// The objects a subject has a relation to, in ascending ordinal order of their ids. Never silently short: when a page
/// size, a limit or the deadline stopped the work, <see cref="ContinuationToken"/> resumes it and <see cref="Stopped"/> says why.
/// </summary>
public sealed record ListObjectsResult
{
    /// <summary>The objects (this page).</summary>
    public IReadOnlyList<ObjectRef> Objects { get; init; } = [];

    /// <summary>Resumes the listing after this page; <see langword="null"/> when there is nothing more.</summary>
    public string? ContinuationToken { get; init; }

    /// <summary>Why the answer stops before the end, or <see langword="null"/> when it is complete.</summary>
    public ListStop? Stopped { get; init; }

    /// <summary>Whether the answer is the whole list (no error, nothing left to fetch).</summary>
    public bool IsComplete => Error is null && Stopped is null;

    /// <summary>Why the listing failed (e.g. a condition's parameter missing from the context); <see cref="Objects"/> is then empty.</summary>
    public DecisionError? Error { get; init; }

    /// <summary>The model version the answer is for.</summary>
    public string? ModelId { get; init; }

    /// <summary>The revision of the relationships the answer is for.</summary>
    public long Revision { get; init; }
}

/// <summary>Why a listing stopped before the end.</summary>
public enum ListStop
{
    /// <summary>The page is full (<see cref="ListObjectsRequest.PageSize"/>).</summary>
    PageFull,

    /// <summary><see cref="AuthorizationEngineOptions.MaxListCandidates"/> candidates were examined.</summary>
    CandidateLimit,

    /// <summary><see cref="AuthorizationEngineOptions.ListDeadline"/> passed.</summary>
    Deadline,
}
