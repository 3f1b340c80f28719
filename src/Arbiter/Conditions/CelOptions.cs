namespace Arbiter.Conditions;

/// <summary>
/// Limits that keep a hostile expression or activation from burning CPU or memory. The defaults fit authorization
/// conditions; <see cref="Validate"/> rejects values that make no sense.
/// </summary>
public sealed class CelOptions
{
    /// <summary>The options used when none are given.</summary>
    public static CelOptions Default { get; } = new();

    /// <summary>The longest expression text accepted, in characters.</summary>
    /// <value>The default is 8,192.</value>
    public int MaxExpressionLength { get; init; } = 8192;

    /// <summary>
    /// How deep the parsed expression may nest (parentheses, operators, calls, literals). Chains of <c>&amp;&amp;</c> and
    /// <c>||</c> are balanced, so they count by their logarithm.
    /// </summary>
    /// <value>The default is 100 (CEL requires at least 32); at most 1,000 is accepted.</value>
    public int MaxNestingDepth { get; init; } = 100;

    /// <summary>The most elements a list or entries a map built during evaluation may have (literals, <c>+</c>, <c>map</c>, <c>filter</c>).</summary>
    /// <value>The default is 10,000.</value>
    public int MaxCollectionSize { get; init; } = 10_000;

    /// <summary>The longest string or bytes value evaluation may build (by <c>+</c> or a conversion), in characters or bytes.</summary>
    /// <value>The default is 1,048,576.</value>
    public int MaxStringLength { get; init; } = 1 << 20;

    /// <summary>
    /// The evaluation budget: every macro iteration costs one unit, and so does each element compared by <c>in</c>,
    /// <c>==</c> on lists and maps, and each element copied by <c>+</c>. Exceeding it ends evaluation with an error.
    /// </summary>
    /// <value>The default is 100,000.</value>
    public long MaxCost { get; init; } = 100_000;

    /// <summary>The time limit of one regular-expression match (<c>matches</c>).</summary>
    /// <value>The default is 100 milliseconds.</value>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest regular-expression pattern accepted, in characters.</summary>
    /// <value>The default is 1,024.</value>
    public int MaxRegexLength { get; init; } = 1024;

    /// <summary>Throws when a limit is not positive, or the nesting depth so large that checking could exhaust the stack.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero or negative, or the nesting depth is above 1,000.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxExpressionLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxNestingDepth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxNestingDepth, 1000);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxCollectionSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxStringLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxCost);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRegexLength);
        if (RegexTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RegexTimeout), RegexTimeout, "The regular-expression timeout must be positive.");
        }
    }
}
