using Arbiter.Model;

namespace Arbiter.Policy.Compilation;

/// <summary>
/// Builds the OpenFGA-style <see cref="AuthorizationModel"/> of a checked policy:
/// <list type="bullet">
/// <item><c>type user</c>;</item>
/// <item><c>type tenant</c> with one relation per role: <c>define editor: [user] or admin</c> (its includers);</item>
/// <item>one type per resource with <c>define tenant: [tenant]</c>, its relations (<c>define parent: [folder]</c>),
/// its roles (<c>define editor: [user] or editor from tenant or owner or editor from parent</c>) and its actions
/// (<c>define write: editor</c>, the roles that grant it).</item>
/// </list>
/// </summary>
internal static class PolicyModelBuilder
{
    private static readonly RelationReference User = new(PolicyDocument.UserType);

    public static AuthorizationModel Build(PolicyPlan plan)
    {
        var types = new List<TypeDefinition>
        {
            new(PolicyDocument.UserType, []),
            new(PolicyDocument.TenantType, plan.Roles.Select(r => TenantRole(r, plan)).ToArray()),
        };
        types.AddRange(plan.Resources.Select(r => Resource(r, plan)));
        return new AuthorizationModel { Types = types };
    }

    private static RelationDefinition TenantRole(RoleSyntax role, PolicyPlan plan)
    {
        var operands = new List<Userset> { new DirectUserset() };
        operands.AddRange(plan.DirectIncluders[role.Name.Name].Select(i => new ComputedUserset(i)));
        return new RelationDefinition(role.Name.Name, Union(operands), [User]) { Span = role.Name.Span };
    }

    private static TypeDefinition Resource(ResourcePlan resource, PolicyPlan plan)
    {
        var relations = new List<RelationDefinition>
        {
            new(PolicyDocument.TenantRelation, new DirectUserset(), [new RelationReference(PolicyDocument.TenantType)]) { Span = resource.Syntax.Name.Span },
        };
        foreach (var relation in resource.Syntax.Relations)
        {
            relations.Add(new RelationDefinition(relation.Name.Name, new DirectUserset(), [new RelationReference(relation.Target.Name)])
            {
                Span = relation.Name.Span,
            });
        }
        var roles = new HashSet<string>(resource.Roles, StringComparer.Ordinal);
        foreach (var role in plan.Roles.Where(r => roles.Contains(r.Name.Name)))
        {
            var name = role.Name.Name;
            var operands = new List<Userset> { new DirectUserset(), new TupleToUserset(PolicyDocument.TenantRelation, name) };
            operands.AddRange(plan.DirectIncluders[name].Where(roles.Contains).Select(i => new ComputedUserset(i)));
            if (resource.Derivations.TryGetValue(name, out var derivations))
            {
                operands.AddRange(derivations.Select(d => new TupleToUserset(d.Relation, d.FromRole)));
            }
            relations.Add(new RelationDefinition(name, Union(operands), [User]) { Span = role.Name.Span });
        }
        foreach (var action in resource.Syntax.Actions)
        {
            var granting = resource.ActionRoles[action.Name];
            var definition = granting.Count == 0
                ? new RelationDefinition(action.Name, new DirectUserset(), [User])
                : new RelationDefinition(action.Name, Union(granting.Select(r => (Userset)new ComputedUserset(r)).ToList()), []);
            relations.Add(definition with { Span = action.Span });
        }
        return new TypeDefinition(resource.Name, relations) { Span = resource.Syntax.Name.Span };
    }

    private static Userset Union(List<Userset> operands) => operands.Count == 1 ? operands[0] : new UnionUserset(operands);
}
