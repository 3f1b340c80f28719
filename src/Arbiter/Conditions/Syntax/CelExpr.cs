namespace Arbiter.Conditions;

/// <summary>
/// A node of a parsed CEL expression. <see cref="Start"/> and <see cref="End"/> are the offsets of the token that names the
/// node (the operator, the function or field name, the literal), which is where errors about the node point.
/// </summary>
internal abstract class CelExpr(int start, int end, int depth)
{
    public int Start { get; } = start;

    public int End { get; } = end;

    /// <summary>How deep the tree under this node is (1 for a leaf).</summary>
    public int Depth { get; } = depth;

    /// <summary>The static type, set by the checker (dyn when the expression was not checked).</summary>
    public CelType Type { get; set; } = CelType.Dyn;

    protected static int DepthOf(CelExpr? first, CelExpr[]? items = null, CelExpr? last = null)
    {
        var max = Math.Max(first?.Depth ?? 0, last?.Depth ?? 0);
        foreach (var item in items ?? [])
        {
            max = Math.Max(max, item.Depth);
        }
        return max + 1;
    }
}
