namespace Arbiter.Engine;

/// <summary>The result of a condition: met, not met, or an error (e.g. a missing parameter).</summary>
/// <param name="Value">The result.</param>
/// <param name="Error">Why evaluation failed, when <paramref name="Value"/> is <see cref="Tri.Error"/>.</param>
internal readonly record struct ConditionOutcome(Tri Value, string? Error = null)
{
    public static ConditionOutcome Met => new(Tri.True);

    public static ConditionOutcome NotMet => new(Tri.False);

    public static ConditionOutcome Failed(string error) => new(Tri.Error, error);
}
