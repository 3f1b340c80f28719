using Arbiter.Model;

namespace Arbiter.Policy.Compilation;

/// <summary>
/// Builds the OpenFGA-style <see cref="AuthorizationModel"/> of a checked policy:
/// <list type="bullet">
/// <item><c>type user</c>;</item>
/// <item><c>type tenant</c> with one relation per role: <c>define editor: [user] or admin</c> (its includers);</item>
/// <item>one type per resource with <c>define tenant: [tenant]</c>, its relations (<c>define parent: [folder]</c>),
/// its roles (<c>define editor: [user] or editor from tenant or owner or editor from parent</c>) and its actions
/// (<c>define write: editor</c>, the roles that grant it), with the operands of allow rules added and those of deny rules
/// taken away: <c>define write: (editor or user where rule_report_3_allow) but not user where rule_report_4_deny</c>;</item>
/// <item>one parameterless condition per used user set (<c>userset_x</c>), per used resource set (<c>resourceset_x</c>)
/// and per rule <c>when:</c> (<c>rule_type_n_allow</c>).</item>
/// </list>
/// </summary>
internal static class PolicyModelBuilder
{
    private static readonly RelationReference User = new(PolicyDocument.UserType);

    public static AuthorizationModel Build(PolicyPlan plan)
    {
        var types = new List<TypeDefinition>
        {
            new(PolicyDocument.UserType, []) { Attributes = plan.UserAttributes },
            new(PolicyDocument.TenantType, TenantRelations(plan)),
        };
        types.AddRange(plan.Resources.Select(r => Resource(r, plan)));
        return new AuthorizationModel { Types = types, Conditions = plan.Conditions };
    }

    private static List<RelationDefinition> TenantRelations(PolicyPlan plan)
    {
        var relations = plan.Roles.Select(r => TenantRole(r, plan)).ToList();
        if (plan.ScopesRulesToTenants)
        {
            // Every role holder, through the roles that include no other role (the others are in those already).
            var operands = new List<Userset> { new DirectUserset() };
            operands.AddRange(plan.Roles.Where(r => r.Includes.Count == 0).Select(r => new ComputedUserset(r.Name.Name)));
            relations.Add(new RelationDefinition(PolicyDocument.TenantMemberRelation, Union(operands), [User]));
        }
        return relations;
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
            relations.Add(Action(resource, action));
        }
        return new TypeDefinition(resource.Name, relations) { Span = resource.Syntax.Name.Span, Attributes = resource.Attributes };
    }

    /// <summary><c>(granting roles or allow rules) but not (deny rules)</c>; <c>[user]</c> stands in when nothing grants it.</summary>
    private static RelationDefinition Action(ResourcePlan resource, Named action)
    {
        var rules = resource.ActionRules.GetValueOrDefault(action.Name) ?? [];
        var granted = resource.ActionRoles[action.Name].Select(r => (Userset)new ComputedUserset(r)).ToList();
        granted.AddRange(rules.Where(r => !r.Syntax.IsDeny).Select(Rule));
        var denied = rules.Where(r => r.Syntax.IsDeny).Select(Rule).ToList();
        var direct = granted.Count == 0;
        var rewrite = direct ? new DirectUserset() : Union(granted);
        if (denied.Count > 0)
        {
            rewrite = new DifferenceUserset(rewrite, Union(denied));
        }
        return new RelationDefinition(action.Name, rewrite, direct ? [User] : []) { Span = action.Span };
    }

    /// <summary>
    /// <c>user where c1 and user where c2</c>, with <c>(r1 or r2) and</c> in front when the rule names roles, and
    /// <c>and tenant_member from tenant</c> when the user must belong to the resource's tenant.
    /// </summary>
    private static Userset Rule(RulePlan rule)
    {
        var span = rule.Syntax.Span;
        var parts = new List<Userset>();
        if (rule.Roles.Count > 0)
        {
            parts.Add(Union(rule.Roles.Select(r => (Userset)new ComputedUserset(r)).ToList()));
        }
        parts.AddRange(rule.Conditions.Select(c => new AttributeRuleUserset(PolicyDocument.UserType, c) { Span = span }));
        if (rule.TenantScoped)
        {
            parts.Add(new TupleToUserset(PolicyDocument.TenantRelation, PolicyDocument.TenantMemberRelation));
        }
        return parts.Count == 1 ? parts[0] : new IntersectionUserset(parts) { Span = span };
    }

    private static Userset Union(List<Userset> operands) => operands.Count == 1 ? operands[0] : new UnionUserset(operands);
}
