namespace Arbiter;

/// <summary>
/// The answer to a check. A deny is a value, never an exception; an error during evaluation is a deny
/// with <see cref="Error"/> set (fail closed).
/// </summary>
public sealed record Decision
{
    /// <summary><see langword="true"/> when the subject has the relation.</summary>
    public bool Allowed { get; init; }

    /// <summary>The id of the model version the decision used.</summary>
    public string? ModelId { get; init; }

    /// <summary>The revision of the relationships the decision used.</summary>
    public long Revision { get; init; }

    /// <summary>Why: the tuples and rewrite branches that decided it; set when the request asked for it.</summary>
    public Explanation? Explanation { get; init; }

    /// <summary>The error that stopped evaluation, if any; the decision is then a deny.</summary>
    public DecisionError? Error { get; init; }
}

/// <summary>An error met while evaluating a request; the decision it belongs to is a deny.</summary>
/// <param name="Code">The error class.</param>
/// <param name="Message">What went wrong.</param>
public sealed record DecisionError(ArbiterErrorCode Code, string Message);
