using Arbiter.Model;

namespace Arbiter.Engine;

/// <summary>
/// Evaluates the condition of a conditional tuple. Each model version compiles its own (<see cref="CelConditionEvaluator"/>);
/// tests may replace it through <see cref="AuthorizationEngineOptions.ConditionEvaluator"/>.
/// </summary>
internal interface IConditionEvaluator
{
    /// <summary>Evaluates <paramref name="condition"/> with the tuple's context (which wins) merged with the request's context.</summary>
    /// <param name="condition">The condition, as the current model defines it.</param>
    /// <param name="tupleContext">The tuple's own context values.</param>
    /// <param name="requestContext">The request's context values.</param>
    /// <param name="trace">When explaining, collects the inputs used; otherwise <see langword="null"/>.</param>
    ConditionOutcome Evaluate(ConditionDefinition condition, IReadOnlyDictionary<string, object?>? tupleContext, IReadOnlyDictionary<string, object?>? requestContext, ConditionTrace? trace);
}
