using Arbiter.Model;

namespace Arbiter.Conditions;

/// <summary>A CEL type, as declared for variables and inferred by the checker: <c>int</c>, <c>list(string)</c>, <c>map(string, dyn)</c>...</summary>
public sealed partial class CelType : IEquatable<CelType>
{
    private CelType(CelTypeKind kind, string name, params CelType[] parameters)
    {
        Kind = kind;
        Name = name;
        Parameters = parameters;
    }

    /// <summary>The kind of type.</summary>
    public CelTypeKind Kind { get; }

    /// <summary>The runtime type name, as <c>type(x)</c> shows it: <c>int</c>, <c>list</c>, <c>google.protobuf.Timestamp</c>...</summary>
    public string Name { get; }

    /// <summary>The element type of a list, the key and value types of a map, the type a <c>type</c> denotes; empty otherwise.</summary>
    public IReadOnlyList<CelType> Parameters { get; }

    /// <summary><c>dyn</c>.</summary>
    public static CelType Dyn { get; } = new(CelTypeKind.Dyn, "dyn");

    /// <summary><c>null_type</c>.</summary>
    public static CelType Null { get; } = new(CelTypeKind.Null, "null_type");

    /// <summary><c>bool</c>.</summary>
    public static CelType Bool { get; } = new(CelTypeKind.Bool, "bool");

    /// <summary><c>int</c>.</summary>
    public static CelType Int { get; } = new(CelTypeKind.Int, "int");

    /// <summary><c>uint</c>.</summary>
    public static CelType Uint { get; } = new(CelTypeKind.Uint, "uint");

    /// <summary><c>double</c>.</summary>
    public static CelType Double { get; } = new(CelTypeKind.Double, "double");

    /// <summary><c>string</c>.</summary>
    public static CelType String { get; } = new(CelTypeKind.String, "string");

    /// <summary><c>bytes</c>.</summary>
    public static CelType Bytes { get; } = new(CelTypeKind.Bytes, "bytes");

    /// <summary><c>duration</c>.</summary>
    public static CelType Duration { get; } = new(CelTypeKind.Duration, "google.protobuf.Duration");

    /// <summary><c>timestamp</c>.</summary>
    public static CelType Timestamp { get; } = new(CelTypeKind.Timestamp, "google.protobuf.Timestamp");

    /// <summary><c>ipaddress</c>.</summary>
    public static CelType IpAddress { get; } = new(CelTypeKind.IpAddress, "ipaddress");

    /// <summary>The type of types, <c>type</c>.</summary>
    public static CelType TypeType { get; } = new(CelTypeKind.Type, "type", Dyn);

    internal static CelType ListOfDyn { get; } = List(Dyn);

    internal static CelType MapOfDyn { get; } = Map(Dyn, Dyn);

    /// <summary><c>list(element)</c>.</summary>
    public static CelType List(CelType element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new(CelTypeKind.List, "list", element);
    }

    /// <summary><c>map(key, value)</c>.</summary>
    public static CelType Map(CelType key, CelType value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        return new(CelTypeKind.Map, "map", key, value);
    }

    /// <summary><c>type(denoted)</c>: the type of the value that denotes <paramref name="denoted"/>.</summary>
    public static CelType TypeOf(CelType denoted)
    {
        ArgumentNullException.ThrowIfNull(denoted);
        return new(CelTypeKind.Type, "type", denoted);
    }

    internal static CelType Parameter(string name) => new(CelTypeKind.TypeParameter, name);

    /// <summary>The element type of a list, or the key type of a map.</summary>
    internal CelType First => Parameters.Count > 0 ? Parameters[0] : Dyn;

    /// <summary>The value type of a map.</summary>
    internal CelType Second => Parameters.Count > 1 ? Parameters[1] : Dyn;

    /// <summary>
    /// The CEL type of an OpenFGA condition parameter type: <c>int</c>, <c>uint</c>, <c>double</c>, <c>bool</c>,
    /// <c>string</c>, <c>bytes</c>, <c>duration</c>, <c>timestamp</c>, <c>ipaddress</c>, <c>any</c> (dyn),
    /// <c>list&lt;T&gt;</c> and <c>map&lt;T&gt;</c> (string keys).
    /// </summary>
    /// <exception cref="ArgumentException">The type name is not one of these.</exception>
    public static CelType FromParameterType(ConditionParameterType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        CelType? Element() => type.GenericTypes.Count == 1 ? FromParameterType(type.GenericTypes[0]) : null;
        return type.Name switch
        {
            "int" => Int,
            "uint" => Uint,
            "double" => Double,
            "bool" => Bool,
            "string" => String,
            "bytes" => Bytes,
            "duration" => Duration,
            "timestamp" => Timestamp,
            "ipaddress" => IpAddress,
            "any" => Dyn,
            "list" when Element() is { } element => List(element),
            "map" when Element() is { } value => Map(String, value),
            _ => throw new ArgumentException($"'{type}' is not a condition parameter type.", nameof(type)),
        };
    }

    /// <summary>The checker's notation: <c>int</c>, <c>list(string)</c>, <c>map(string, int)</c>, <c>type(int)</c>.</summary>
    public override string ToString() => Kind switch
    {
        CelTypeKind.List => $"list({First})",
        CelTypeKind.Map => $"map({First}, {Second})",
        CelTypeKind.Type => Parameters.Count == 1 && Parameters[0].Kind != CelTypeKind.Dyn ? $"type({Parameters[0]})" : "type",
        _ => Name,
    };

    /// <summary>Structural equality.</summary>
    public bool Equals(CelType? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other is null || other.Kind != Kind || !string.Equals(other.Name, Name, StringComparison.Ordinal) || other.Parameters.Count != Parameters.Count)
        {
            return false;
        }
        for (var i = 0; i < Parameters.Count; i++)
        {
            if (!Parameters[i].Equals(other.Parameters[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CelType);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Name, Parameters.Count);
}
