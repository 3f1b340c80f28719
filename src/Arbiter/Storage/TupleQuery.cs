namespace Arbiter.Storage;

/// <summary>Which stored tuples to read; every part left <see langword="null"/> matches everything.</summary>
public sealed record TupleQuery
{
    /// <summary>Only tuples of objects of this type.</summary>
    public string? ObjectType { get; init; }

    /// <summary>Only tuples of this object id (needs <see cref="ObjectType"/>).</summary>
    public string? ObjectId { get; init; }

    /// <summary>Only tuples of this relation.</summary>
    public string? Relation { get; init; }

    /// <summary>Only tuples of exactly this subject (<c>user:*</c> matches only the wildcard tuple; a userset matches only itself).</summary>
    public SubjectRef? Subject { get; init; }

    /// <summary>The page size, 1–10,000.</summary>
    /// <value>Default: 1,000.</value>
    public int Limit { get; init; } = 1000;

    /// <summary>The <see cref="TuplePage.ContinuationToken"/> of the previous page, or <see langword="null"/> for the first.</summary>
    public string? ContinuationToken { get; init; }
}

/// <summary>One page of stored tuples.</summary>
/// <param name="Tuples">The tuples, in key order.</param>
/// <param name="ContinuationToken">The token for the next page, or <see langword="null"/> when this is the last.</param>
public sealed record TuplePage(IReadOnlyList<RelationshipTuple> Tuples, string? ContinuationToken);
