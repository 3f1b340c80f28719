namespace Arbiter.Conditions;

internal static partial class CelRuntime
{
    public static CelValue Equal(CelValue a, CelValue b, ref CelEvalState state)
    {
        if (TryPropagate(a, b, out var propagated))
        {
            return propagated;
        }
        if (!state.TrySpend(CelEquality.CostOf(a)))
        {
            return CelValue.Error(CelError.CostExceeded);
        }
        return CelValue.FromBool(CelEquality.ValueEquals(a, b));
    }

    public static CelValue NotEqual(CelValue a, CelValue b, ref CelEvalState state)
    {
        var equal = Equal(a, b, ref state);
        return equal.Kind == CelValueKind.Bool ? CelValue.FromBool(!equal.BoolValue) : equal;
    }

    public static CelValue Less(CelValue a, CelValue b) =>
        a.Kind == CelValueKind.Int && b.Kind == CelValueKind.Int ? CelValue.FromBool(a.IntValue < b.IntValue) : Order(CelOperators.Less, a, b);

    public static CelValue LessEquals(CelValue a, CelValue b) =>
        a.Kind == CelValueKind.Int && b.Kind == CelValueKind.Int ? CelValue.FromBool(a.IntValue <= b.IntValue) : Order(CelOperators.LessEquals, a, b);

    public static CelValue Greater(CelValue a, CelValue b) =>
        a.Kind == CelValueKind.Int && b.Kind == CelValueKind.Int ? CelValue.FromBool(a.IntValue > b.IntValue) : Order(CelOperators.Greater, a, b);

    public static CelValue GreaterEquals(CelValue a, CelValue b) =>
        a.Kind == CelValueKind.Int && b.Kind == CelValueKind.Int ? CelValue.FromBool(a.IntValue >= b.IntValue) : Order(CelOperators.GreaterEquals, a, b);

    private static CelValue Order(string function, in CelValue a, in CelValue b)
    {
        if (TryPropagate(a, b, out var propagated))
        {
            return propagated;
        }
        int? order;
        if (CelEquality.IsNumber(a.Kind) && CelEquality.IsNumber(b.Kind))
        {
            order = CelNumbers.Compare(a, b);
            if (order is null)
            {
                return CelValue.False; // NaN is unordered
            }
        }
        else if (a.Kind != b.Kind)
        {
            return NoSuchOverload(function, a, b);
        }
        else
        {
            switch (a.Kind)
            {
                case CelValueKind.Bool:
                    order = a.BoolValue.CompareTo(b.BoolValue);
                    break;
                case CelValueKind.String:
                    order = CelStrings.CompareCodePoints(a.StringValue, b.StringValue);
                    break;
                case CelValueKind.Bytes:
                    order = a.BytesValue.AsSpan().SequenceCompareTo(b.BytesValue);
                    break;
                case CelValueKind.Timestamp:
                    order = a.Seconds != b.Seconds ? a.Seconds.CompareTo(b.Seconds) : a.Nanos.CompareTo(b.Nanos);
                    break;
                case CelValueKind.Duration:
                    order = a.IntValue.CompareTo(b.IntValue);
                    break;
                default:
                    return NoSuchOverload(function, a, b);
            }
        }
        var o = order.Value;
        return CelValue.FromBool(function switch
        {
            CelOperators.Less => o < 0,
            CelOperators.LessEquals => o <= 0,
            CelOperators.Greater => o > 0,
            _ => o >= 0,
        });
    }

    /// <summary><c>a in b</c>: list membership by CEL equality, or map key presence.</summary>
    public static CelValue In(CelValue a, CelValue b, ref CelEvalState state)
    {
        if (TryPropagate(a, b, out var propagated))
        {
            return propagated;
        }
        switch (b.Kind)
        {
            case CelValueKind.List:
                var items = b.ListValue.Items;
                if (!state.TrySpend(items.Length))
                {
                    return CelValue.Error(CelError.CostExceeded);
                }
                foreach (var item in items)
                {
                    if (CelEquality.ValueEquals(a, item))
                    {
                        return CelValue.True;
                    }
                }
                return CelValue.False;
            case CelValueKind.Map:
                return CelValue.FromBool(b.MapValue.ContainsKey(a));
            default:
                return NoSuchOverload(CelOperators.In, a, b);
        }
    }
}
