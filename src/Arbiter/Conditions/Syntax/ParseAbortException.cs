using Arbiter.Model;

namespace Arbiter.Conditions;

/// <summary>Ends a parse at its first syntax error; never escapes the parser.</summary>
internal sealed class ParseAbortException(ModelDiagnostic diagnostic) : Exception(diagnostic.Message)
{
    public ModelDiagnostic Diagnostic { get; } = diagnostic;
}
