namespace Arbiter.Cli.Commands;

/// <summary>
/// Which errors met during evaluation are the caller's input (exit 2), as in OpenFGA: an unknown type or relation, an
/// invalid tuple, a condition that cannot be decided from the input (a context parameter missing or of the wrong type).
/// The others (the resolution depth exceeded) are the answer's own failure: a deny for a check, a failed listing.
/// </summary>
internal static class EvaluationErrors
{
    /// <exception cref="CliInputException">The error is bad input; its message is the engine's.</exception>
    public static void ThrowIfBadInput(DecisionError? error)
    {
        if (error is { Code: ArbiterErrorCode.TypeNotFound or ArbiterErrorCode.RelationNotFound or ArbiterErrorCode.InvalidTuple or ArbiterErrorCode.ValidationError })
        {
            throw new CliInputException(error.Message);
        }
    }
}
