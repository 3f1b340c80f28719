using System.Collections.Frozen;

namespace Arbiter.Directory;

/// <summary>One user as loaded from the directory file.</summary>
/// <param name="Username">The user's name (the key under <c>users:</c>).</param>
/// <param name="Roles">The top-level roles: held outside tenants and in every tenant the user belongs to.</param>
/// <param name="DisplayedName">The <c>displayed_name</c>, when given.</param>
/// <param name="Email">The <c>email</c>, when given.</param>
/// <param name="Attributes">Every key except <c>roles</c> and <c>tenants</c>, as plain values.</param>
/// <param name="Tenants">The tenants the user belongs to, with the roles and attributes held there.</param>
internal sealed record DirectoryUser(
    string Username,
    FrozenSet<string> Roles,
    string? DisplayedName,
    string? Email,
    IReadOnlyDictionary<string, object?> Attributes,
    FrozenDictionary<string, TenantMembership> Tenants)
{
    /// <summary>The attributes that count in <paramref name="tenant"/>: the top-level ones, overridden by the tenant's own.</summary>
    public IReadOnlyDictionary<string, object?> AttributesIn(string? tenant)
    {
        if (tenant is null || !Tenants.TryGetValue(tenant, out var membership) || membership.Attributes.Count == 0)
        {
            return Attributes;
        }
        var merged = new Dictionary<string, object?>(Attributes, StringComparer.Ordinal);
        foreach (var (key, value) in membership.Attributes)
        {
            merged[key] = value;
        }
        return merged.AsReadOnly();
    }
}
