using System.Globalization;
using System.Text;

namespace Arbiter.Conditions;

internal static partial class CelRuntime
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CelValue ToInt(CelValue a)
    {
        switch (a.Kind)
        {
            case CelValueKind.Int:
                return a;
            case CelValueKind.Uint:
                return a.UIntValue > long.MaxValue ? RangeError("int") : CelValue.FromInt((long)a.UIntValue);
            case CelValueKind.Double:
                var d = a.DoubleValue;
                return d > -9.2233720368547758e18 && d < 9.2233720368547758e18 ? CelValue.FromInt((long)d) : RangeError("int");
            case CelValueKind.String:
                return long.TryParse(a.StringValue, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                    ? CelValue.FromInt(parsed)
                    : ConversionError("int", a);
            case CelValueKind.Timestamp:
                return CelValue.FromInt(a.Seconds);
            default:
                return a.IsErrorOrUnknown ? a : NoSuchOverload("int", a);
        }
    }

    public static CelValue ToUInt(CelValue a)
    {
        switch (a.Kind)
        {
            case CelValueKind.Uint:
                return a;
            case CelValueKind.Int:
                return a.IntValue < 0 ? RangeError("uint") : CelValue.FromUInt((ulong)a.IntValue);
            case CelValueKind.Double:
                var d = a.DoubleValue;
                return d >= 0 && d < 1.8446744073709552e19 ? CelValue.FromUInt((ulong)d) : RangeError("uint");
            case CelValueKind.String:
                return ulong.TryParse(a.StringValue, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                    ? CelValue.FromUInt(parsed)
                    : ConversionError("uint", a);
            default:
                return a.IsErrorOrUnknown ? a : NoSuchOverload("uint", a);
        }
    }

    public static CelValue ToDouble(CelValue a)
    {
        switch (a.Kind)
        {
            case CelValueKind.Double:
                return a;
            case CelValueKind.Int:
                return CelValue.FromDouble(a.IntValue);
            case CelValueKind.Uint:
                return CelValue.FromDouble(a.UIntValue);
            case CelValueKind.String:
                var text = a.StringValue;
                switch (text.ToUpperInvariant())
                {
                    case "NAN": return CelValue.FromDouble(double.NaN);
                    case "INF" or "+INF" or "INFINITY" or "+INFINITY": return CelValue.FromDouble(double.PositiveInfinity);
                    case "-INF" or "-INFINITY": return CelValue.FromDouble(double.NegativeInfinity);
                }
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                    ? CelValue.FromDouble(parsed)
                    : ConversionError("double", a);
            default:
                return a.IsErrorOrUnknown ? a : NoSuchOverload("double", a);
        }
    }

    public static CelValue ToStringValue(CelValue a) => a.Kind switch
    {
        CelValueKind.String => a,
        CelValueKind.Int => CelValue.FromString(a.IntValue.ToString(CultureInfo.InvariantCulture)),
        CelValueKind.Uint => CelValue.FromString(a.UIntValue.ToString(CultureInfo.InvariantCulture)),
        CelValueKind.Double => CelValue.FromString(CelFormat.FormatDouble(a.DoubleValue)),
        CelValueKind.Bool => CelValue.FromString(a.BoolValue ? "true" : "false"),
        CelValueKind.Bytes => BytesToString(a.BytesValue),
        CelValueKind.Timestamp => CelValue.FromString(CelTime.FormatTimestamp(a)),
        CelValueKind.Duration => CelValue.FromString(CelTime.FormatDuration(a.IntValue)),
        CelValueKind.IpAddress => CelValue.FromString(a.IpValue.ToString()),
        _ => a.IsErrorOrUnknown ? a : NoSuchOverload("string", a),
    };

    private static CelValue BytesToString(byte[] bytes)
    {
        try
        {
            return CelValue.FromString(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            return CelValue.Error("invalid UTF-8 in bytes, cannot convert to string");
        }
    }

    public static CelValue ToBytes(CelValue a) => a.Kind switch
    {
        CelValueKind.Bytes => a,
        CelValueKind.String => CelValue.WrapBytes(Encoding.UTF8.GetBytes(a.StringValue)),
        _ => a.IsErrorOrUnknown ? a : NoSuchOverload("bytes", a),
    };

    public static CelValue ToBool(CelValue a) => a.Kind switch
    {
        CelValueKind.Bool => a,
        CelValueKind.String => a.StringValue switch
        {
            "1" or "t" or "T" or "true" or "TRUE" or "True" => CelValue.True,
            "0" or "f" or "F" or "false" or "FALSE" or "False" => CelValue.False,
            _ => ConversionError("bool", a),
        },
        _ => a.IsErrorOrUnknown ? a : NoSuchOverload("bool", a),
    };

    public static CelValue ToTimestamp(CelValue a) => a.Kind switch
    {
        CelValueKind.Timestamp => a,
        CelValueKind.String => CelTime.ParseTimestamp(a.StringValue),
        CelValueKind.Int => CelTime.MakeTimestamp(a.IntValue, 0),
        _ => a.IsErrorOrUnknown ? a : NoSuchOverload("timestamp", a),
    };

    public static CelValue ToDuration(CelValue a) => a.Kind switch
    {
        CelValueKind.Duration => a,
        CelValueKind.String => CelTime.ParseDuration(a.StringValue),
        _ => a.IsErrorOrUnknown ? a : NoSuchOverload("duration", a),
    };

    public static CelValue ToIpAddress(CelValue a) => a.Kind switch
    {
        CelValueKind.IpAddress => a,
        CelValueKind.String => CelIpAddress.TryParse(a.StringValue, out var address)
            ? CelValue.IpAddress(address!)
            : CelValue.Error($"'{a.StringValue}' is not a valid IP address"),
        _ => a.IsErrorOrUnknown ? a : NoSuchOverload("ipaddress", a),
    };

    public static CelValue TypeOf(CelValue a) => a.IsErrorOrUnknown ? a : CelValue.TypeValue(CelTypes.RuntimeType(a));

    public static CelValue InCidr(CelValue address, CelValue cidr)
    {
        if (address.Kind != CelValueKind.IpAddress || cidr.Kind != CelValueKind.String)
        {
            return TryPropagate(address, cidr, out var propagated) ? propagated : NoSuchOverload("in_cidr", address, cidr);
        }
        return address.IpValue.InCidr(cidr.StringValue) is { } inside
            ? CelValue.FromBool(inside)
            : CelValue.Error($"'{cidr.StringValue}' is a malformed CIDR string");
    }

    public static CelValue TimestampPart(CelValue target, string part)
    {
        return target.Kind switch
        {
            CelValueKind.Timestamp => CelTime.TimestampPart(target, part, null),
            CelValueKind.Duration when part is "getHours" or "getMinutes" or "getSeconds" or "getMilliseconds" => CelTime.DurationPart(target, part),
            _ => target.IsErrorOrUnknown ? target : NoSuchOverload(part, target),
        };
    }

    public static CelValue TimestampPartInZone(CelValue target, CelValue zone, string part)
    {
        if (target.Kind != CelValueKind.Timestamp || zone.Kind != CelValueKind.String)
        {
            return TryPropagate(target, zone, out var propagated) ? propagated : NoSuchOverload(part, target, zone);
        }
        return CelTime.TimestampPart(target, part, zone.StringValue);
    }

    private static CelValue RangeError(string type) => CelValue.Error($"range error converting to {type}");

    private static CelValue ConversionError(string type, in CelValue a) =>
        CelValue.Error($"Type conversion error: cannot convert '{Truncate(a.StringValue)}' to {type}");

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
