using Arbiter.Model;

namespace Arbiter.Parsing;

internal sealed partial class ModelValidation
{
    /// <summary>
    /// Finds the relations that no tuple can ever satisfy: those with no entry point (a direct type, a wildcard, an
    /// attribute rule, or a path through other relations that ends in one). This is the least fixed point of "has an entry point", computed
    /// with a work list, so it takes time linear in the model's size; it agrees with OpenFGA's path search.
    /// </summary>
    private void CheckEntryPoints()
    {
        var withEntry = new HashSet<(string Type, string Relation)>();
        var dependents = new Dictionary<(string Type, string Relation), List<(string Type, RelationDefinition Relation)>>();
        var work = new Queue<(string Type, RelationDefinition Relation)>();
        foreach (var (typeName, relations) in _relations)
        {
            foreach (var relation in relations.Values)
            {
                work.Enqueue((typeName, relation));
                foreach (var dependency in DependenciesOf(typeName, relation))
                {
                    if (!dependents.TryGetValue(dependency, out var list))
                    {
                        list = [];
                        dependents.Add(dependency, list);
                    }
                    list.Add((typeName, relation));
                }
            }
        }
        while (work.Count > 0)
        {
            var (typeName, relation) = work.Dequeue();
            var key = (typeName, relation.Name ?? string.Empty);
            if (withEntry.Contains(key) || !HasEntry(typeName, relation, relation.Rewrite, withEntry))
            {
                continue;
            }
            withEntry.Add(key);
            if (dependents.TryGetValue(key, out var list))
            {
                foreach (var dependent in list)
                {
                    work.Enqueue(dependent);
                }
            }
        }

        foreach (var (typeName, relations) in _relations)
        {
            foreach (var relation in relations.Values)
            {
                if (withEntry.Contains((typeName, relation.Name ?? string.Empty)))
                {
                    continue;
                }
                var why = ReachesItself(typeName, relation)
                    ? "it is defined only through itself (potential loop)"
                    : "no direct type, wildcard or related relation leads to it (no entrypoint)";
                Add(DiagnosticCodes.RelationNoEntryPoint, $"`{relation.Name}` is an impossible relation for `{typeName}`: {why}.", relation.Span, relation.Name);
            }
        }
    }

    private IEnumerable<(string Type, string Relation)> DependenciesOf(string typeName, RelationDefinition relation)
    {
        foreach (var node in Nodes(relation.Rewrite))
        {
            switch (node)
            {
                case DirectUserset:
                    foreach (var reference in DirectTypesOf(relation))
                    {
                        if (reference.Relation is not null && !reference.Wildcard && reference.Type is not null)
                        {
                            yield return (reference.Type, reference.Relation);
                        }
                    }
                    break;
                case ComputedUserset computed when computed.Relation is not null:
                    yield return (typeName, computed.Relation);
                    break;
                case TupleToUserset ttu when ttu.ComputedRelation is not null && TryGetRelation(typeName, ttu.Tupleset, out var tupleset):
                    foreach (var reference in DirectTypesOf(tupleset))
                    {
                        if (reference.Type is not null)
                        {
                            yield return (reference.Type, ttu.ComputedRelation);
                        }
                    }
                    break;
            }
        }
    }

    private bool HasEntry(string typeName, RelationDefinition relation, Userset? rewrite, HashSet<(string, string)> withEntry)
    {
        ModelValidator.EnsureStack();
        switch (rewrite)
        {
            case DirectUserset:
                return DirectTypesOf(relation).Any(r => r.Relation is null || r.Wildcard || (r.Type is not null && withEntry.Contains((r.Type, r.Relation))));
            case ComputedUserset computed:
                return computed.Relation is not null && withEntry.Contains((typeName, computed.Relation));
            case AttributeRuleUserset:
                // A rule admits subjects with no tuple at all, so it is an entry point, like a direct type.
                return true;
            case TupleToUserset ttu:
                return ttu.ComputedRelation is not null
                    && TryGetRelation(typeName, ttu.Tupleset, out var tupleset)
                    && DirectTypesOf(tupleset).Any(r => r.Relation is null && !r.Wildcard && r.Type is not null && withEntry.Contains((r.Type, ttu.ComputedRelation)));
            case UnionUserset union:
                return ChildrenOf(union).Any(c => HasEntry(typeName, relation, c, withEntry));
            case IntersectionUserset intersection:
                return ChildrenOf(intersection).Count > 0 && ChildrenOf(intersection).All(c => HasEntry(typeName, relation, c, withEntry));
            case DifferenceUserset difference:
                return HasEntry(typeName, relation, difference.Base, withEntry) && HasEntry(typeName, relation, difference.Subtract, withEntry);
            default:
                return false;
        }
    }

    /// <summary>Whether the relation reaches itself through relations of the same object (a loop rather than a missing entry).</summary>
    private bool ReachesItself(string typeName, RelationDefinition start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<RelationDefinition>();
        pending.Push(start);
        while (pending.Count > 0)
        {
            foreach (var node in Nodes(pending.Pop().Rewrite))
            {
                if (node is not ComputedUserset { Relation: { } name })
                {
                    continue;
                }
                if (string.Equals(name, start.Name, StringComparison.Ordinal))
                {
                    return true;
                }
                if (seen.Add(name) && TryGetRelation(typeName, name, out var next))
                {
                    pending.Push(next);
                }
            }
        }
        return false;
    }
}
