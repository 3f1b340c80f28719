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
    IReadOnlyList<PolicyTestCase> Tests);
