using System.Collections;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Arbiter.Conditions;

/// <summary>
/// Converts .NET and JSON values to CEL values of a declared type, as OpenFGA converts condition context values:
/// numbers to the parameter's numeric type when they fit, RFC 3339 strings to timestamps, <c>"1h30m"</c> strings to
/// durations, address strings to <c>ipaddress</c>, lists and string-keyed maps element by element.
/// </summary>
internal static class CelConversion
{
    private const int MaxDepth = 32;

    public static bool TryConvert(object? value, CelType type, CelOptions options, out CelValue result, out string? error)
    {
        error = null;
        result = Convert(value, type, options, 0, ref error);
        return error is null;
    }

    private static CelValue Fail(ref string? error, string message)
    {
        error ??= message;
        return default;
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        JsonElement json => json.ValueKind.ToString().ToLowerInvariant(),
        CelValue cel => cel.Kind.ToString().ToLowerInvariant(),
        _ => value.GetType().Name,
    };

    private static CelValue Convert(object? value, CelType type, CelOptions options, int depth, ref string? error)
    {
        if (depth > MaxDepth)
        {
            return Fail(ref error, $"the value nests more than {MaxDepth} levels deep");
        }
        if (value is JsonElement json)
        {
            value = FromJson(json);
        }
        if (value is CelValue cel)
        {
            return cel.Kind == CelValueKind.None || (type.Kind != CelTypeKind.Dyn && CelTypes.RuntimeType(cel).Kind != type.Kind)
                ? Fail(ref error, $"expected {type}, found {Describe(cel)}")
                : cel;
        }
        if (value is null)
        {
            return type.Kind is CelTypeKind.Dyn or CelTypeKind.Null ? CelValue.Null : Fail(ref error, $"expected {type}, found null");
        }
        var converted = type.Kind switch
        {
            CelTypeKind.Dyn => Infer(value, options, depth, ref error),
            CelTypeKind.Bool => value is bool b ? CelValue.FromBool(b) : default,
            CelTypeKind.Int => ToInt(value),
            CelTypeKind.Uint => ToUInt(value),
            CelTypeKind.Double => ToDouble(value),
            CelTypeKind.String => value is string s ? CelValue.FromString(s) : default,
            CelTypeKind.Bytes => value switch
            {
                byte[] bytes => CelValue.FromBytes(bytes),
                ReadOnlyMemory<byte> memory => CelValue.FromBytes(memory.Span),
                string text => CelValue.WrapBytes(System.Text.Encoding.UTF8.GetBytes(text)),
                _ => default,
            },
            CelTypeKind.Duration => value switch
            {
                TimeSpan span => FromTimeSpan(span),
                string text => CelTime.ParseDuration(text),
                _ => default,
            },
            CelTypeKind.Timestamp => value switch
            {
                DateTimeOffset offset => CelValue.FromTimestamp(offset),
                DateTime dateTime => CelValue.FromTimestamp(dateTime.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(dateTime, TimeSpan.Zero) : new DateTimeOffset(dateTime)),
                string text => CelTime.ParseTimestamp(text),
                _ => default,
            },
            CelTypeKind.IpAddress => value switch
            {
                IPAddress address => CelValue.IpAddress(new CelIpAddress(address)),
                string text => CelRuntime.ToIpAddress(CelValue.FromString(text)),
                _ => default,
            },
            CelTypeKind.List => ToList(value, type.First, options, depth, ref error),
            CelTypeKind.Map => ToMap(value, type.Second, options, depth, ref error),
            _ => default,
        };
        if (error is not null)
        {
            return default;
        }
        if (converted.IsError)
        {
            return Fail(ref error, converted.ErrorMessage!);
        }
        return converted.Kind == CelValueKind.None ? Fail(ref error, $"expected {type}, found {Describe(value)}") : converted;
    }

    private static CelValue Infer(object value, CelOptions options, int depth, ref string? error) => value switch
    {
        bool b => CelValue.FromBool(b),
        string s => CelValue.FromString(s),
        sbyte or short or int or long or byte or ushort or uint => CelValue.FromInt(System.Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        ulong u => u <= long.MaxValue ? CelValue.FromInt((long)u) : CelValue.FromUInt(u),
        float or double or decimal => CelValue.FromDouble(System.Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        DateTimeOffset or DateTime => Convert(value, CelType.Timestamp, options, depth, ref error),
        TimeSpan span => FromTimeSpan(span),
        byte[] bytes => CelValue.FromBytes(bytes),
        IPAddress address => CelValue.IpAddress(new CelIpAddress(address)),
        IDictionary or IReadOnlyDictionary<string, object?> => ToMap(value, CelType.Dyn, options, depth, ref error),
        IEnumerable => ToList(value, CelType.Dyn, options, depth, ref error),
        _ => default,
    };

    private static CelValue FromTimeSpan(TimeSpan span) =>
        span.Ticks is > long.MaxValue / 100 or < long.MinValue / 100 ? CelValue.Error(CelError.DurationRange) : CelValue.Duration(span.Ticks * 100);

    private static CelValue ToInt(object value)
    {
        switch (value)
        {
            case sbyte or short or int or long or byte or ushort or uint:
                return CelValue.FromInt(System.Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case ulong u:
                return u <= long.MaxValue ? CelValue.FromInt((long)u) : CelValue.Error("the number is out of the int range");
            case float or double or decimal:
                var d = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return Math.Floor(d) == d && d >= -9.2233720368547758e18 && d < 9.2233720368547758e18
                    ? CelValue.FromInt((long)d)
                    : CelValue.Error("the number is not an integer in the int range");
            case string s:
                return CelRuntime.ToInt(CelValue.FromString(s));
            default:
                return default;
        }
    }

    private static CelValue ToUInt(object value)
    {
        var asInt = value is ulong u ? CelValue.FromUInt(u) : ToInt(value);
        return asInt.Kind == CelValueKind.Int ? CelRuntime.ToUInt(asInt) : asInt;
    }

    private static CelValue ToDouble(object value) => value switch
    {
        sbyte or short or int or long or byte or ushort or uint or ulong or float or double or decimal =>
            CelValue.FromDouble(System.Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        string s => CelRuntime.ToDouble(CelValue.FromString(s)),
        _ => default,
    };

    private static CelValue ToList(object value, CelType element, CelOptions options, int depth, ref string? error)
    {
        if (value is string or not IEnumerable)
        {
            return default;
        }
        var items = new List<CelValue>();
        foreach (var item in (IEnumerable)value)
        {
            if (items.Count >= options.MaxCollectionSize)
            {
                return Fail(ref error, $"the list has more than {options.MaxCollectionSize} elements");
            }
            items.Add(Convert(item, element, options, depth + 1, ref error));
            if (error is not null)
            {
                return default;
            }
        }
        return CelValue.List(new CelList([.. items]));
    }

    private static CelValue ToMap(object value, CelType valueType, CelOptions options, int depth, ref string? error)
    {
        IEnumerable<KeyValuePair<string, object?>>? entries = value switch
        {
            IReadOnlyDictionary<string, object?> map => map,
            IDictionary<string, object?> map => map,
            IDictionary map => map.Keys.Cast<object>().All(k => k is string)
                ? map.Keys.Cast<string>().Select(k => new KeyValuePair<string, object?>(k, map[k]))
                : null,
            _ => null,
        };
        if (entries is null)
        {
            return default;
        }
        var keys = new List<CelValue>();
        var values = new List<CelValue>();
        foreach (var (key, item) in entries)
        {
            if (keys.Count >= options.MaxCollectionSize)
            {
                return Fail(ref error, $"the map has more than {options.MaxCollectionSize} entries");
            }
            keys.Add(CelValue.FromString(key));
            values.Add(Convert(item, valueType, options, depth + 1, ref error));
            if (error is not null)
            {
                return default;
            }
        }
        return CelMap.Create([.. keys], [.. values]);
    }

    private static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => json.TryGetInt64(out var l) ? (object)l : json.GetDouble(),
        JsonValueKind.Array => json.EnumerateArray().Select(e => (object)e).ToList(),
        _ => json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value, StringComparer.Ordinal),
    };
}
