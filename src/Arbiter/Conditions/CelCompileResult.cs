using Arbiter.Model;

namespace Arbiter.Conditions;

/// <summary>The outcome of <see cref="CelExpression.Compile"/>: the compiled expression, or every problem found.</summary>
/// <param name="Expression">The compiled expression, or <see langword="null"/> when there are errors.</param>
/// <param name="Diagnostics">The problems, each with its position.</param>
public sealed record CelCompileResult(CompiledCelExpression? Expression, IReadOnlyList<ModelDiagnostic> Diagnostics)
{
    /// <summary>Whether the expression compiled.</summary>
    public bool Succeeded => Expression is not null;
}
