namespace Arbiter.Conditions;

/// <summary>A map literal <c>{k: v, ...}</c>.</summary>
internal sealed class CelMapExpr(int start, int end, CelExpr[] keys, CelExpr[] values) : CelExpr(start, end, Math.Max(DepthOf(null, keys), DepthOf(null, values)))
{
    public CelExpr[] Keys { get; } = keys;

    public CelExpr[] Values { get; } = values;
}
