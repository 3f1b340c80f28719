namespace Arbiter;

/// <summary>
/// The base class of every exception Arbiter throws for bad input or broken configuration.
/// Denials are never exceptions: they are <see cref="Decision"/> values.
/// </summary>
public class ArbiterException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ArbiterException(string message) : base(message) { }

    /// <summary>Creates the exception with an inner exception.</summary>
    public ArbiterException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with an error code.</summary>
    public ArbiterException(ArbiterErrorCode code, string message) : base(message) => Code = code;

    /// <summary>The error class, aligned with OpenFGA's error codes where one exists.</summary>
    public ArbiterErrorCode Code { get; init; } = ArbiterErrorCode.ValidationError;
}
