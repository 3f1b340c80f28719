namespace Arbiter.Conditions;

/// <summary>Map-key equality: numbers equal across int, uint and double when their values are equal; otherwise by kind.</summary>
internal sealed class CelKeyComparer : IEqualityComparer<CelValue>
{
    public static readonly CelKeyComparer Instance = new();

    public bool Equals(CelValue x, CelValue y) => CelEquality.ValueEquals(x, y);

    public int GetHashCode(CelValue value)
    {
        switch (value.Kind)
        {
            case CelValueKind.Int:
                return value.IntValue.GetHashCode();
            case CelValueKind.Uint:
                return value.UIntValue <= long.MaxValue ? ((long)value.UIntValue).GetHashCode() : value.UIntValue.GetHashCode();
            case CelValueKind.Double:
                var d = value.DoubleValue;
                if (Math.Floor(d) == d && d >= -9.2233720368547758e18 && d < 9.2233720368547758e18)
                {
                    return ((long)d).GetHashCode();
                }
                if (Math.Floor(d) == d && d >= 0 && d < 1.8446744073709552e19)
                {
                    return ((ulong)d).GetHashCode();
                }
                return d.GetHashCode();
            case CelValueKind.Bool:
                return value.BoolValue ? 1 : 0;
            case CelValueKind.String:
                return value.StringValue.GetHashCode(StringComparison.Ordinal);
            case CelValueKind.Bytes:
                var hash = new HashCode();
                hash.AddBytes(value.BytesValue);
                return hash.ToHashCode();
            case CelValueKind.Timestamp:
                return HashCode.Combine(value.Seconds, value.Nanos);
            case CelValueKind.Duration:
                return value.IntValue.GetHashCode();
            default:
                return (int)value.Kind;
        }
    }
}
