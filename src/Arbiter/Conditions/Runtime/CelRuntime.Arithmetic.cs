namespace Arbiter.Conditions;

internal static partial class CelRuntime
{
    public static CelValue Add(CelValue a, CelValue b, ref CelEvalState state)
    {
        switch (a.Kind, b.Kind)
        {
            case (CelValueKind.Int, CelValueKind.Int):
                var sum = unchecked(a.IntValue + b.IntValue);
                return ((a.IntValue ^ sum) & (b.IntValue ^ sum)) < 0 ? CelValue.Error(CelError.IntegerOverflow) : CelValue.FromInt(sum);
            case (CelValueKind.Uint, CelValueKind.Uint):
                var usum = unchecked(a.UIntValue + b.UIntValue);
                return usum < a.UIntValue ? CelValue.Error(CelError.IntegerOverflow) : CelValue.FromUInt(usum);
            case (CelValueKind.Double, CelValueKind.Double):
                return CelValue.FromDouble(a.DoubleValue + b.DoubleValue);
            case (CelValueKind.String, CelValueKind.String):
                return (long)a.StringValue.Length + b.StringValue.Length > state.Options.MaxStringLength
                    ? CelValue.Error($"string longer than the limit of {state.Options.MaxStringLength} characters")
                    : CelValue.FromString(a.StringValue + b.StringValue);
            case (CelValueKind.Bytes, CelValueKind.Bytes):
                return (long)a.BytesValue.Length + b.BytesValue.Length > state.Options.MaxStringLength
                    ? CelValue.Error($"bytes longer than the limit of {state.Options.MaxStringLength}")
                    : CelValue.WrapBytes([.. a.BytesValue, .. b.BytesValue]);
            case (CelValueKind.List, CelValueKind.List):
                var left = a.ListValue.Items;
                var right = b.ListValue.Items;
                if ((long)left.Length + right.Length > state.Options.MaxCollectionSize)
                {
                    return CollectionTooLarge(state);
                }
                if (!state.TrySpend(left.Length + right.Length))
                {
                    return CelValue.Error(CelError.CostExceeded);
                }
                return right.Length == 0 ? a : left.Length == 0 ? b : CelValue.List(new CelList([.. left, .. right]));
            case (CelValueKind.Timestamp, CelValueKind.Duration):
                return CelTime.AddToTimestamp(a, b.IntValue);
            case (CelValueKind.Duration, CelValueKind.Timestamp):
                return CelTime.AddToTimestamp(b, a.IntValue);
            case (CelValueKind.Duration, CelValueKind.Duration):
                var dsum = unchecked(a.IntValue + b.IntValue);
                return ((a.IntValue ^ dsum) & (b.IntValue ^ dsum)) < 0 ? CelValue.Error(CelError.DurationRange) : CelValue.Duration(dsum);
            default:
                return TryPropagate(a, b, out var propagated) ? propagated : NoSuchOverload(CelOperators.Add, a, b);
        }
    }

    public static CelValue CollectionTooLarge(in CelEvalState state) =>
        CelValue.Error($"list or map larger than the limit of {state.Options.MaxCollectionSize} elements");

    public static CelValue Subtract(CelValue a, CelValue b)
    {
        switch (a.Kind, b.Kind)
        {
            case (CelValueKind.Int, CelValueKind.Int):
                var diff = unchecked(a.IntValue - b.IntValue);
                return ((a.IntValue ^ b.IntValue) & (a.IntValue ^ diff)) < 0 ? CelValue.Error(CelError.IntegerOverflow) : CelValue.FromInt(diff);
            case (CelValueKind.Uint, CelValueKind.Uint):
                return b.UIntValue > a.UIntValue ? CelValue.Error(CelError.IntegerOverflow) : CelValue.FromUInt(a.UIntValue - b.UIntValue);
            case (CelValueKind.Double, CelValueKind.Double):
                return CelValue.FromDouble(a.DoubleValue - b.DoubleValue);
            case (CelValueKind.Timestamp, CelValueKind.Duration):
                return b.IntValue == long.MinValue ? CelValue.Error(CelError.TimestampRange) : CelTime.AddToTimestamp(a, -b.IntValue);
            case (CelValueKind.Timestamp, CelValueKind.Timestamp):
                return CelTime.Difference(a, b);
            case (CelValueKind.Duration, CelValueKind.Duration):
                var ddiff = unchecked(a.IntValue - b.IntValue);
                return ((a.IntValue ^ b.IntValue) & (a.IntValue ^ ddiff)) < 0 ? CelValue.Error(CelError.DurationRange) : CelValue.Duration(ddiff);
            default:
                return TryPropagate(a, b, out var propagated) ? propagated : NoSuchOverload(CelOperators.Subtract, a, b);
        }
    }

    public static CelValue Multiply(CelValue a, CelValue b)
    {
        switch (a.Kind, b.Kind)
        {
            case (CelValueKind.Int, CelValueKind.Int):
                var product = Math.BigMul(a.IntValue, b.IntValue, out var low);
                return (product == 0 && low >= 0) || (product == -1 && low < 0)
                    ? CelValue.FromInt(low)
                    : CelValue.Error(CelError.IntegerOverflow);
            case (CelValueKind.Uint, CelValueKind.Uint):
                var high = Math.BigMul(a.UIntValue, b.UIntValue, out var ulow);
                return high == 0 ? CelValue.FromUInt(ulow) : CelValue.Error(CelError.IntegerOverflow);
            case (CelValueKind.Double, CelValueKind.Double):
                return CelValue.FromDouble(a.DoubleValue * b.DoubleValue);
            default:
                return TryPropagate(a, b, out var propagated) ? propagated : NoSuchOverload(CelOperators.Multiply, a, b);
        }
    }

    public static CelValue Divide(CelValue a, CelValue b)
    {
        switch (a.Kind, b.Kind)
        {
            case (CelValueKind.Int, CelValueKind.Int):
                if (b.IntValue == 0)
                {
                    return CelValue.Error(CelError.DivideByZero);
                }
                return a.IntValue == long.MinValue && b.IntValue == -1
                    ? CelValue.Error(CelError.IntegerOverflow)
                    : CelValue.FromInt(a.IntValue / b.IntValue);
            case (CelValueKind.Uint, CelValueKind.Uint):
                return b.UIntValue == 0 ? CelValue.Error(CelError.DivideByZero) : CelValue.FromUInt(a.UIntValue / b.UIntValue);
            case (CelValueKind.Double, CelValueKind.Double):
                return CelValue.FromDouble(a.DoubleValue / b.DoubleValue);
            default:
                return TryPropagate(a, b, out var propagated) ? propagated : NoSuchOverload(CelOperators.Divide, a, b);
        }
    }

    public static CelValue Modulo(CelValue a, CelValue b)
    {
        switch (a.Kind, b.Kind)
        {
            case (CelValueKind.Int, CelValueKind.Int):
                if (b.IntValue == 0)
                {
                    return CelValue.Error(CelError.ModulusByZero);
                }
                return a.IntValue == long.MinValue && b.IntValue == -1
                    ? CelValue.Error(CelError.IntegerOverflow)
                    : CelValue.FromInt(a.IntValue % b.IntValue);
            case (CelValueKind.Uint, CelValueKind.Uint):
                return b.UIntValue == 0 ? CelValue.Error(CelError.ModulusByZero) : CelValue.FromUInt(a.UIntValue % b.UIntValue);
            default:
                return TryPropagate(a, b, out var propagated) ? propagated : NoSuchOverload(CelOperators.Modulo, a, b);
        }
    }

    public static CelValue Negate(CelValue a) => a.Kind switch
    {
        CelValueKind.Int => a.IntValue == long.MinValue ? CelValue.Error(CelError.IntegerOverflow) : CelValue.FromInt(-a.IntValue),
        CelValueKind.Double => CelValue.FromDouble(-a.DoubleValue),
        CelValueKind.Duration => a.IntValue == long.MinValue ? CelValue.Error(CelError.DurationRange) : CelValue.Duration(-a.IntValue),
        _ => a.IsErrorOrUnknown ? a : NoSuchOverload(CelOperators.Negate, a),
    };
}
