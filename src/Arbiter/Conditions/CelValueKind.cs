namespace Arbiter.Conditions;

/// <summary>The runtime kind of a <see cref="CelValue"/>.</summary>
public enum CelValueKind : byte
{
    /// <summary>No value: <c>default(CelValue)</c>, as in an activation slot that was never set.</summary>
    None = 0,

    /// <summary><c>null</c> (type <c>null_type</c>).</summary>
    Null,

    /// <summary>A <c>bool</c>.</summary>
    Bool,

    /// <summary>A 64-bit signed <c>int</c>.</summary>
    Int,

    /// <summary>A 64-bit unsigned <c>uint</c>.</summary>
    Uint,

    /// <summary>A 64-bit IEEE <c>double</c>.</summary>
    Double,

    /// <summary>A <c>string</c> of Unicode code points.</summary>
    String,

    /// <summary>A <c>bytes</c> sequence.</summary>
    Bytes,

    /// <summary>A <c>list</c>.</summary>
    List,

    /// <summary>A <c>map</c> with <c>int</c>, <c>uint</c>, <c>bool</c> or <c>string</c> keys.</summary>
    Map,

    /// <summary>A <c>timestamp</c> (<c>google.protobuf.Timestamp</c>): nanosecond precision, years 1 to 9999.</summary>
    Timestamp,

    /// <summary>A <c>duration</c> (<c>google.protobuf.Duration</c>): signed 64-bit nanoseconds (about ±292 years).</summary>
    Duration,

    /// <summary>A type value, as returned by <c>type(x)</c>.</summary>
    Type,

    /// <summary>An <c>ipaddress</c> (OpenFGA's extension type).</summary>
    IpAddress,

    /// <summary>An evaluation error (division by zero, overflow, no such key...). Never a boolean.</summary>
    Error,

    /// <summary>The result depends on variables the activation did not set (see <see cref="CelValue.MissingVariables"/>).</summary>
    Unknown,
}
