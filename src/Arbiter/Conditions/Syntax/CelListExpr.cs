namespace Arbiter.Conditions;

/// <summary>A list literal <c>[a, b]</c>.</summary>
internal sealed class CelListExpr(int start, int end, CelExpr[] elements) : CelExpr(start, end, DepthOf(null, elements))
{
    public CelExpr[] Elements { get; } = elements;
}
