using Arbiter.Model;

namespace Arbiter.Policy.Compilation;

/// <summary>A policy whose names have all been checked: what the model and the tuples are built from.</summary>
/// <param name="Roles">The roles, in <c>roles:</c> order.</param>
/// <param name="DirectIncluders">For each role, the roles that include it directly, in <c>roles:</c> order.</param>
/// <param name="Resources">The resource types, in <c>resources:</c> order.</param>
/// <param name="Tenants">The declared tenants, <c>default</c> first.</param>
/// <param name="Tuples">The relationships implied by <c>users:</c> and <c>instances:</c>.</param>
/// <param name="Tests">The embedded test cases.</param>
internal sealed record PolicyPlan(
    IReadOnlyList<RoleSyntax> Roles,
    IReadOnlyDictionary<string, IReadOnlyList<string>> DirectIncluders,
    IReadOnlyList<ResourcePlan> Resources,
    IReadOnlyList<string> Tenants,
    IReadOnlyList<RelationshipTuple> Tuples,
    IReadOnlyList<PolicyTestCase> Tests)
{
    /// <summary>The attributes of the <c>user</c> type, in file order.</summary>
    public IReadOnlyList<AttributeDefinition> UserAttributes { get; init; } = [];

    /// <summary>The conditions of the used user sets, resource sets and rules.</summary>
    public IReadOnlyList<ConditionDefinition> Conditions { get; init; } = [];

    /// <summary>
    /// <see langword="true"/> when the tenant type needs the <see cref="PolicyDocument.TenantMemberRelation"/> relation:
    /// the policy lists tenants and has an allow rule without <c>roles:</c>.
    /// </summary>
    public bool ScopesRulesToTenants { get; init; }

    /// <summary>The attribute values implied by <c>users:</c> and <c>instances:</c>.</summary>
    public IReadOnlyList<EntityAttributes> Attributes { get; init; } = [];
}
