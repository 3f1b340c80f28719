namespace Arbiter.Conditions;

/// <summary>
/// CEL's heterogeneous equality: values of different kinds are unequal, except numbers, which compare by value across
/// int, uint and double (NaN equals nothing); lists compare by element and maps by key set and values.
/// </summary>
internal static class CelEquality
{
    public static bool ValueEquals(in CelValue a, in CelValue b)
    {
        if (a.Kind != b.Kind)
        {
            return IsNumber(a.Kind) && IsNumber(b.Kind) && CelNumbers.Compare(a, b) == 0;
        }
        switch (a.Kind)
        {
            case CelValueKind.Null or CelValueKind.None:
                return true;
            case CelValueKind.Bool or CelValueKind.Int or CelValueKind.Uint or CelValueKind.Duration:
                return a.IntValue == b.IntValue;
            case CelValueKind.Double:
                return a.DoubleValue == b.DoubleValue;
            case CelValueKind.String:
                return string.Equals(a.StringValue, b.StringValue, StringComparison.Ordinal);
            case CelValueKind.Bytes:
                return a.BytesValue.AsSpan().SequenceEqual(b.BytesValue);
            case CelValueKind.Timestamp:
                return a.Seconds == b.Seconds && a.Nanos == b.Nanos;
            case CelValueKind.Type:
                return string.Equals(a.TypeRef.Name, b.TypeRef.Name, StringComparison.Ordinal);
            case CelValueKind.IpAddress:
                return a.IpValue.SameAs(b.IpValue);
            case CelValueKind.List:
                // Lists and maps from an activation may nest deeply: fail (as an error result) before the stack does.
                System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
                var left = a.ListValue.Items;
                var right = b.ListValue.Items;
                if (left.Length != right.Length)
                {
                    return false;
                }
                for (var i = 0; i < left.Length; i++)
                {
                    if (!ValueEquals(left[i], right[i]))
                    {
                        return false;
                    }
                }
                return true;
            case CelValueKind.Map:
                System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
                var x = a.MapValue;
                var y = b.MapValue;
                if (x.Count != y.Count)
                {
                    return false;
                }
                foreach (var key in x.KeyArray)
                {
                    if (!y.TryGetValue(key, out var other) || !ValueEquals(x[key], other))
                    {
                        return false;
                    }
                }
                return true;
            default:
                return ReferenceEquals(a.Reference, b.Reference);
        }
    }

    public static bool IsNumber(CelValueKind kind) => kind is CelValueKind.Int or CelValueKind.Uint or CelValueKind.Double;

    /// <summary>How many elements an equality test may visit (for the cost budget).</summary>
    public static long CostOf(in CelValue value) => value.Kind switch
    {
        CelValueKind.List => value.ListValue.Count,
        CelValueKind.Map => value.MapValue.Count,
        _ => 0,
    };
}
