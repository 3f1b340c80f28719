using Arbiter.Model;

namespace Arbiter.Conditions;

/// <summary>
/// Where a condition is used, which fixes the types its <c>subject.attr</c> and <c>object.attr</c> reads refer to:
/// <c>[user with c]</c> on <c>document#viewer</c> (subject <c>user</c>, object <c>document</c>), the rule
/// <c>user where c</c>, or <c>[group#member with c]</c> (the subject's type is not fixed there).
/// </summary>
/// <param name="Subject">The type of the check's subject at this site, or <see langword="null"/> when it is not fixed.</param>
/// <param name="Object">The type whose relation uses the condition.</param>
/// <param name="Where">A readable form of the site, for messages: <c>document#viewer: [group#member with c]</c>.</param>
internal sealed record ConditionSite(TypeDefinition? Subject, TypeDefinition Object, string Where)
{
    /// <summary>The sites of every condition of a model, by condition name (each pair of types once, in model order).</summary>
    public static Dictionary<string, List<ConditionSite>> Collect(AuthorizationModel model)
    {
        var types = new Dictionary<string, TypeDefinition>(StringComparer.Ordinal);
        foreach (var type in (IReadOnlyList<TypeDefinition>?)model.Types ?? [])
        {
            if (type?.Name is not null)
            {
                types.TryAdd(type.Name, type);
            }
        }
        var sites = new Dictionary<string, List<ConditionSite>>(StringComparer.Ordinal);
        void Add(string condition, TypeDefinition? subject, TypeDefinition owner, string where)
        {
            if (!sites.TryGetValue(condition, out var list))
            {
                sites[condition] = list = [];
            }
            if (!list.Exists(s => ReferenceEquals(s.Subject, subject) && ReferenceEquals(s.Object, owner)))
            {
                list.Add(new ConditionSite(subject, owner, where));
            }
        }
        foreach (var owner in types.Values)
        {
            foreach (var relation in (IReadOnlyList<RelationDefinition>?)owner.Relations ?? [])
            {
                if (relation is null)
                {
                    continue;
                }
                foreach (var reference in (IReadOnlyList<RelationReference>?)relation.DirectlyRelatedTypes ?? [])
                {
                    if (reference?.Condition is { } condition)
                    {
                        var subject = reference.Relation is null ? types.GetValueOrDefault(reference.Type ?? string.Empty) : null;
                        Add(condition, subject, owner, $"{owner.Name}#{relation.Name}: [{reference}]");
                    }
                }
                foreach (var rule in Rules(relation.Rewrite))
                {
                    if (rule.Condition is not null && types.TryGetValue(rule.SubjectType ?? string.Empty, out var subject))
                    {
                        Add(rule.Condition, subject, owner, $"{owner.Name}#{relation.Name}: {rule.SubjectType} where {rule.Condition}");
                    }
                }
            }
        }
        return sites;
    }

    /// <summary>The attribute rules of a rewrite, depth first.</summary>
    public static IEnumerable<AttributeRuleUserset> Rules(Userset? rewrite)
    {
        switch (rewrite)
        {
            case AttributeRuleUserset rule:
                yield return rule;
                break;
            case UnionUserset { Children: { } children }:
                foreach (var r in children.SelectMany(Rules))
                {
                    yield return r;
                }
                break;
            case IntersectionUserset { Children: { } children }:
                foreach (var r in children.SelectMany(Rules))
                {
                    yield return r;
                }
                break;
            case DifferenceUserset difference:
                foreach (var r in Rules(difference.Base).Concat(Rules(difference.Subtract)))
                {
                    yield return r;
                }
                break;
        }
    }
}
