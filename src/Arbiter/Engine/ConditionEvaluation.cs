namespace Arbiter;

/// <summary>One condition evaluated while explaining a check: its name, the inputs it used and its result.</summary>
public sealed record ConditionEvaluation
{
    /// <summary>The condition's name.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The parameters it received, in declaration order, with where each came from; values are <c>***</c> unless the
    /// request asked for them (<see cref="CheckRequest.ExplainValues"/>).
    /// </summary>
    public IReadOnlyList<ConditionInput> Inputs { get; init; } = [];

    /// <summary>Met, not met, missing parameters, or an error.</summary>
    public ConditionStatus Status { get; init; }

    /// <summary>The parameters no context supplied, when <see cref="Status"/> is <see cref="ConditionStatus.MissingParameters"/>.</summary>
    public IReadOnlyList<string> MissingParameters { get; init; } = [];

    /// <summary>Why evaluation failed, when <see cref="Status"/> is <see cref="ConditionStatus.Error"/>.</summary>
    public string? Error { get; init; }
}

/// <summary>A parameter value a condition received.</summary>
/// <param name="Name">The parameter's name (always shown).</param>
/// <param name="Source"><c>tuple</c> (the tuple's own context, which wins) or <c>request</c> (the request's context).</param>
/// <param name="Value">The value in CEL syntax, or <c>***</c> when values are redacted.</param>
public sealed record ConditionInput(string Name, string Source, string Value);

/// <summary>The result of a condition evaluation.</summary>
public enum ConditionStatus
{
    /// <summary>The condition held: the tuple counts.</summary>
    Met,

    /// <summary>The condition did not hold: the tuple does not count.</summary>
    NotMet,

    /// <summary>A parameter had no value in the tuple's or the request's context: a validation error, never an allow.</summary>
    MissingParameters,

    /// <summary>A value had the wrong type, or evaluation failed (or exceeded a limit): an error, never an allow.</summary>
    Error,
}
