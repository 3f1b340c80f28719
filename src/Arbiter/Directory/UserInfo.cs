namespace Arbiter.Directory;

/// <summary>Everything the directory knows about one user, as seen in one tenant (or outside tenants).</summary>
/// <param name="Username">The user name asked about.</param>
/// <param name="IsKnown"><see langword="true"/> when the directory lists the user.</param>
/// <param name="DisplayedName">The name to show, as <see cref="UserDirectory.GetDisplayedUserName(string)"/> gives it.</param>
/// <param name="Roles">The roles that count (top-level roles, plus the tenant's roles when a tenant is named).</param>
/// <param name="Scopes">The union of the scopes of <see cref="Roles"/>.</param>
/// <param name="Attributes">The user's attributes (claims); tenant-scoped ones override top-level ones when a tenant is named.</param>
/// <param name="Tenants">Every tenant the user belongs to.</param>
public sealed record UserInfo(
    string Username,
    bool IsKnown,
    string DisplayedName,
    IReadOnlySet<string> Roles,
    IReadOnlySet<string> Scopes,
    IReadOnlyDictionary<string, object?> Attributes,
    IReadOnlySet<string> Tenants)
{
    /// <summary>The tenant the roles, scopes and attributes were computed for; <see langword="null"/> for outside tenants.</summary>
    public string? Tenant { get; init; }
}
