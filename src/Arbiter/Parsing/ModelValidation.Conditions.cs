using Arbiter.Conditions;
using Arbiter.Model;

namespace Arbiter.Parsing;

internal sealed partial class ModelValidation
{
    /// <summary>
    /// Compiles each condition whose signature is valid: CEL syntax and type errors, with line:column inside the model
    /// text and the expected and found types, and a result that is not a bool.
    /// </summary>
    /// <remarks>
    /// A condition that reads <c>subject.attr</c> or <c>object.attr</c> is checked once more for each place it is used
    /// (<see cref="ConditionSite"/>), against the attributes the subject's and the object's types declare there; a
    /// problem found at several sites is reported once.
    /// </remarks>
    private void CheckConditionExpressions()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Dictionary<string, List<ConditionSite>>? sites = null;
        foreach (var condition in Conditions)
        {
            if (string.IsNullOrWhiteSpace(condition.Expression) || !seen.Add(condition.Name ?? string.Empty) || !HasValidSignature(condition))
            {
                continue;
            }
            var used = ConditionCompiler.ReadsEntities(condition, CelOptions.Default)
                ? (sites ??= ConditionSite.Collect(_model)).GetValueOrDefault(condition.Name ?? string.Empty) ?? []
                : [];
            if (used.Count == 0)
            {
                // no attribute reads, or not used anywhere: one check, with subject and object as untyped maps
                ConditionCompiler.Compile(condition, CelOptions.Default, Diagnostics);
                continue;
            }
            var reported = new HashSet<(string, SourceSpan?)>();
            foreach (var site in used)
            {
                var found = new List<ModelDiagnostic>();
                ConditionCompiler.Compile(condition, CelOptions.Default, found, site);
                foreach (var d in found)
                {
                    var unsited = d.Message.Replace($" (used on {site.Where})", string.Empty, StringComparison.Ordinal);
                    if (reported.Add((unsited, d.Span)))
                    {
                        Diagnostics.Add(d);
                    }
                }
            }
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
