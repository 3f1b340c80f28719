namespace Arbiter.Policy.Compilation;

/// <summary>A user under <c>users:</c> with role assignments: default-tenant roles, per-tenant roles and per-instance roles.</summary>
internal sealed record UserSyntax(
    Named Name,
    IReadOnlyList<Named> Roles,
    IReadOnlyList<AssignmentSyntax> TenantRoles,
    IReadOnlyList<AssignmentSyntax> ResourceRoles);
