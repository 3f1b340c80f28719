namespace Arbiter;

/// <summary>
/// How fresh the data behind a request must be. Every write returns its revision as a consistency token; a request with
/// <see cref="AtLeast"/> of that token sees the write (read-your-writes, also through another server on the same store).
/// </summary>
public sealed record Consistency
{
    private Consistency(ConsistencyMode mode, long revision)
    {
        Mode = mode;
        Revision = revision;
    }

    /// <summary>Answer from the engine's current index, whatever its revision (the default, and the fastest).</summary>
    public static Consistency MinimizeLatency { get; } = new(ConsistencyMode.MinimizeLatency, 0);

    /// <summary>Wait until the engine has the store's newest revision at the time of the request (one read of the store's revision first).</summary>
    public static Consistency Latest { get; } = new(ConsistencyMode.Latest, 0);

    /// <summary>Wait until the engine has reached <paramref name="revision"/> (a token returned by a write).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The revision is negative.</exception>
    public static Consistency AtLeast(long revision)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        return new(ConsistencyMode.AtLeast, revision);
    }

    /// <summary>The mode.</summary>
    public ConsistencyMode Mode { get; }

    /// <summary>For <see cref="ConsistencyMode.AtLeast"/>, the revision to reach.</summary>
    public long Revision { get; }

    /// <inheritdoc />
    public override string ToString() => Mode == ConsistencyMode.AtLeast ? $"at least revision {Revision}" : Mode.ToString();
}

/// <summary>The kinds of <see cref="Consistency"/>.</summary>
public enum ConsistencyMode
{
    /// <summary>Answer from the current index.</summary>
    MinimizeLatency,

    /// <summary>Wait for a given revision.</summary>
    AtLeast,

    /// <summary>Wait for the store's newest revision.</summary>
    Latest,
}
