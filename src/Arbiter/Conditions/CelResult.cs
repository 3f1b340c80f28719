namespace Arbiter.Conditions;

/// <summary>
/// The outcome of an evaluation: a value, an error, or unknown (variables missing). <see cref="IsTrue"/> is the only
/// way a condition holds: an error or unknown is never true.
/// </summary>
/// <param name="Value">The value, error or unknown.</param>
public readonly record struct CelResult(CelValue Value)
{
    /// <summary>Whether the result is the boolean <c>true</c>.</summary>
    public bool IsTrue => Value.IsTrue;

    /// <summary>Whether evaluation failed.</summary>
    public bool IsError => Value.IsError;

    /// <summary>Whether the result depends on unset variables (see <see cref="MissingVariables"/>).</summary>
    public bool IsUnknown => Value.IsUnknown;

    /// <summary>The error message, when <see cref="IsError"/>.</summary>
    public string? ErrorMessage => Value.ErrorMessage;

    /// <summary>The unset variables the result waits for, when <see cref="IsUnknown"/>.</summary>
    public IReadOnlyList<string> MissingVariables => Value.MissingVariables;

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
