using Arbiter.Model;

namespace Arbiter.Tests.Policy;

/// <summary>Renders a compiled model's relations compactly for assertions: <c>document#read: viewer or editor</c>.</summary>
internal static class ModelText
{
    public static string Relation(AuthorizationModel model, string type, string relation)
    {
        var definition = model.Types.Single(t => t.Name == type).Relations.Single(r => r.Name == relation);
        return Render(definition.Rewrite, definition.DirectlyRelatedTypes);
    }

    public static IReadOnlyList<string> RelationNames(AuthorizationModel model, string type) =>
        model.Types.Single(t => t.Name == type).Relations.Select(r => r.Name).ToArray();

    private static string Render(Userset userset, IReadOnlyList<RelationReference> direct) => userset switch
    {
        DirectUserset => "[" + string.Join(", ", direct) + "]",
        ComputedUserset c => c.Relation,
        TupleToUserset t => $"{t.ComputedRelation} from {t.Tupleset}",
        UnionUserset u => string.Join(" or ", u.Children.Select(c => Nested(c, direct))),
        IntersectionUserset i => string.Join(" and ", i.Children.Select(c => Nested(c, direct))),
        DifferenceUserset d => $"{Nested(d.Base, direct)} but not {Nested(d.Subtract, direct)}",
        AttributeRuleUserset a => $"{a.SubjectType} where {a.Condition}",
        _ => userset.ToString()!,
    };

    private static string Nested(Userset userset, IReadOnlyList<RelationReference> direct) =>
        userset is UnionUserset or IntersectionUserset or DifferenceUserset ? "(" + Render(userset, direct) + ")" : Render(userset, direct);
}
