namespace Arbiter.Conditions;

public readonly partial struct CelValue
{
    /// <summary>A <c>timestamp</c> (must lie in years 1 to 9999, which every <see cref="DateTimeOffset"/> does).</summary>
    public static CelValue FromTimestamp(DateTimeOffset value)
    {
        var ticks = value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rest);
        if (rest < 0)
        {
            rest += TimeSpan.TicksPerSecond;
            seconds--;
        }
        return Timestamp(seconds, (int)(rest * 100));
    }

    /// <summary>A <c>duration</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is beyond ±292 years (64-bit nanoseconds).</exception>
    public static CelValue FromDuration(TimeSpan value)
    {
        if (value.Ticks is > long.MaxValue / 100 or < long.MinValue / 100)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A CEL duration is at most about 292 years.");
        }
        return Duration(value.Ticks * 100);
    }

    /// <summary>A <c>list</c> of the values.</summary>
    public static CelValue FromList(IEnumerable<CelValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return List(new CelList([.. values]));
    }

    /// <summary>A <c>map</c> of the entries.</summary>
    /// <exception cref="ArgumentException">A key is not an int, uint, bool or string, or is repeated.</exception>
    public static CelValue FromMap(IEnumerable<KeyValuePair<CelValue, CelValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var pairs = entries.ToArray();
        var map = CelMap.Create(pairs.Select(p => p.Key).ToArray(), pairs.Select(p => p.Value).ToArray());
        return map.IsError ? throw new ArgumentException(map.ErrorMessage, nameof(entries)) : map;
    }

    /// <summary>An <c>ipaddress</c> (OpenFGA) parsed from text such as <c>192.168.0.1</c> or <c>::1</c>.</summary>
    /// <exception cref="ArgumentException">The text is not an IP address.</exception>
    public static CelValue FromIpAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return CelIpAddress.TryParse(address, out var parsed)
            ? IpAddress(parsed!)
            : throw new ArgumentException($"'{address}' is not an IP address.", nameof(address));
    }

    /// <summary>The <c>bool</c>.</summary>
    /// <exception cref="InvalidOperationException">The value is not a bool.</exception>
    public bool AsBool() => Expect(CelValueKind.Bool).BoolValue;

    /// <summary>The <c>int</c>.</summary>
    /// <exception cref="InvalidOperationException">The value is not an int.</exception>
    public long AsInt() => Expect(CelValueKind.Int).IntValue;

    /// <summary>The <c>uint</c>.</summary>
    /// <exception cref="InvalidOperationException">The value is not a uint.</exception>
    public ulong AsUInt() => Expect(CelValueKind.Uint).UIntValue;

    /// <summary>The <c>double</c>.</summary>
    /// <exception cref="InvalidOperationException">The value is not a double.</exception>
    public double AsDouble() => Expect(CelValueKind.Double).DoubleValue;

    /// <summary>The <c>string</c>.</summary>
    /// <exception cref="InvalidOperationException">The value is not a string.</exception>
    public string AsString() => Expect(CelValueKind.String).StringValue;

    /// <summary>The <c>bytes</c>.</summary>
    /// <exception cref="InvalidOperationException">The value is not bytes.</exception>
    public ReadOnlyMemory<byte> AsBytes() => Expect(CelValueKind.Bytes).BytesValue;

    /// <summary>The elements of a <c>list</c>.</summary>
    /// <exception cref="InvalidOperationException">The value is not a list.</exception>
    public IReadOnlyList<CelValue> AsList() => Expect(CelValueKind.List).ListValue;

    /// <summary>The entries of a <c>map</c>, in insertion order.</summary>
    /// <exception cref="InvalidOperationException">The value is not a map.</exception>
    public IReadOnlyDictionary<CelValue, CelValue> AsMap() => Expect(CelValueKind.Map).MapValue;

    /// <summary>The type a type value denotes.</summary>
    /// <exception cref="InvalidOperationException">The value is not a type.</exception>
    public CelType AsType() => Expect(CelValueKind.Type).TypeRef;

    /// <summary>The <c>timestamp</c>, truncated to .NET's 100-nanosecond ticks.</summary>
    /// <exception cref="InvalidOperationException">The value is not a timestamp.</exception>
    public DateTimeOffset AsTimestamp()
    {
        var value = Expect(CelValueKind.Timestamp);
        return DateTimeOffset.UnixEpoch.AddTicks((value.Seconds * TimeSpan.TicksPerSecond) + (value.Nanos / 100));
    }

    /// <summary>The <c>duration</c>, truncated to .NET's 100-nanosecond ticks.</summary>
    /// <exception cref="InvalidOperationException">The value is not a duration.</exception>
    public TimeSpan AsDuration() => TimeSpan.FromTicks(Expect(CelValueKind.Duration).IntValue / 100);

    private CelValue Expect(CelValueKind kind) =>
        _kind == kind ? this : throw new InvalidOperationException($"The CEL value is {_kind}, not {kind}.");
}
