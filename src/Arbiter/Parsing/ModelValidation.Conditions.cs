using Arbiter.Conditions;
using Arbiter.Model;

namespace Arbiter.Parsing;

internal sealed partial class ModelValidation
{
    /// <summary>
    /// Compiles each condition whose signature is valid: CEL syntax and type errors, with line:column inside the model
    /// text and the expected and found types, and a result that is not a bool.
    /// </summary>
    private void CheckConditionExpressions()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var condition in Conditions)
        {
            if (string.IsNullOrWhiteSpace(condition.Expression) || !seen.Add(condition.Name ?? string.Empty) || !HasValidSignature(condition))
            {
                continue;
            }
            ConditionCompiler.Compile(condition, CelOptions.Default, Diagnostics);
        }
    }

    private static bool HasValidSignature(ConditionDefinition condition)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in (IReadOnlyList<ConditionParameter>?)condition.Parameters ?? [])
        {
            if (string.IsNullOrEmpty(parameter.Name) || !names.Add(parameter.Name) || !IsValidParameterType(parameter.Type, allowContainer: true))
            {
                return false;
            }
        }
        return true;
    }
}
