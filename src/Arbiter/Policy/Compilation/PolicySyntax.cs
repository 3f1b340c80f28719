namespace Arbiter.Policy.Compilation;

/// <summary>A policy file as read, before names are checked.</summary>
internal sealed record PolicySyntax(
    IReadOnlyList<ResourceSyntax> Resources,
    IReadOnlyList<RoleSyntax> Roles,
    IReadOnlyList<Named> Tenants,
    IReadOnlyList<UserSyntax> Users,
    IReadOnlyList<InstanceSyntax> Instances,
    IReadOnlyList<PolicyTestCase> Tests);
