namespace Arbiter.Policy.Compilation;

/// <summary>A checked rule, ready to become an operand of its actions' relations.</summary>
/// <param name="Syntax">The rule as written.</param>
/// <param name="Roles">The roles that limit it (<c>roles:</c>); empty for any user.</param>
/// <param name="Conditions">The conditions that must all hold: its user sets, its resource sets and its own <c>when:</c>.</param>
/// <param name="TenantScoped">
/// <see langword="true"/> for an allow rule without roles in a policy with tenants: the user must also hold a role in
/// the resource's tenant.
/// </param>
internal sealed record RulePlan(RuleSyntax Syntax, IReadOnlyList<string> Roles, IReadOnlyList<string> Conditions, bool TenantScoped);
