namespace Arbiter.Engine;

/// <summary>
/// A compiled rewrite node. Names are resolved to compiled relations once, when the model is compiled,
/// so evaluation never looks a name up.
/// </summary>
internal sealed class RewriteNode
{
    private RewriteNode(RewriteKind kind, string description)
    {
        Kind = kind;
        Description = description;
    }

    /// <summary>The node kind.</summary>
    public RewriteKind Kind { get; }

    /// <summary>A readable form, for explanations: <c>[user]</c>, <c>editor</c>, <c>viewer from parent</c>.</summary>
    public string Description { get; }

    /// <summary>For <see cref="RewriteKind.Computed"/>: the relation of the same type.</summary>
    public CompiledRelation? Target { get; private set; }

    /// <summary>For <see cref="RewriteKind.TupleToUserset"/>: the tupleset relation (<c>parent</c>).</summary>
    public CompiledRelation? Tupleset { get; private set; }

    /// <summary>For <see cref="RewriteKind.TupleToUserset"/>: the computed relation's name (<c>viewer</c>).</summary>
    public string? ComputedRelationName { get; private set; }

    /// <summary>
    /// For <see cref="RewriteKind.TupleToUserset"/>: the computed relation on each parent type, indexed by type symbol;
    /// <see langword="null"/> where the parent type lacks it (such parents are skipped).
    /// </summary>
    public CompiledRelation?[] TargetByType { get; private set; } = [];

    /// <summary>For set operations: the operands (exclusion: base, subtract).</summary>
    public RewriteNode[] Children { get; private set; } = [];

    /// <summary>For <see cref="RewriteKind.Rule"/>: the type symbol of the subjects the rule admits.</summary>
    public int SubjectTypeId { get; private set; } = -1;

    /// <summary>For <see cref="RewriteKind.Rule"/>: the condition, compiled for this rule's subject and object types.</summary>
    public ConditionProgram? Program { get; private set; }

    public static RewriteNode Rule(int subjectTypeId, string subjectType, ConditionProgram program) =>
        new(RewriteKind.Rule, subjectType + " where " + program.Name) { SubjectTypeId = subjectTypeId, Program = program };

    public static RewriteNode Direct(string description) => new(RewriteKind.Direct, description);

    public static RewriteNode Computed(CompiledRelation target) => new(RewriteKind.Computed, target.Name) { Target = target };

    public static RewriteNode TupleToUserset(CompiledRelation tupleset, string computedRelation, CompiledRelation?[] targetByType) =>
        new(RewriteKind.TupleToUserset, computedRelation + " from " + tupleset.Name)
        {
            Tupleset = tupleset,
            ComputedRelationName = computedRelation,
            TargetByType = targetByType,
        };

    public static RewriteNode SetOperation(RewriteKind kind, RewriteNode[] children)
    {
        var separator = kind switch
        {
            RewriteKind.Union => " or ",
            RewriteKind.Intersection => " and ",
            _ => " but not ",
        };
        var parts = new string[children.Length];
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            parts[i] = child.Kind is RewriteKind.Union or RewriteKind.Intersection or RewriteKind.Exclusion
                ? "(" + child.Description + ")"
                : child.Description;
        }
        return new RewriteNode(kind, string.Join(separator, parts)) { Children = children };
    }
}
