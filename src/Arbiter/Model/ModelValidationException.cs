namespace Arbiter.Model;

/// <summary>
/// Thrown when model or policy text has mistakes. <see cref="Diagnostics"/> lists every problem found, each with line:column.
/// </summary>
public sealed class ModelValidationException : ArbiterException
{
    /// <summary>Creates the exception from the problems found.</summary>
    public ModelValidationException(IReadOnlyList<ModelDiagnostic> diagnostics)
        : base(FormatMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ModelDiagnostic> Diagnostics { get; }

    private static string FormatMessage(IReadOnlyList<ModelDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return diagnostics.Count switch
        {
            0 => "The model is invalid.",
            1 => "The model is invalid: " + diagnostics[0],
            _ => $"The model has {diagnostics.Count} problems:" + Environment.NewLine + string.Join(Environment.NewLine, diagnostics.Select(d => "  " + d)),
        };
    }
}
