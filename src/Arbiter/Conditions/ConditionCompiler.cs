using Arbiter.Model;

namespace Arbiter.Conditions;

/// <summary>Compiles the expression of an OpenFGA condition against its parameters, as OpenFGA requires: it must type-check and return a bool.</summary>
internal static class ConditionCompiler
{
    /// <summary>
    /// Compiles <paramref name="condition"/>; every problem goes to <paramref name="diagnostics"/> with its line:column in
    /// the model text (when the model was parsed from text). Returns <see langword="null"/> when there is a problem.
    /// </summary>
    public static CompiledCelExpression? Compile(ConditionDefinition condition, CelOptions options, List<ModelDiagnostic> diagnostics)
    {
        CelDeclarations declarations;
        try
        {
            declarations = CelDeclarations.FromParameters(condition.Parameters ?? []);
        }
        catch (ArgumentException e)
        {
            diagnostics.Add(new ModelDiagnostic(CelDiagnosticCodes.TypeError, $"condition '{condition.Name}': {e.Message}", condition.Span, condition.Name));
            return null;
        }
        var result = CelExpression.Compile(condition.Expression ?? string.Empty, declarations, options, condition.ExpressionSpan);
        if (!result.Succeeded)
        {
            foreach (var d in result.Diagnostics)
            {
                diagnostics.Add(d with { Message = $"condition '{condition.Name}': {d.Message}", Symbol = d.Symbol ?? condition.Name });
            }
            return null;
        }
        var expression = result.Expression!;
        if (expression.ResultType.Kind != CelTypeKind.Bool)
        {
            diagnostics.Add(new ModelDiagnostic(CelDiagnosticCodes.TypeError,
                $"condition '{condition.Name}' must return a bool: expected bool, found '{expression.ResultType}'",
                condition.ExpressionSpan ?? condition.Span, condition.Name));
            return null;
        }
        return expression;
    }
}
