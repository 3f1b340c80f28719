using Arbiter.Conditions;
using Arbiter.Engine;
using Arbiter.Filtering;

namespace Arbiter;

public sealed partial class AuthorizationEngine
{
    /// <summary>
    /// The permission of a subject over a resource type as a filter (<see cref="FilterPlan"/>): the ids reachable through
    /// relationships, combined with the residual attribute conditions of attribute rules (the subject's attributes, the
    /// parameters and the context folded in). A resource satisfies it exactly when a check allows it. Completes synchronously.
    /// </summary>
    /// <exception cref="ArbiterException">
    /// The type is not in the model (<see cref="ArbiterErrorCode.TypeNotFound"/>), the relation is not defined on it
    /// (<see cref="ArbiterErrorCode.RelationNotFound"/>), the subject or context is invalid (<see cref="ArbiterErrorCode.ValidationError"/>),
    /// or a contextual tuple is (<see cref="ArbiterErrorCode.InvalidTuple"/>).
    /// </exception>
    public ValueTask<FilterPlan> PlanAsync(PlanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (MustWait(request.Consistency))
        {
            return AfterAsync(request.Consistency, request with { Consistency = null }, PlanAsync, cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var state = State;
        var (type, relation) = ResolveOverType(state, request.ResourceType, request.Relation, request.Subject, out var userType, out var userRelation);
        ValidateContext(request.Context);
        var contextual = request.ContextualTuples.Count == 0 ? null : BuildContextual(state, request.ContextualTuples);
        var entities = _tables.Entities;
        var userEntity = contextual is null ? entities.Find(userType, request.Subject.Id) : contextual.Find(userType, request.Subject.Id);
        var subjectAttributes = SubjectAttributes(state, request.Subject, userType, userEntity, userRelation, request.SubjectAttributes);
        var inputs = new ConditionInputs();
        inputs.Reset(request.Context, subjectAttributes);
        // candidates per relation: what the reverse expansion from the subject reaches, or every resource of the type
        ReverseExpansion? expansion = null;
        var reached = new Dictionary<CompiledRelation, (int Entity, string Id)[]>();
        (int Entity, string Id)[]? all = null;
        (int Entity, string Id)[] CandidatesOf(CompiledRelation? relation)
        {
            if (relation is null || contextual is not null)
            {
                return all ??= Candidates(entities.SortedEntitiesOf(type.TypeId), contextual, type.TypeId);
            }
            if (reached.TryGetValue(relation, out var known))
            {
                return known;
            }
            expansion ??= ReverseExpansion.Run(state.Model, state.Reverse, entities, userType, userEntity, userRelation);
            return reached[relation] = [.. expansion.ObjectsWith(relation).Select(e => (e, entities.IdOf(e)))];
        }

        var memo = new BatchMemo();
        memo.SetUser(userType, userEntity, userRelation, request.Subject.Id);
        var evaluator = CheckEvaluator.Rent();
        try
        {
            evaluator.Begin(_tables, state, _options.ConditionEvaluator, _options.MaxResolutionDepth, _options.Cel);
            evaluator.SetRequest(contextual, request.Context, memo, explain: false, explainValues: false, subjectAttributes, -1, null);
            var planner = new FilterPlanner(state, evaluator, CandidatesOf, type, userType, userEntity, userRelation, inputs);
            var (whenTrue, _) = planner.PlanRelation(relation);
            return new ValueTask<FilterPlan>(new FilterPlan
            {
                ResourceType = type.Name,
                Relation = relation.Name,
                Filter = whenTrue,
                ModelId = state.Model.Id,
                Revision = state.Index.Revision,
            });
        }
        finally
        {
            CheckEvaluator.Return(evaluator);
        }
    }
}
