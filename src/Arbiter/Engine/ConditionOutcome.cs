namespace Arbiter.Engine;

/// <summary>The result of a condition: met, not met, or an error (a missing parameter, a value of the wrong type, an evaluation error).</summary>
/// <param name="Value">The result.</param>
/// <param name="Error">Why evaluation failed, when <paramref name="Value"/> is <see cref="Tri.Error"/>.</param>
/// <param name="MissingParameters">The parameters no context supplied, when that is why it failed.</param>
internal readonly record struct ConditionOutcome(Tri Value, string? Error = null, IReadOnlyList<string>? MissingParameters = null)
{
    public static ConditionOutcome Met => new(Tri.True);

    public static ConditionOutcome NotMet => new(Tri.False);

    public static ConditionOutcome Failed(string error) => new(Tri.Error, error);

    public static ConditionOutcome Missing(IReadOnlyList<string> parameters) =>
        new(Tri.Error, $"missing context parameters '{string.Join(", ", parameters)}'", parameters);
}
