using Arbiter.Model;

namespace Arbiter.Parsing;

internal sealed partial class ModelValidation
{
    private void CheckDuplicates()
    {
        var seenTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in Types)
        {
            var typeName = type.Name ?? string.Empty;
            if (!seenTypes.Add(typeName))
            {
                // Reported where the type is first defined, as OpenFGA does.
                var first = _typesByName[typeName];
                var again = type.Span is { } s ? $" (defined again at line {s.Line})" : string.Empty;
                Add(DiagnosticCodes.DuplicatedError, $"the type `{typeName}` is a duplicate{again}.", first.Span ?? type.Span, typeName);
            }
            foreach (var relation in RelationsOf(type))
            {
                CheckDuplicateTypeRestrictions(relation);
                CheckDuplicateOperands(relation);
            }
        }
    }

    private void CheckDuplicateTypeRestrictions(RelationDefinition relation)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in DirectTypesOf(relation))
        {
            var text = reference.ToString();
            if (!seen.Add(text))
            {
                Add(DiagnosticCodes.DuplicatedError, $"the type restriction `{text}` is a duplicate in the relation `{relation.Name}`.", reference.Span ?? relation.Span, text);
            }
        }
    }

    private void CheckDuplicateOperands(RelationDefinition relation)
    {
        foreach (var node in Nodes(relation.Rewrite))
        {
            if (node is DifferenceUserset difference)
            {
                var baseName = OperandName(difference.Base);
                if (baseName is not null && string.Equals(baseName, OperandName(difference.Subtract), StringComparison.Ordinal))
                {
                    ReportDuplicateOperand(relation, difference.Subtract, baseName);
                }
                continue;
            }
            if (node is not (UnionUserset or IntersectionUserset))
            {
                continue;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var child in ChildrenOf(node))
            {
                if (OperandName(child) is { } name && !seen.Add(name))
                {
                    ReportDuplicateOperand(relation, child, name);
                }
            }
        }
    }

    private void ReportDuplicateOperand(RelationDefinition relation, Userset operand, string name) =>
        Add(DiagnosticCodes.DuplicatedError, $"the partial relation definition `{name}` is a duplicate in the relation `{relation.Name}`.", operand.Span ?? relation.Span, name);

    private static string? OperandName(Userset? userset) => userset switch
    {
        ComputedUserset c => c.Relation,
        TupleToUserset t => t.ComputedRelation + " from " + t.Tupleset,
        AttributeRuleUserset r => r.SubjectType + " where " + r.Condition,
        _ => null,
    };

    private void CheckUnusedConditions()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in Types)
        {
            foreach (var relation in RelationsOf(type))
            {
                foreach (var reference in DirectTypesOf(relation))
                {
                    if (reference.Condition is { } condition)
                    {
                        used.Add(condition);
                    }
                }
                foreach (var node in Nodes(relation.Rewrite))
                {
                    if (node is AttributeRuleUserset { Condition: { } ruleCondition })
                    {
                        used.Add(ruleCondition);
                    }
                }
            }
        }
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var condition in Conditions)
        {
            var name = condition.Name ?? string.Empty;
            if (!used.Contains(name) && reported.Add(name))
            {
                Add(DiagnosticCodes.ConditionNotUsed, $"`{name}` condition is not used in the model.", condition.Span, name);
            }
        }
    }
}
