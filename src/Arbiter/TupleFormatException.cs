namespace Arbiter;

/// <summary>Thrown when a tuple, object or subject string is malformed; the message names the text and the problem.</summary>
public sealed class TupleFormatException : ArbiterException
{
    /// <summary>Creates the exception.</summary>
    public TupleFormatException(string? text, string problem)
        : base(ArbiterErrorCode.InvalidTuple, problem)
    {
        Text = text;
    }

    /// <summary>The text that could not be parsed.</summary>
    public string? Text { get; }
}
