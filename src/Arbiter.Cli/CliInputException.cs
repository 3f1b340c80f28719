using Arbiter.Model;

namespace Arbiter.Cli;

/// <summary>Bad input to a command (exit code 2): the message, and the diagnostics of a file when there are some.</summary>
internal sealed class CliInputException : Exception
{
    public CliInputException(string message)
        : this(message, [])
    {
    }

    public CliInputException(string message, IReadOnlyList<ModelDiagnostic> diagnostics)
        : base(message)
    {
        Diagnostics = diagnostics;
    }

    public CliInputException()
        : this("bad input")
    {
    }

    public CliInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    /// <summary>Every problem found in an input file, printed one per line as <c>file:line:column: message</c>.</summary>
    public IReadOnlyList<ModelDiagnostic> Diagnostics { get; }
}
