namespace Arbiter.Conditions;

/// <summary>The kinds of CEL types.</summary>
public enum CelTypeKind
{
    /// <summary><c>dyn</c> (OpenFGA's <c>any</c>): any value, checked at runtime.</summary>
    Dyn,

    /// <summary><c>null_type</c>.</summary>
    Null,

    /// <summary><c>bool</c>.</summary>
    Bool,

    /// <summary><c>int</c>.</summary>
    Int,

    /// <summary><c>uint</c>.</summary>
    Uint,

    /// <summary><c>double</c>.</summary>
    Double,

    /// <summary><c>string</c>.</summary>
    String,

    /// <summary><c>bytes</c>.</summary>
    Bytes,

    /// <summary><c>duration</c> (<c>google.protobuf.Duration</c>).</summary>
    Duration,

    /// <summary><c>timestamp</c> (<c>google.protobuf.Timestamp</c>).</summary>
    Timestamp,

    /// <summary><c>list(T)</c>.</summary>
    List,

    /// <summary><c>map(K, V)</c>.</summary>
    Map,

    /// <summary><c>type(T)</c>: the type of type values.</summary>
    Type,

    /// <summary>OpenFGA's <c>ipaddress</c>.</summary>
    IpAddress,

    /// <summary>A type parameter of a function signature (such as <c>A</c> in <c>size(list(A))</c>).</summary>
    TypeParameter,
}
