namespace Arbiter.Conditions;

/// <summary>
/// A macro over a list or map: <c>r.all(x, p)</c>, <c>r.exists(x, p)</c>, <c>r.exists_one(x, p)</c>, <c>r.map(x, t)</c>,
/// <c>r.map(x, p, t)</c> (<see cref="Filter"/> is <c>p</c>) and <c>r.filter(x, p)</c>.
/// </summary>
internal sealed class CelComprehensionExpr(int start, int end, CelMacro macro, string variable, CelExpr range, CelExpr body, CelExpr? filter)
    : CelExpr(start, end, Math.Max(DepthOf(range, [body], filter), 1))
{
    public CelMacro Macro { get; } = macro;

    public string Variable { get; } = variable;

    public CelExpr Range { get; } = range;

    /// <summary>The predicate (all, exists, exists_one, filter) or the transform (map).</summary>
    public CelExpr Body { get; } = body;

    public CelExpr? Filter { get; } = filter;
}
