using Arbiter.Model;

namespace Arbiter.Parsing;

internal sealed partial class ModelValidation
{
    private void CheckReferences()
    {
        foreach (var type in Types)
        {
            var typeName = type.Name ?? string.Empty;
            foreach (var relation in RelationsOf(type))
            {
                var hasDirect = false;
                foreach (var node in Nodes(relation.Rewrite))
                {
                    switch (node)
                    {
                        case DirectUserset:
                            hasDirect = true;
                            break;
                        case ComputedUserset computed:
                            if (!TryGetRelation(typeName, computed.Relation, out _))
                            {
                                Add(DiagnosticCodes.MissingDefinition, $"the relation `{computed.Relation}` does not exist (in the definition of `{relation.Name}` on type `{typeName}`).", computed.Span ?? relation.Span, computed.Relation);
                            }
                            break;
                        case TupleToUserset tupleToUserset:
                            CheckTupleToUserset(typeName, relation, tupleToUserset);
                            break;
                        case AttributeRuleUserset rule:
                            CheckAttributeRule(typeName, relation, rule);
                            break;
                        case UnionUserset or IntersectionUserset when ChildrenOf(node).Count == 0 || ChildrenOf(node).Any(c => c is null):
                        case DifferenceUserset { Base: null } or DifferenceUserset { Subtract: null }:
                            Add(DiagnosticCodes.UnsupportedRewrite, $"the definition of relation `{relation.Name}` on type `{typeName}` has an operator without operands.", node.Span ?? relation.Span, relation.Name);
                            break;
                        case UnionUserset or IntersectionUserset or DifferenceUserset:
                            break;
                        default:
                            Add(DiagnosticCodes.UnsupportedRewrite, $"the definition of relation `{relation.Name}` on type `{typeName}` uses a rewrite ({node.GetType().Name}) that the OpenFGA model language does not have.", node.Span ?? relation.Span, relation.Name);
                            break;
                    }
                }
                if (hasDirect)
                {
                    CheckDirectTypes(typeName, relation);
                }
            }
        }
    }

    private void CheckDirectTypes(string typeName, RelationDefinition relation)
    {
        var references = DirectTypesOf(relation);
        if (references.Count == 0)
        {
            Add(DiagnosticCodes.AssignableRelationMustHaveType, $"the relation `{relation.Name}` on type `{typeName}` is directly assignable but names no types: list them, as in [user].", relation.Span, relation.Name);
        }
        foreach (var reference in references)
        {
            var span = reference.Span ?? relation.Span;
            var typeDefined = reference.Type is not null && _typesByName.ContainsKey(reference.Type);
            if (!typeDefined)
            {
                Add(DiagnosticCodes.InvalidType, $"`{reference.Type}` is not a valid type.", span, reference.Type);
            }
            if (reference.Condition is { } condition && !_conditionsByName.ContainsKey(condition))
            {
                Add(DiagnosticCodes.ConditionNotDefined, $"`{condition}` is not a defined condition in the model.", span, condition);
            }
            if (reference.Wildcard && reference.Relation is not null)
            {
                Add(DiagnosticCodes.TypeWildcardRelation, $"type restriction `{reference}` cannot contain both wildcard and relation.", span, reference.ToString());
            }
            else if (typeDefined && reference.Relation is not null && !TryGetRelation(reference.Type, reference.Relation, out _))
            {
                Add(DiagnosticCodes.InvalidRelationType, $"`{reference.Relation}` is not a valid relation for `{reference.Type}`.", span, reference.Relation);
            }
        }
    }

    private void CheckTupleToUserset(string typeName, RelationDefinition relation, TupleToUserset tupleToUserset)
    {
        var span = tupleToUserset.Span ?? relation.Span;
        if (!TryGetRelation(typeName, tupleToUserset.Tupleset, out var tupleset))
        {
            Add(DiagnosticCodes.InvalidRelationType, $"`{tupleToUserset.Tupleset}` is not a valid relation for `{typeName}`.", span, tupleToUserset.Tupleset);
            return;
        }
        var references = DirectTypesOf(tupleset);
        if (tupleset.Rewrite is not DirectUserset || references.Any(r => r.Wildcard || r.Relation is not null))
        {
            Add(DiagnosticCodes.TuplesetNotDirect, $"`{tupleToUserset.Tupleset}` relation used inside from allows only direct relation: define it as [type, ...] without usersets or wildcards.", span, tupleToUserset.Tupleset);
            return;
        }
        var missing = references.Where(r => !TryGetRelation(r.Type, tupleToUserset.ComputedRelation, out _)).ToList();
        if (missing.Count == 0 || missing.Count != references.Count)
        {
            return;
        }
        foreach (var reference in missing)
        {
            Add(DiagnosticCodes.InvalidRelationOnTupleset,
                $"the `{tupleToUserset.ComputedRelation}` relation definition on type `{typeName}` is not valid: `{tupleToUserset.ComputedRelation}` does not exist on `{tupleToUserset.Tupleset}`, which is of type `{reference.Type}`.",
                span, tupleToUserset.ComputedRelation);
        }
    }
}
