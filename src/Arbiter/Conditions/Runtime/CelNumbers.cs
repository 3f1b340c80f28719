namespace Arbiter.Conditions;

/// <summary>Comparisons across int, uint and double, as CEL defines them.</summary>
internal static class CelNumbers
{
    /// <summary>Compares two numbers of any numeric kinds: negative, zero or positive; <see langword="null"/> when a NaN is involved.</summary>
    public static int? Compare(in CelValue a, in CelValue b)
    {
        switch (a.Kind, b.Kind)
        {
            case (CelValueKind.Int, CelValueKind.Int):
                return a.IntValue.CompareTo(b.IntValue);
            case (CelValueKind.Uint, CelValueKind.Uint):
                return a.UIntValue.CompareTo(b.UIntValue);
            case (CelValueKind.Int, CelValueKind.Uint):
                return a.IntValue < 0 ? -1 : ((ulong)a.IntValue).CompareTo(b.UIntValue);
            case (CelValueKind.Uint, CelValueKind.Int):
                return b.IntValue < 0 ? 1 : a.UIntValue.CompareTo((ulong)b.IntValue);
            default:
                var x = ToDouble(a);
                var y = ToDouble(b);
                if (double.IsNaN(x) || double.IsNaN(y))
                {
                    return null;
                }
                return x.CompareTo(y);
        }
    }

    private static double ToDouble(in CelValue value) => value.Kind switch
    {
        CelValueKind.Int => value.IntValue,
        CelValueKind.Uint => value.UIntValue,
        _ => value.DoubleValue,
    };
}
