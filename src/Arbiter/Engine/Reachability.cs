using System.Collections.Frozen;

namespace Arbiter.Engine;

/// <summary>
/// Computes, for every relation, which subject kinds (plain types and usersets) can possibly have it,
/// so that a check can answer false at once when no path leads from the subject's type to the relation
/// (OpenFGA's path check). A superset is always safe.
/// </summary>
internal static class Reachability
{
    public static void Compute(CompiledModel model)
    {
        var relations = model.Relations;
        var typeCount = model.TypesById.Length;
        var plain = new bool[relations.Length][];
        var usersets = new HashSet<long>[relations.Length];
        var dependencies = new List<CompiledRelation>[relations.Length];
        foreach (var relation in relations)
        {
            plain[relation.Index] = new bool[typeCount];
            // The relation's own userset reaches it (type:id#relation has relation on type:id), and so on up through
            // every relation that depends on it (computed, tuple-to-userset, userset restrictions).
            usersets[relation.Index] = [CompiledRelation.UsersetKey(relation.Owner.TypeId, relation.NameId)];
            var deps = new List<CompiledRelation>();
            foreach (var restriction in relation.Restrictions)
            {
                if (restriction.SubjectRelation < 0)
                {
                    plain[relation.Index][restriction.TypeId] = true;
                }
                else
                {
                    usersets[relation.Index].Add(CompiledRelation.UsersetKey(restriction.TypeId, restriction.SubjectRelation));
                    if (model.TypeById(restriction.TypeId)?.RelationById(restriction.SubjectRelation) is { } target)
                    {
                        deps.Add(target);
                    }
                }
            }
            CollectDependencies(relation.Rewrite, deps);
            MarkRules(relation.Rewrite, plain[relation.Index]);
            dependencies[relation.Index] = deps;
        }

        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var relation in relations)
            {
                var mine = plain[relation.Index];
                var myUsersets = usersets[relation.Index];
                foreach (var dep in dependencies[relation.Index])
                {
                    var theirs = plain[dep.Index];
                    for (var t = 0; t < theirs.Length; t++)
                    {
                        if (theirs[t] && !mine[t])
                        {
                            mine[t] = true;
                            changed = true;
                        }
                    }
                    foreach (var key in usersets[dep.Index])
                    {
                        changed |= myUsersets.Add(key);
                    }
                }
            }
        }

        // Which relations a rule can grant on an object no tuple names (through computed relations and set operations).
        foreach (var relation in relations)
        {
            relation.HasRules = HasRule(relation.Rewrite, computedOnly: false);
        }
        changed = true;
        while (changed)
        {
            changed = false;
            foreach (var relation in relations)
            {
                if (!relation.HasRules && ReachesRule(relation.Rewrite))
                {
                    relation.HasRules = changed = true;
                }
            }
        }

        // Which relations a rule can grant anywhere below (also through a parent or a userset): listing them cannot rely on
        // the reverse index alone (a rule needs no tuple).
        foreach (var relation in relations)
        {
            relation.RulesBelow = HasRule(relation.Rewrite, computedOnly: false);
        }
        changed = true;
        while (changed)
        {
            changed = false;
            foreach (var relation in relations)
            {
                if (!relation.RulesBelow && dependencies[relation.Index].Exists(d => d.RulesBelow))
                {
                    relation.RulesBelow = changed = true;
                }
            }
        }

        foreach (var relation in relations)
        {
            relation.ReachablePlain = plain[relation.Index];
            relation.ReachableUsersets = usersets[relation.Index].ToFrozenSet();
        }
    }

    private static void MarkRules(RewriteNode node, bool[] plain)
    {
        if (node.Kind == RewriteKind.Rule)
        {
            plain[node.SubjectTypeId] = true;
        }
        foreach (var child in node.Children)
        {
            MarkRules(child, plain);
        }
    }

    private static bool HasRule(RewriteNode node, bool computedOnly) => node.Kind switch
    {
        RewriteKind.Rule => true,
        RewriteKind.Computed => computedOnly && node.Target!.HasRules,
        _ => node.Children.Any(c => HasRule(c, computedOnly)),
    };

    private static bool ReachesRule(RewriteNode node) => HasRule(node, computedOnly: true);

    private static void CollectDependencies(RewriteNode node, List<CompiledRelation> deps)
    {
        switch (node.Kind)
        {
            case RewriteKind.Computed:
                deps.Add(node.Target!);
                break;
            case RewriteKind.TupleToUserset:
                foreach (var target in node.TargetByType)
                {
                    if (target is not null)
                    {
                        deps.Add(target);
                    }
                }
                break;
            case RewriteKind.Exclusion:
                CollectDependencies(node.Children[0], deps);
                break;
            case RewriteKind.Union:
            case RewriteKind.Intersection:
                foreach (var child in node.Children)
                {
                    CollectDependencies(child, deps);
                }
                break;
        }
    }
}
