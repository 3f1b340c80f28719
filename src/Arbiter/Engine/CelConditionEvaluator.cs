using System.Collections.Frozen;
using Arbiter.Conditions;
using Arbiter.Model;

namespace Arbiter.Engine;

/// <summary>
/// The condition evaluator of one model version: every condition compiled once to a CEL delegate when the model is
/// compiled (<see cref="AuthorizationEngine.Create"/>, <see cref="AuthorizationEngine.SetModel"/>).
/// </summary>
internal sealed class CelConditionEvaluator : IConditionEvaluator
{
    private readonly FrozenDictionary<string, ConditionProgram> _programs;

    private CelConditionEvaluator(FrozenDictionary<string, ConditionProgram> programs) => _programs = programs;

    public static CelConditionEvaluator Empty { get; } = new(FrozenDictionary<string, ConditionProgram>.Empty);

    /// <summary>Compiles every condition; the problems (syntax, types, limits, a result that is not a bool) go to <paramref name="diagnostics"/>.</summary>
    public static CelConditionEvaluator Compile(IEnumerable<ConditionDefinition> conditions, CelOptions options, List<ModelDiagnostic> diagnostics)
    {
        var programs = new Dictionary<string, ConditionProgram>(StringComparer.Ordinal);
        foreach (var condition in conditions)
        {
            if (programs.ContainsKey(condition.Name) || ConditionCompiler.Compile(condition, options, diagnostics) is not { } expression)
            {
                continue;
            }
            programs[condition.Name] = new ConditionProgram(condition, expression, options);
        }
        return new CelConditionEvaluator(programs.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The compiled condition with this name, or <see langword="null"/>.</summary>
    public ConditionProgram? Find(string name) => _programs.GetValueOrDefault(name);

    public ConditionOutcome Evaluate(ConditionDefinition condition, IReadOnlyDictionary<string, object?>? tupleContext, IReadOnlyDictionary<string, object?>? requestContext, ConditionTrace? trace) =>
        _programs.TryGetValue(condition.Name, out var program)
            ? program.Evaluate(tupleContext, requestContext, trace)
            : ConditionOutcome.Failed($"the condition '{condition.Name}' was not found");
}
