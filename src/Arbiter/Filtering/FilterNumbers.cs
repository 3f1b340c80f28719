using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Arbiter.Filtering;

/// <summary>Converts a filter's number to a member's numeric type when no precision is lost.</summary>
internal static class FilterNumbers
{
    public static bool TryConvertExactly(object value, Type target, [NotNullWhen(true)] out object? converted)
    {
        converted = null;
        if (value is double or float)
        {
            var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (target == typeof(double))
            {
                converted = d;
                return true;
            }
            if (target == typeof(float))
            {
                var f = (float)d;
                converted = f;
                return (double)f == d || double.IsNaN(d);
            }
            if (double.IsNaN(d) || double.IsInfinity(d) || Math.Floor(d) != d)
            {
                return target == typeof(decimal) && TryDecimal(d, out converted);
            }
            if (target == typeof(decimal))
            {
                return TryDecimal(d, out converted);
            }
            if (d < -1.7e38 || d > 1.7e38)
            {
                return false;
            }
            return TryInteger((Int128)d, target, out converted);
        }
        if (value is decimal m)
        {
            if (target == typeof(decimal))
            {
                converted = m;
                return true;
            }
            if (decimal.Truncate(m) != m)
            {
                return false;
            }
            return TryInteger((Int128)m, target, out converted);
        }
        return TryInteger(ToInt128(value), target, out converted);
    }

    private static bool TryDecimal(double d, [NotNullWhen(true)] out object? converted)
    {
        converted = null;
        if (double.IsNaN(d) || double.IsInfinity(d) || Math.Abs(d) > 7.9e28)
        {
            return false;
        }
        var m = (decimal)d;
        converted = m;
        return (double)m == d;
    }

    private static bool TryInteger(Int128 v, Type target, [NotNullWhen(true)] out object? converted)
    {
        converted = Type.GetTypeCode(target) switch
        {
            TypeCode.SByte when v >= sbyte.MinValue && v <= sbyte.MaxValue => (sbyte)v,
            TypeCode.Byte when v >= byte.MinValue && v <= byte.MaxValue => (byte)v,
            TypeCode.Int16 when v >= short.MinValue && v <= short.MaxValue => (short)v,
            TypeCode.UInt16 when v >= ushort.MinValue && v <= ushort.MaxValue => (ushort)v,
            TypeCode.Int32 when v >= int.MinValue && v <= int.MaxValue => (int)v,
            TypeCode.UInt32 when v >= uint.MinValue && v <= uint.MaxValue => (uint)v,
            TypeCode.Int64 when v >= long.MinValue && v <= long.MaxValue => (long)v,
            TypeCode.UInt64 when v >= ulong.MinValue && v <= ulong.MaxValue => (ulong)v,
            TypeCode.Decimal => (decimal)v,
            TypeCode.Double when (Int128)(double)v == v => (double)v,
            TypeCode.Single when (Int128)(float)v == v => (float)v,
            _ => null,
        };
        return converted is not null;
    }

    /// <summary>An integer of any CLR integer type, widened.</summary>
    internal static Int128 ToInt128(object value) => value switch
    {
        sbyte v => v,
        byte v => v,
        short v => v,
        ushort v => v,
        int v => v,
        uint v => v,
        long v => v,
        ulong v => v,
        _ => throw new ArgumentException("Not a number.", nameof(value)),
    };
}
