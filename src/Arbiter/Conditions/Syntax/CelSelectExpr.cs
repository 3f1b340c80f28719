namespace Arbiter.Conditions;

/// <summary>A field selection <c>e.f</c>, or the presence test <c>has(e.f)</c> when <see cref="TestOnly"/>.</summary>
internal sealed class CelSelectExpr(int start, int end, CelExpr operand, string field, bool testOnly) : CelExpr(start, end, DepthOf(operand))
{
    public CelExpr Operand { get; } = operand;

    public string Field { get; } = field;

    public bool TestOnly { get; } = testOnly;
}
