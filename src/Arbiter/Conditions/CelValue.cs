using System.Runtime.CompilerServices;

namespace Arbiter.Conditions;

/// <summary>
/// A CEL value. A small struct, so scalars (bool, int, uint, double, timestamp, duration) never allocate; strings, bytes,
/// lists, maps, types, errors and unknowns keep a reference. Lists and maps are immutable.
/// </summary>
public readonly partial struct CelValue : IEquatable<CelValue>
{
    private readonly object? _ref;
    private readonly long _bits;
    private readonly int _nanos;
    private readonly CelValueKind _kind;

    private CelValue(CelValueKind kind, long bits, int nanos = 0, object? reference = null)
    {
        _kind = kind;
        _bits = bits;
        _nanos = nanos;
        _ref = reference;
    }

    private CelValue(CelValueKind kind, object reference)
    {
        _kind = kind;
        _ref = reference;
    }

    /// <summary>The kind of value.</summary>
    public CelValueKind Kind => _kind;

    /// <summary><c>null</c>.</summary>
    public static CelValue Null { get; } = new(CelValueKind.Null, 0);

    /// <summary><c>true</c>.</summary>
    public static CelValue True { get; } = new(CelValueKind.Bool, 1);

    /// <summary><c>false</c>.</summary>
    public static CelValue False { get; } = new(CelValueKind.Bool, 0);

    /// <summary>Whether this is an evaluation error.</summary>
    public bool IsError => _kind == CelValueKind.Error;

    /// <summary>Whether this value depends on variables that were not set.</summary>
    public bool IsUnknown => _kind == CelValueKind.Unknown;

    /// <summary>Whether this is the boolean <c>true</c> (and so never an error or unknown).</summary>
    public bool IsTrue => _kind == CelValueKind.Bool && _bits != 0;

    /// <summary>The error message when this is an error; otherwise <see langword="null"/>.</summary>
    public string? ErrorMessage => _kind == CelValueKind.Error ? ((CelError)_ref!).Message : null;

    /// <summary>The names of the variables this value waits for when it is unknown; otherwise empty.</summary>
    public IReadOnlyList<string> MissingVariables => _kind == CelValueKind.Unknown ? ((CelUnknown)_ref!).Variables : [];

    /// <summary>A <c>bool</c>.</summary>
    public static CelValue FromBool(bool value) => value ? True : False;

    /// <summary>An <c>int</c>.</summary>
    public static CelValue FromInt(long value) => new(CelValueKind.Int, value);

    /// <summary>A <c>uint</c>.</summary>
    public static CelValue FromUInt(ulong value) => new(CelValueKind.Uint, unchecked((long)value));

    /// <summary>A <c>double</c>.</summary>
    public static CelValue FromDouble(double value) => new(CelValueKind.Double, BitConverter.DoubleToInt64Bits(value));

    /// <summary>A <c>string</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static CelValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(CelValueKind.String, value);
    }

    /// <summary>A <c>bytes</c> value (the bytes are copied).</summary>
    public static CelValue FromBytes(ReadOnlySpan<byte> value) => new(CelValueKind.Bytes, value.ToArray());

    internal static CelValue WrapBytes(byte[] value) => new(CelValueKind.Bytes, value);

    internal static CelValue Timestamp(long seconds, int nanos) => new(CelValueKind.Timestamp, seconds, nanos);

    internal static CelValue Duration(long nanoseconds) => new(CelValueKind.Duration, nanoseconds);

    internal static CelValue List(CelList list) => new(CelValueKind.List, list);

    internal static CelValue Map(CelMap map) => new(CelValueKind.Map, map);

    internal static CelValue TypeValue(CelType type) => new(CelValueKind.Type, type);

    internal static CelValue IpAddress(CelIpAddress address) => new(CelValueKind.IpAddress, address);

    internal static CelValue Error(CelError error) => new(CelValueKind.Error, error);

    internal static CelValue Error(string message) => new(CelValueKind.Error, new CelError(message));

    internal static CelValue Unknown(CelUnknown unknown) => new(CelValueKind.Unknown, unknown);

    internal long IntValue
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _bits;
    }

    internal ulong UIntValue => unchecked((ulong)_bits);

    internal double DoubleValue => BitConverter.Int64BitsToDouble(_bits);

    internal bool BoolValue => _bits != 0;

    internal long Seconds => _bits;

    internal int Nanos => _nanos;

    internal string StringValue => (string)_ref!;

    internal byte[] BytesValue => (byte[])_ref!;

    internal CelList ListValue => (CelList)_ref!;

    internal CelMap MapValue => (CelMap)_ref!;

    internal CelType TypeRef => (CelType)_ref!;

    internal CelIpAddress IpValue => (CelIpAddress)_ref!;

    internal CelError ErrorRef => (CelError)_ref!;

    internal object? Reference => _ref;

    internal CelUnknown UnknownRef => (CelUnknown)_ref!;

    /// <summary>Whether this is an error or unknown, which every strict function passes on.</summary>
    internal bool IsErrorOrUnknown => _kind >= CelValueKind.Error;

    /// <summary>CEL equality (<c>==</c>): numbers compare across int, uint and double; other kinds never equal each other.</summary>
    public bool Equals(CelValue other) => CelEquality.ValueEquals(this, other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CelValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => CelKeyComparer.Instance.GetHashCode(this);

    /// <summary>CEL equality.</summary>
    public static bool operator ==(CelValue left, CelValue right) => left.Equals(right);

    /// <summary>CEL inequality.</summary>
    public static bool operator !=(CelValue left, CelValue right) => !left.Equals(right);
}
