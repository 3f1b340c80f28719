namespace Arbiter.Engine;

/// <summary>The kinds of compiled rewrite nodes.</summary>
internal enum RewriteKind : byte
{
    /// <summary>The directly related subjects.</summary>
    Direct,

    /// <summary>Another relation of the same object.</summary>
    Computed,

    /// <summary>A relation of the objects related through a tupleset relation.</summary>
    TupleToUserset,

    /// <summary>Any child.</summary>
    Union,

    /// <summary>Every child.</summary>
    Intersection,

    /// <summary>The first child but not the second.</summary>
    Exclusion,

    /// <summary>An attribute rule: subjects of one type for which a condition holds, with no tuple.</summary>
    Rule,
}
