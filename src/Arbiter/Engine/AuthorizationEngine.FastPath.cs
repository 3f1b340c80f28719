using Arbiter.Engine;

namespace Arbiter;

public sealed partial class AuthorizationEngine
{

    /// <summary>
    /// The common case without the evaluator: a relation that is only direct (no usersets allowed), no contextual tuples,
    /// no explanation. Answers from one index lookup (and the tuple's condition, if it has one); returns <see langword="null"/>
    /// to take the general path whenever anything else could matter (a wildcard tuple, a condition that fails).
    /// </summary>
    private Decision? TryDecideDirect(EngineState state, CompiledRelation relation, SubjectRef subject, string objectId, int userType, int userRelation,
        IReadOnlyDictionary<string, object?>? context)
    {
        if (relation.Rewrite.Kind != RewriteKind.Direct || relation.HasUsersetRestrictions || userRelation >= 0)
        {
            return null;
        }
        var entities = _tables.Entities;
        var obj = entities.Find(relation.Owner.TypeId, objectId);
        if (obj < 0 || !relation.CanBeReachedBy(userType, userRelation))
        {
            return state.Denied;
        }
        var list = state.Index.Get(RelationshipIndex.Key(obj, relation.NameId));
        if (list.Wildcards.Length > 0)
        {
            return null;
        }
        var user = entities.Find(userType, subject.Id);
        var index = user < 0 ? -1 : list.Find(user, userRelation);
        if (index < 0)
        {
            return state.Denied;
        }
        var entry = list.All[index];
        if (entry.Condition < 0)
        {
            return state.For(relation.Allows(userType, userRelation, null));
        }
        var condition = _tables.Conditions[entry.Condition];
        if (!relation.Allows(userType, userRelation, condition.Name)
            || _tables.Conditions.Program(entry.Condition, state.Model, userRelation == SubjectKind.Plain ? subject.Type : null, relation.Owner.Name) is not { } program)
        {
            return state.Denied;
        }
        if (program.ReadsSubject || program.ReadsObject || program.ReadsContext)
        {
            return null; // the general path gives it the attributes and the context map
        }
        ConditionOutcome outcome;
        if (_options.ConditionEvaluator is { } replaced)
        {
            outcome = replaced.Evaluate(program.Definition, condition.Context, context, trace: null);
        }
        else
        {
            outcome = program.Evaluate(condition.Context, context);
        }
        return outcome.Value switch
        {
            Tri.True => state.Allowed,
            Tri.False => state.Denied,
            _ => null, // the general path reports the error, naming the tuple
        };
    }
}
