namespace Arbiter.Conditions;

/// <summary>A literal: <c>1</c>, <c>2u</c>, <c>3.0</c>, <c>'s'</c>, <c>b'b'</c>, <c>true</c>, <c>null</c>.</summary>
internal sealed class CelConstantExpr(int start, int end, CelValue value) : CelExpr(start, end, 1)
{
    public CelValue Value { get; } = value;
}
