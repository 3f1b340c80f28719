namespace Arbiter.Model;

/// <summary>
/// A relation's rewrite: how the set of subjects that have the relation is computed.
/// The cases are <see cref="DirectUserset"/>, <see cref="ComputedUserset"/>, <see cref="TupleToUserset"/>,
/// <see cref="UnionUserset"/>, <see cref="IntersectionUserset"/>, <see cref="DifferenceUserset"/> and (an Arbiter extension)
/// <see cref="AttributeRuleUserset"/>.
/// </summary>
public abstract record Userset
{
    /// <summary>Where this part of the rewrite is, when parsed from text.</summary>
    public SourceSpan? Span { get; init; }
}

/// <summary>The directly related subjects (<c>[user, group#member]</c>, OpenFGA's <c>this</c>).</summary>
public sealed record DirectUserset : Userset;

/// <summary>Another relation on the same object (<c>define viewer: editor</c>).</summary>
/// <param name="Relation">The relation whose subjects are included.</param>
public sealed record ComputedUserset(string Relation) : Userset;

/// <summary>A relation on the objects related through a tupleset relation (<c>viewer from parent</c>).</summary>
/// <param name="Tupleset">The relation on this object that points at other objects (<c>parent</c>).</param>
/// <param name="ComputedRelation">The relation evaluated on those objects (<c>viewer</c>).</param>
public sealed record TupleToUserset(string Tupleset, string ComputedRelation) : Userset;

/// <summary>Subjects in any child (<c>a or b</c>).</summary>
/// <param name="Children">The operands, at least two.</param>
public sealed record UnionUserset(IReadOnlyList<Userset> Children) : Userset;

/// <summary>Subjects in every child (<c>a and b</c>).</summary>
/// <param name="Children">The operands, at least two.</param>
public sealed record IntersectionUserset(IReadOnlyList<Userset> Children) : Userset;

/// <summary>Subjects in <see cref="Base"/> but not in <see cref="Subtract"/> (<c>a but not b</c>).</summary>
/// <param name="Base">The set subjects come from.</param>
/// <param name="Subtract">The set removed from it.</param>
public sealed record DifferenceUserset(Userset Base, Userset Subtract) : Userset;

/// <summary>
/// An attribute rule (<c>user where same_department</c>; an Arbiter extension): every subject of <see cref="SubjectType"/>
/// for which <see cref="Condition"/> holds, with no tuple. The condition reads <c>subject.attr</c>, <c>object.attr</c>
/// and the request's context.
/// </summary>
/// <param name="SubjectType">The type of the subjects the rule admits (a plain type: no userset, no wildcard).</param>
/// <param name="Condition">The name of the condition that decides.</param>
public sealed record AttributeRuleUserset(string SubjectType, string Condition) : Userset;
