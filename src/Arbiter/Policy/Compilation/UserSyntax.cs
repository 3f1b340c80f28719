using Arbiter.Policy.Yaml;

namespace Arbiter.Policy.Compilation;

/// <summary>
/// A user under <c>users:</c> with role assignments (default-tenant roles, per-tenant roles and per-instance roles) and
/// attribute values.
/// </summary>
internal sealed record UserSyntax(
    Named Name,
    IReadOnlyList<Named> Roles,
    IReadOnlyList<AssignmentSyntax> TenantRoles,
    IReadOnlyList<AssignmentSyntax> ResourceRoles,
    YMapping? Attributes);
