using Arbiter.Conditions;
using Arbiter.Engine;

namespace Arbiter;

public sealed partial class AuthorizationEngine
{
    /// <summary>
    /// Decides whether the subject has the relation to the object, with OpenFGA's semantics. Completes synchronously.
    /// A deny or an evaluation error (e.g. <see cref="ArbiterErrorCode.ResolutionTooComplex"/>) is a decision, never an exception.
    /// </summary>
    /// <exception cref="ArbiterException">
    /// The object's type is not in the model (<see cref="ArbiterErrorCode.TypeNotFound"/>); the relation is not defined on it,
    /// or the subject is malformed or of an unknown type or userset (<see cref="ArbiterErrorCode.ValidationError"/>, as OpenFGA);
    /// or a contextual tuple does not fit the model (<see cref="ArbiterErrorCode.InvalidTuple"/>); or the context exceeds
    /// <see cref="AuthorizationEngineOptions.MaxContextEntries"/>, <see cref="AuthorizationEngineOptions.MaxContextDepth"/> or
    /// <see cref="AuthorizationEngineOptions.MaxContextStringLength"/> (<see cref="ArbiterErrorCode.ValidationError"/>).
    /// </exception>
    public ValueTask<Decision> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (MustWait(request.Consistency))
        {
            return AfterAsync(request.Consistency, request with { Consistency = null }, CheckAsync, cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var state = State;
        ValidateContext(request.Context);
        var contextual = request.ContextualTuples.Count == 0 ? null : BuildContextual(state, request.ContextualTuples);
        return new ValueTask<Decision>(Decide(state, request, contextual, memo: null));
    }

    /// <summary>Evaluates one validated-or-not request against one state.</summary>
    internal Decision Decide(EngineState state, CheckRequest request, ContextualTupleSet? contextual, BatchMemo? memo)
    {
        var relation = ResolveRequest(state.Model, request.Object, request.Relation, request.Subject, out var userType, out var userRelation);
        var justInTime = request.SubjectAttributes is { Count: > 0 } || request.ObjectAttributes is { Count: > 0 };
        if (contextual is null && !request.Explain && !justInTime && TryDecideDirect(state, relation, request.Subject, request.Object.Id, userType, userRelation, request.Context) is { } direct)
        {
            return direct;
        }
        var entities = _tables.Entities;
        var obj = contextual is null ? entities.Find(relation.Owner.TypeId, request.Object.Id) : contextual.Find(relation.Owner.TypeId, request.Object.Id);
        var subject = request.Subject;
        if (obj == -1 && relation.HasRules)
        {
            // No tuple names the object, but an attribute rule may still grant: give it a request-local id.
            contextual ??= ContextualTupleSet.Build(entities, []);
            obj = contextual.InternLocal(relation.Owner.TypeId, request.Object.Id);
            memo = null;
        }
        if (obj == -1)
        {
            // No tuple names the object: only a userset asking about itself can hold.
            var self = subject.Relation is not null && string.Equals(subject.Relation, relation.Name, StringComparison.Ordinal)
                && string.Equals(subject.Type, request.Object.Type, StringComparison.Ordinal) && string.Equals(subject.Id, request.Object.Id, StringComparison.Ordinal);
            if (!request.Explain)
            {
                return state.For(self);
            }
            var leaf = new Explanation { Kind = self ? "self" : "relation", Description = $"{request.Object}#{relation.Name}", Result = self };
            return new Decision { Allowed = self, ModelId = state.Model.Id, Revision = state.Index.Revision, Explanation = leaf };
        }
        var userEntity = contextual is null ? entities.Find(userType, subject.Id) : contextual.Find(userType, subject.Id);
        var subjectAttributes = SubjectAttributes(state, subject, userType, userEntity, userRelation, request.SubjectAttributes);
        CelValue[]? objectAttributes = null;
        if (request.ObjectAttributes is { Count: > 0 })
        {
            objectAttributes = RequestAttributes(state, relation.Owner, obj, request.ObjectAttributes, "object");
            memo = null; // results for the request's object hold only for this request
        }
        memo?.SetUser(userType, userEntity, userRelation, subject.Id);

        var evaluator = CheckEvaluator.Rent();
        try
        {
            evaluator.Begin(_tables, state, _options.ConditionEvaluator, _options.MaxResolutionDepth, _options.Cel);
            evaluator.SetRequest(contextual, request.Context, memo, request.Explain, request.ExplainValues, subjectAttributes, obj, objectAttributes);
            var outcome = evaluator.Check(obj, relation, userType, userEntity, userRelation);
            var explanation = request.Explain ? evaluator.TakeExplanation() : null;
            if (outcome.IsError)
            {
                return new Decision { Allowed = false, ModelId = state.Model.Id, Revision = state.Index.Revision, Error = outcome.Error, Explanation = explanation };
            }
            if (explanation is null)
            {
                return state.For(outcome.IsTrue);
            }
            return new Decision { Allowed = outcome.IsTrue, ModelId = state.Model.Id, Revision = state.Index.Revision, Explanation = explanation };
        }
        finally
        {
            CheckEvaluator.Return(evaluator);
        }
    }

    /// <summary>Validates a request's object, relation and subject as OpenFGA does (loosely: the subject need only exist in the model).</summary>
    private static CompiledRelation ResolveRequest(CompiledModel model, ObjectRef obj, string relationName, SubjectRef subject, out int userType, out int userRelation)
    {
        if (string.IsNullOrEmpty(obj.Type) || string.IsNullOrEmpty(obj.Id))
        {
            throw RequestError(ArbiterErrorCode.ValidationError, "the object must be 'type:id'");
        }
        var type = model.FindType(obj.Type);
        if (type is null)
        {
            throw RequestError(ArbiterErrorCode.TypeNotFound, $"the type '{obj.Type}' is not defined in the model");
        }
        if (relationName is null || !type.RelationsByName.TryGetValue(relationName, out var relation))
        {
            throw RequestError(ArbiterErrorCode.ValidationError, $"the relation '{relationName}' is not defined on type '{obj.Type}'");
        }
        if (string.IsNullOrEmpty(subject.Type) || string.IsNullOrEmpty(subject.Id))
        {
            throw RequestError(ArbiterErrorCode.ValidationError, "the subject must be 'type:id', 'type:*' or 'type:id#relation'");
        }
        var subjectType = model.FindType(subject.Type);
        if (subjectType is null)
        {
            throw RequestError(ArbiterErrorCode.ValidationError, $"the subject type '{subject.Type}' is not defined in the model");
        }
        userType = subjectType.TypeId;
        userRelation = SubjectKind.Plain;
        if (subject.Relation is { } userset)
        {
            if (subject.Id == SubjectRef.WildcardId)
            {
                throw RequestError(ArbiterErrorCode.ValidationError, $"the subject '{subject}' is a wildcard with a relation");
            }
            if (!subjectType.RelationsByName.TryGetValue(userset, out var target))
            {
                throw RequestError(ArbiterErrorCode.ValidationError, $"the relation '{userset}' is not defined on type '{subject.Type}'");
            }
            userRelation = target.NameId;
        }
        else if (subject.Id == SubjectRef.WildcardId)
        {
            userRelation = SubjectKind.Wildcard;
        }
        return relation;
    }

    /// <summary>Validates contextual tuples like writes (any problem is <see cref="ArbiterErrorCode.InvalidTuple"/>) and indexes them.</summary>
    private ContextualTupleSet BuildContextual(EngineState state, IReadOnlyList<RelationshipTuple> tuples)
    {
        if (tuples.Count > _options.MaxContextualTuples)
        {
            throw RequestError(ArbiterErrorCode.ValidationError, $"a request may carry at most {_options.MaxContextualTuples} contextual tuples but this one has {tuples.Count}");
        }
        var validated = new ValidatedTuple[tuples.Count];
        for (var i = 0; i < tuples.Count; i++)
        {
            if (!TupleValidator.TryValidate(state.Model, _options.ContextLimits, tuples[i], out validated[i], out _, out var error))
            {
                throw RequestError(ArbiterErrorCode.InvalidTuple, "contextual tuple: " + error);
            }
        }
        return ContextualTupleSet.Build(_tables.Entities, validated);
    }

    /// <summary>Refuses a request context beyond the configured size limits, naming the limit (never the values).</summary>
    private void ValidateContext(IReadOnlyDictionary<string, object?>? context)
    {
        if (context is not null && !_options.ContextLimits.TryValidate(context, out var error))
        {
            throw RequestError(ArbiterErrorCode.ValidationError, "invalid request context: " + error);
        }
    }

    private static ArbiterException RequestError(ArbiterErrorCode code, string message) => new(code, message);
}
