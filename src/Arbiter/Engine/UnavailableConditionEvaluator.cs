using Arbiter.Model;

namespace Arbiter.Engine;

/// <summary>The default condition evaluator until CEL lands: every condition is an error, so conditional branches fail closed.</summary>
internal sealed class UnavailableConditionEvaluator : IConditionEvaluator
{
    public static readonly UnavailableConditionEvaluator Instance = new();

    public ConditionOutcome Evaluate(ConditionDefinition condition, IReadOnlyDictionary<string, object?>? tupleContext, IReadOnlyDictionary<string, object?>? requestContext) =>
        ConditionOutcome.Failed($"condition evaluation is not available (condition '{condition.Name}')");
}
