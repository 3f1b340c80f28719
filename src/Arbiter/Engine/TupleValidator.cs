using System.Diagnostics.CodeAnalysis;

namespace Arbiter.Engine;

/// <summary>
/// Checks a tuple against a model as OpenFGA does for writes and contextual tuples: the object type and relation exist,
/// the subject is well formed and of a type (or userset, or wildcard) the relation allows, with the right condition.
/// </summary>
internal static class TupleValidator
{
    /// <summary>Validates a tuple; on failure returns the error class and a message that names the tuple.</summary>
    public static bool TryValidate(
        CompiledModel model,
        ContextLimits limits,
        RelationshipTuple? tuple,
        out ValidatedTuple validated,
        out ArbiterErrorCode code,
        [NotNullWhen(false)] out string? error)
    {
        validated = default;
        code = ArbiterErrorCode.InvalidTuple;
        if (tuple is null)
        {
            error = "a tuple is null";
            return false;
        }
        if (!IsWellFormed(tuple, out var problem))
        {
            error = Describe(tuple, problem);
            return false;
        }
        var type = model.FindType(tuple.Object.Type);
        if (type is null)
        {
            code = ArbiterErrorCode.TypeNotFound;
            error = Describe(tuple, $"the type '{tuple.Object.Type}' is not defined in the model");
            return false;
        }
        if (!type.RelationsByName.TryGetValue(tuple.Relation, out var relation))
        {
            code = ArbiterErrorCode.RelationNotFound;
            error = Describe(tuple, $"the relation '{tuple.Relation}' is not defined on type '{type.Name}'");
            return false;
        }
        var subject = tuple.Subject;
        var subjectType = model.FindType(subject.Type);
        if (subjectType is null)
        {
            error = Describe(tuple, $"the subject type '{subject.Type}' is not defined in the model");
            return false;
        }
        var subjectRelation = SubjectKind.Plain;
        if (subject.IsWildcard)
        {
            subjectRelation = SubjectKind.Wildcard;
        }
        else if (subject.Relation is { } userset)
        {
            if (!subjectType.RelationsByName.TryGetValue(userset, out var target))
            {
                error = Describe(tuple, $"the relation '{userset}' is not defined on type '{subjectType.Name}'");
                return false;
            }
            subjectRelation = target.NameId;
        }
        if (!relation.IsDirectlyAssignable)
        {
            error = Describe(tuple, $"the relation '{relation}' is not directly assignable (it has no type restrictions)");
            return false;
        }
        var condition = tuple.Condition;
        if (condition is not null)
        {
            if (string.IsNullOrEmpty(condition.Name) || !model.ConditionsByName.ContainsKey(condition.Name))
            {
                error = Describe(tuple, $"the condition '{condition.Name}' is not defined in the model");
                return false;
            }
        }
        if (!relation.Allows(subjectType.TypeId, subjectRelation, condition?.Name))
        {
            error = Describe(tuple, $"'{SubjectKindText(subject)}{(condition is null ? string.Empty : " with " + condition.Name)}' is not an allowed type restriction for '{relation}' (allowed: [{string.Join(", ", relation.Definition.DirectlyRelatedTypes)}])");
            return false;
        }
        if (condition?.Context is { } context && !TryValidateContext(model, model.ConditionsByName[condition.Name], limits, context, out var contextProblem))
        {
            error = Describe(tuple, contextProblem);
            return false;
        }
        validated = new ValidatedTuple(tuple, relation, subjectType.TypeId, subjectRelation);
        error = null;
        return true;
    }

    /// <summary>Checks the parts of a tuple against the identifier rules (records may be built without parsing).</summary>
    public static bool IsWellFormed(RelationshipTuple tuple, [NotNullWhen(false)] out string? problem)
    {
        var o = tuple.Object;
        var s = tuple.Subject;
        problem = null;
        if (o.Type is null || o.Id is null || !Identifiers.IsValidTypeName(o.Type, out problem) || !Identifiers.IsValidObjectId(o.Id, out problem))
        {
            problem ??= "the object is missing";
            return false;
        }
        if (tuple.Relation is null || !Identifiers.IsValidRelationName(tuple.Relation, out problem))
        {
            problem ??= "the relation is missing";
            return false;
        }
        if (s.Type is null || s.Id is null || !Identifiers.IsValidTypeName(s.Type, out problem))
        {
            problem ??= "the subject is missing";
            return false;
        }
        if (s.Id != SubjectRef.WildcardId && !Identifiers.IsValidObjectId(s.Id, out problem))
        {
            return false;
        }
        problem = null;
        if (s.Relation is not null && (s.Id == SubjectRef.WildcardId || !Identifiers.IsValidRelationName(s.Relation, out problem)))
        {
            problem ??= "a wildcard subject cannot have a relation";
            return false;
        }
        problem = null;
        return true;
    }

    /// <summary>The message prefix every tuple error uses.</summary>
    public static string Describe(RelationshipTuple tuple, string problem) => $"invalid tuple '{tuple.Object}#{tuple.Relation}@{tuple.Subject}': {problem}";

    private static string SubjectKindText(SubjectRef subject) =>
        subject.IsWildcard ? subject.Type + ":*" : subject.Relation is null ? subject.Type : subject.Type + "#" + subject.Relation;

    /// <summary>
    /// A tuple's condition context, as OpenFGA checks it on write: within the size limits, only declared parameters,
    /// each value convertible to its parameter's declared type.
    /// </summary>
    private static bool TryValidateContext(CompiledModel model, Arbiter.Model.ConditionDefinition definition, ContextLimits limits,
        IReadOnlyDictionary<string, object?> context, [NotNullWhen(false)] out string? problem)
    {
        if (!limits.TryValidate(context, out problem))
        {
            problem = $"the context of condition '{definition.Name}' is too large: {problem}";
            return false;
        }
        foreach (var key in context.Keys)
        {
            if (!definition.Parameters.Any(p => string.Equals(p.Name, key, StringComparison.Ordinal)))
            {
                problem = $"the condition '{definition.Name}' has no parameter '{key}'";
                return false;
            }
        }
        if (model.Conditions.Find(definition.Name) is { } program && !program.TryValidateTupleContext(context, out var conversion))
        {
            problem = conversion!;
            return false;
        }
        problem = null;
        return true;
    }
}
