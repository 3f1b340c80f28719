using System.Globalization;
using Arbiter.Conditions;

namespace Arbiter.Conformance.Tests.Cel;

/// <summary>Turns the conformance files' <c>cel.expr.Type</c> and <c>cel.expr.Value</c> messages into Arbiter's CEL types and values.</summary>
internal static class CelConformanceValues
{
    public static CelType ToType(TextProtoMessage type)
    {
        if (type.String("primitive") is { } primitive)
        {
            return primitive switch
            {
                "BOOL" => CelType.Bool,
                "INT64" => CelType.Int,
                "UINT64" => CelType.Uint,
                "DOUBLE" => CelType.Double,
                "STRING" => CelType.String,
                "BYTES" => CelType.Bytes,
                _ => throw new NotSupportedException($"primitive type {primitive}"),
            };
        }
        if (type.Message("list_type") is { } list)
        {
            return CelType.List(ToType(list.Message("elem_type")!));
        }
        if (type.Message("map_type") is { } map)
        {
            return CelType.Map(ToType(map.Message("key_type")!), ToType(map.Message("value_type")!));
        }
        if (type.String("message_type") is { } message)
        {
            return message switch
            {
                "google.protobuf.Duration" => CelType.Duration,
                "google.protobuf.Timestamp" => CelType.Timestamp,
                _ => throw new NotSupportedException($"message type {message}"),
            };
        }
        if (type.String("well_known") is { } wellKnown)
        {
            return wellKnown switch
            {
                "DURATION" => CelType.Duration,
                "TIMESTAMP" => CelType.Timestamp,
                "ANY" => CelType.Dyn,
                _ => throw new NotSupportedException($"well-known type {wellKnown}"),
            };
        }
        if (type.Has("null"))
        {
            return CelType.Null;
        }
        if (type.Has("dyn"))
        {
            return CelType.Dyn;
        }
        throw new NotSupportedException("type " + string.Join(", ", type.Fields.Select(f => f.Name)));
    }

    public static CelValue ToValue(TextProtoMessage value)
    {
        var (name, content) = value.Fields.Single();
        var scalar = content as TextProtoScalar;
        switch (name)
        {
            case "null_value":
                return CelValue.Null;
            case "bool_value":
                return CelValue.FromBool(scalar!.Token == "true");
            case "int64_value":
                return CelValue.FromInt(long.Parse(scalar!.Token, CultureInfo.InvariantCulture));
            case "uint64_value":
                return CelValue.FromUInt(ulong.Parse(scalar!.Token, CultureInfo.InvariantCulture));
            case "double_value":
                return CelValue.FromDouble(scalar!.Token.ToUpperInvariant() switch
                {
                    "INFINITY" or "INF" => double.PositiveInfinity,
                    "-INFINITY" or "-INF" => double.NegativeInfinity,
                    "NAN" => double.NaN,
                    var token => double.Parse(token, CultureInfo.InvariantCulture),
                });
            case "string_value":
                return CelValue.FromString(scalar!.Text);
            case "bytes_value":
                return CelValue.FromBytes(scalar!.Bytes);
            case "list_value":
                var list = (TextProtoMessage)content;
                return CelValue.FromList(list.Messages("values").Select(ToValue));
            case "map_value":
                var map = (TextProtoMessage)content;
                return CelValue.FromMap(map.Messages("entries").Select(e =>
                    new KeyValuePair<CelValue, CelValue>(ToValue(e.Message("key")!), ToValue(e.Message("value")!))));
            case "object_value" when ((TextProtoMessage)content).Message("[type.googleapis.com/google.protobuf.Duration]") is { } duration:
                var seconds = long.Parse(duration.String("seconds") ?? "0", CultureInfo.InvariantCulture);
                var nanos = long.Parse(duration.String("nanos") ?? "0", CultureInfo.InvariantCulture);
                return CelValue.FromDuration(TimeSpan.FromTicks((seconds * 10_000_000) + (nanos / 100)));
            default:
                throw new NotSupportedException($"value {name}");
        }
    }

    /// <summary>Whether an actual value is the expected one: same kind and value (type values by name, NaN equal to NaN).</summary>
    public static bool Same(CelValue expected, CelValue actual, TextProtoMessage expectedMessage)
    {
        if (expectedMessage.String("type_value") is { } typeName)
        {
            return actual.Kind == CelValueKind.Type && actual.AsType().Name == typeName;
        }
        return Same(expected, actual);
    }

    private static bool Same(CelValue expected, CelValue actual)
    {
        if (expected.Kind != actual.Kind)
        {
            return false;
        }
        switch (expected.Kind)
        {
            case CelValueKind.Double:
                return expected.AsDouble().Equals(actual.AsDouble());
            case CelValueKind.List:
                var e = expected.AsList();
                var a = actual.AsList();
                return e.Count == a.Count && e.Zip(a).All(p => Same(p.First, p.Second));
            case CelValueKind.Map:
                var em = expected.AsMap();
                var am = actual.AsMap();
                return em.Count == am.Count && em.All(p => am.TryGetValue(p.Key, out var v) && Same(p.Value, v));
            default:
                return expected.Equals(actual);
        }
    }
}
