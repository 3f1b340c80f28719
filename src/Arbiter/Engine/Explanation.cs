namespace Arbiter;

/// <summary>
/// A node of an explanation tree: which rewrite branch or tuple was evaluated for which object and relation,
/// and what it gave. Leaves name the tuples that decided the answer.
/// </summary>
public sealed record Explanation
{
    /// <summary>What this node is: <c>direct</c>, <c>computed</c>, <c>tuple-to-userset</c>, <c>union</c>, <c>intersection</c>, <c>exclusion</c>, <c>tuple</c>, <c>condition</c>, <c>cycle</c>...</summary>
    public required string Kind { get; init; }

    /// <summary>A readable description, e.g. <c>document:1#viewer</c> or <c>viewer from parent</c>.</summary>
    public required string Description { get; init; }

    /// <summary>The result of this node.</summary>
    public bool Result { get; init; }

    /// <summary>The tuple this node rests on, for tuple leaves.</summary>
    public RelationshipTuple? Tuple { get; init; }

    /// <summary>For <c>condition</c> nodes: the condition, its inputs (values redacted unless asked for) and its result.</summary>
    public ConditionEvaluation? Condition { get; init; }

    /// <summary>The nodes this one was computed from.</summary>
    public IReadOnlyList<Explanation> Children { get; init; } = [];
}
