namespace Arbiter.Conditions;

internal static partial class CelRuntime
{
    /// <summary>
    /// <c>a || b</c> once <c>a</c> is known not to be <c>true</c>: true if <c>b</c> is true; false if both are false;
    /// otherwise the error or unknown (a non-bool operand counts as an error).
    /// </summary>
    public static CelValue OrRest(CelValue a, CelValue b)
    {
        if (b.IsTrue)
        {
            return b;
        }
        if (a.Kind == CelValueKind.Bool && b.Kind == CelValueKind.Bool)
        {
            return CelValue.False;
        }
        return MergeLogical(CelOperators.LogicalOr, a, b);
    }

    /// <summary><c>a &amp;&amp; b</c> once <c>a</c> is known not to be <c>false</c>.</summary>
    public static CelValue AndRest(CelValue a, CelValue b)
    {
        if (b.Kind == CelValueKind.Bool && !b.BoolValue)
        {
            return b;
        }
        if (a.Kind == CelValueKind.Bool && b.Kind == CelValueKind.Bool)
        {
            return CelValue.True;
        }
        return MergeLogical(CelOperators.LogicalAnd, a, b);
    }

    private static CelValue MergeLogical(string function, in CelValue a, in CelValue b)
    {
        var left = a.Kind is CelValueKind.Bool || a.IsErrorOrUnknown ? a : NoSuchOverload(function, a, b);
        var right = b.Kind is CelValueKind.Bool || b.IsErrorOrUnknown ? b : NoSuchOverload(function, a, b);
        if (left.IsErrorOrUnknown && right.IsErrorOrUnknown)
        {
            return Merge(left, right);
        }
        return left.IsErrorOrUnknown ? left : right;
    }

    public static bool IsFalse(CelValue value) => value.Kind == CelValueKind.Bool && !value.BoolValue;

    public static bool IsTrue(CelValue value) => value.IsTrue;

    public static CelValue Not(CelValue a) =>
        a.Kind == CelValueKind.Bool ? CelValue.FromBool(!a.BoolValue)
        : a.IsErrorOrUnknown ? a
        : NoSuchOverload(CelOperators.LogicalNot, a);

    /// <summary>The condition of <c>c ? x : y</c> when it is not a bool: its error, or no matching overload.</summary>
    public static CelValue ConditionError(CelValue condition) =>
        condition.IsErrorOrUnknown ? condition : CelValue.Error($"found no matching overload for '_?_:_' applied to '({CelTypes.ShortName(condition)}, ...)'");

    public static CelValue Dyn(CelValue a) => a;
}
