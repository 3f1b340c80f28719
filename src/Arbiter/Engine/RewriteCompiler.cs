using Arbiter.Model;

namespace Arbiter.Engine;

/// <summary>Compiles relation definitions into <see cref="RewriteNode"/> trees and <see cref="TypeRestriction"/>s.</summary>
internal sealed class RewriteCompiler(CompiledModel model, SymbolTable types, SymbolTable relations, List<ModelDiagnostic> diagnostics)
{
    public void Compile(CompiledRelation relation)
    {
        var definition = relation.Definition;
        var restrictions = new List<TypeRestriction>();
        foreach (var reference in definition.DirectlyRelatedTypes)
        {
            if (CompileRestriction(relation, reference) is { } restriction)
            {
                restrictions.Add(restriction);
            }
        }
        relation.Restrictions = [.. restrictions];
        var hasDirect = false;
        relation.Rewrite = CompileNode(relation, definition.Rewrite, ref hasDirect) ?? RewriteNode.Direct("[]");
        if (hasDirect && definition.DirectlyRelatedTypes.Count == 0)
        {
            Report("missing-type-restrictions", $"the relation '{relation}' is directly assignable but names no types", definition.Span, definition.Name);
        }
        if (!hasDirect && definition.DirectlyRelatedTypes.Count > 0)
        {
            Report("unexpected-type-restrictions", $"the relation '{relation}' names types but has no direct part", definition.Span, definition.Name);
        }
    }

    private TypeRestriction? CompileRestriction(CompiledRelation relation, RelationReference reference)
    {
        var type = model.FindType(reference.Type);
        if (type is null)
        {
            Report("missing-definition", $"the relation '{relation}' refers to the undefined type '{reference.Type}'", reference.Span, reference.Type);
            return null;
        }
        if (reference.Condition is not null && !model.ConditionsByName.ContainsKey(reference.Condition))
        {
            Report("missing-definition", $"the relation '{relation}' refers to the undefined condition '{reference.Condition}'", reference.Span, reference.Condition);
            return null;
        }
        var subjectRelation = SubjectKind.Plain;
        if (reference.Wildcard)
        {
            subjectRelation = SubjectKind.Wildcard;
        }
        else if (reference.Relation is not null)
        {
            if (!type.RelationsByName.TryGetValue(reference.Relation, out var target))
            {
                Report("missing-definition", $"the relation '{relation}' refers to the undefined relation '{reference.Type}#{reference.Relation}'", reference.Span, reference.Relation);
                return null;
            }
            subjectRelation = target.NameId;
        }
        return new TypeRestriction(type.TypeId, subjectRelation, reference.Condition);
    }

    private RewriteNode? CompileNode(CompiledRelation relation, Userset userset, ref bool hasDirect)
    {
        switch (userset)
        {
            case DirectUserset:
                hasDirect = true;
                return RewriteNode.Direct("[" + string.Join(", ", relation.Definition.DirectlyRelatedTypes) + "]");
            case ComputedUserset computed:
                if (!relation.Owner.RelationsByName.TryGetValue(computed.Relation, out var target))
                {
                    Report("missing-definition", $"the relation '{relation}' refers to the undefined relation '{computed.Relation}'", computed.Span, computed.Relation);
                    return null;
                }
                return RewriteNode.Computed(target);
            case TupleToUserset ttu:
                return CompileTupleToUserset(relation, ttu);
            case UnionUserset union:
                return CompileChildren(relation, RewriteKind.Union, union.Children, ref hasDirect);
            case IntersectionUserset intersection:
                return CompileChildren(relation, RewriteKind.Intersection, intersection.Children, ref hasDirect);
            case DifferenceUserset difference:
                return CompileChildren(relation, RewriteKind.Exclusion, [difference.Base, difference.Subtract], ref hasDirect);
            case AttributeRuleUserset rule:
                return CompileRule(relation, rule);
            default:
                Report("unsupported-rewrite", $"the relation '{relation}' uses an unsupported rewrite '{userset.GetType().Name}'", userset.Span, relation.Name);
                return null;
        }
    }

    private RewriteNode? CompileChildren(CompiledRelation relation, RewriteKind kind, IReadOnlyList<Userset> children, ref bool hasDirect)
    {
        if (children.Count < (kind == RewriteKind.Exclusion ? 2 : 1))
        {
            Report("invalid-rewrite", $"the relation '{relation}' has an operator with too few operands", relation.Definition.Span, relation.Name);
            return null;
        }
        var nodes = new RewriteNode[children.Count];
        for (var i = 0; i < children.Count; i++)
        {
            var node = CompileNode(relation, children[i], ref hasDirect);
            if (node is null)
            {
                return null;
            }
            nodes[i] = node;
        }
        return nodes.Length == 1 ? nodes[0] : RewriteNode.SetOperation(kind, nodes);
    }

    private RewriteNode? CompileTupleToUserset(CompiledRelation relation, TupleToUserset ttu)
    {
        if (!relation.Owner.RelationsByName.TryGetValue(ttu.Tupleset, out var tupleset))
        {
            Report("missing-definition", $"the relation '{relation}' refers to the undefined tupleset relation '{ttu.Tupleset}'", ttu.Span, ttu.Tupleset);
            return null;
        }
        var computedId = relations.GetOrAdd(ttu.ComputedRelation);
        var targets = new CompiledRelation?[types.Count];
        var found = false;
        foreach (var reference in tupleset.Definition.DirectlyRelatedTypes)
        {
            if (reference.Relation is not null || reference.Wildcard)
            {
                Report("invalid-tupleset", $"the tupleset relation '{tupleset}' used by '{relation}' may only name plain types, not '{reference}'", reference.Span, ttu.Tupleset);
                return null;
            }
            if (model.FindType(reference.Type) is { } parentType && parentType.RelationById(computedId) is { } target)
            {
                targets[parentType.TypeId] = target;
                found = true;
            }
        }
        if (!found)
        {
            Report("missing-definition", $"the relation '{relation}' refers to '{ttu.ComputedRelation}', which no type of '{tupleset}' defines", ttu.Span, ttu.ComputedRelation);
            return null;
        }
        return RewriteNode.TupleToUserset(tupleset, ttu.ComputedRelation, targets);
    }

    private RewriteNode? CompileRule(CompiledRelation relation, AttributeRuleUserset rule)
    {
        if (model.FindType(rule.SubjectType) is not { } subjectType)
        {
            Report("missing-definition", $"the relation '{relation}' refers to the undefined type '{rule.SubjectType}'", rule.Span, rule.SubjectType);
            return null;
        }
        if (model.Conditions.Find(rule.Condition, subjectType.Name, relation.Owner.Name) is not { } program)
        {
            // an undefined condition (a condition that failed to compile is reported where it is defined)
            if (!model.ConditionsByName.ContainsKey(rule.Condition))
            {
                Report("missing-definition", $"the relation '{relation}' refers to the undefined condition '{rule.Condition}'", rule.Span, rule.Condition);
            }
            return null;
        }
        return RewriteNode.Rule(subjectType.TypeId, subjectType.Name, program);
    }

    private void Report(string code, string message, SourceSpan? span, string? symbol) =>
        diagnostics.Add(new ModelDiagnostic(code, message, span, symbol));
}
