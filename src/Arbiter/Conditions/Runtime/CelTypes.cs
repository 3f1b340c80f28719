namespace Arbiter.Conditions;

/// <summary>Runtime types of values (what <c>type(x)</c> gives) and the type denotations (<c>int</c>, <c>list</c>...).</summary>
internal static class CelTypes
{
    /// <summary>The names that denote types when no variable has them.</summary>
    public static readonly IReadOnlyDictionary<string, CelType> Denotations = new Dictionary<string, CelType>(StringComparer.Ordinal)
    {
        ["bool"] = CelType.Bool,
        ["int"] = CelType.Int,
        ["uint"] = CelType.Uint,
        ["double"] = CelType.Double,
        ["string"] = CelType.String,
        ["bytes"] = CelType.Bytes,
        ["list"] = CelType.ListOfDyn,
        ["map"] = CelType.MapOfDyn,
        ["null_type"] = CelType.Null,
        ["type"] = CelType.TypeType,
        ["google.protobuf.Timestamp"] = CelType.Timestamp,
        ["google.protobuf.Duration"] = CelType.Duration,
    };

    public static CelType RuntimeType(in CelValue value) => value.Kind switch
    {
        CelValueKind.Null => CelType.Null,
        CelValueKind.Bool => CelType.Bool,
        CelValueKind.Int => CelType.Int,
        CelValueKind.Uint => CelType.Uint,
        CelValueKind.Double => CelType.Double,
        CelValueKind.String => CelType.String,
        CelValueKind.Bytes => CelType.Bytes,
        CelValueKind.List => CelType.ListOfDyn,
        CelValueKind.Map => CelType.MapOfDyn,
        CelValueKind.Timestamp => CelType.Timestamp,
        CelValueKind.Duration => CelType.Duration,
        CelValueKind.Type => CelType.TypeType,
        CelValueKind.IpAddress => CelType.IpAddress,
        _ => CelType.Dyn,
    };

    public static string NameOf(in CelValue value) => value.Kind switch
    {
        CelValueKind.Null => "null_type",
        CelValueKind.Error => "error",
        CelValueKind.Unknown => "unknown",
        CelValueKind.None => "unset",
        _ => RuntimeType(value).Name,
    };

    /// <summary>Short names for messages: <c>timestamp</c> rather than <c>google.protobuf.Timestamp</c>.</summary>
    public static string ShortName(in CelValue value) => value.Kind switch
    {
        CelValueKind.Timestamp => "timestamp",
        CelValueKind.Duration => "duration",
        _ => NameOf(value),
    };
}
