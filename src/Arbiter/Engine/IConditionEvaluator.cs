using Arbiter.Model;

namespace Arbiter.Engine;

/// <summary>
/// Evaluates the condition of a conditional tuple. The seam where CEL plugs in; until then
/// <see cref="UnavailableConditionEvaluator"/> makes every conditional branch an error (fail closed).
/// </summary>
internal interface IConditionEvaluator
{
    /// <summary>Evaluates <paramref name="condition"/> with the tuple's context (which wins) and the request's context.</summary>
    ConditionOutcome Evaluate(ConditionDefinition condition, IReadOnlyDictionary<string, object?>? tupleContext, IReadOnlyDictionary<string, object?>? requestContext);
}
