using static Arbiter.Acl.AclModel;

namespace Arbiter.Acl;

public sealed partial class AccessControlList
{
    /// <summary><see langword="true"/> when the role has the permission on the resource.</summary>
    public bool Check(string role, string resource, string permission)
    {
        var request = new CheckRequest(Role(role), GrantedRelation, Permission(resource, permission));
        var pending = _engine.CheckAsync(request);
        var decision = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        return decision.Allowed;
    }

    /// <summary><see langword="true"/> when at least one of the roles has the permission; <see langword="false"/> for no roles.</summary>
    public bool CheckAny(IEnumerable<string> roles, string resource, string permission)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in roles)
        {
            if (Check(role, resource, permission))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary><see langword="true"/> when every one of the roles has the permission; <see langword="false"/> for no roles.</summary>
    public bool CheckAll(IEnumerable<string> roles, string resource, string permission)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var any = false;
        foreach (var role in roles)
        {
            if (!Check(role, resource, permission))
            {
                return false;
            }
            any = true;
        }
        return any;
    }

    /// <summary>The permissions the role has on the resource.</summary>
    public IReadOnlySet<string> WhichPermissions(string role, string resource) =>
        Which(role).TryGetValue(resource, out var permissions) ? permissions : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The permissions any of the roles has on the resource (union).</summary>
    public IReadOnlySet<string> WhichPermissionsAny(IEnumerable<string> roles, string resource) =>
        WhichAny(roles).TryGetValue(resource, out var permissions) ? permissions : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The permissions every one of the roles has on the resource (intersection; empty for no roles).</summary>
    public IReadOnlySet<string> WhichPermissionsAll(IEnumerable<string> roles, string resource) =>
        WhichAll(roles).TryGetValue(resource, out var permissions) ? permissions : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Every resource the role has a permission on, with those permissions.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Which(string role)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var grant in _engine.Read(relation: GrantedRelation, subject: Role(role)))
        {
            var (resource, permission) = PermissionName(grant.Object.Id);
            if (!result.TryGetValue(resource, out var set))
            {
                result[resource] = set = new HashSet<string>(StringComparer.Ordinal);
            }
            set.Add(permission);
        }
        return Freeze(result);
    }

    /// <summary>Every resource any of the roles has a permission on, with the union of their permissions.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> WhichAny(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            foreach (var (resource, permissions) in Which(role))
            {
                if (!result.TryGetValue(resource, out var set))
                {
                    result[resource] = set = new HashSet<string>(StringComparer.Ordinal);
                }
                set.UnionWith(permissions);
            }
        }
        return Freeze(result);
    }

    /// <summary>The resources and permissions every one of the roles has (intersection; empty for no roles).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> WhichAll(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        Dictionary<string, HashSet<string>>? result = null;
        foreach (var role in roles)
        {
            var mine = Which(role);
            if (result is null)
            {
                result = mine.ToDictionary(p => p.Key, p => new HashSet<string>(p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
                continue;
            }
            foreach (var resource in result.Keys.ToList())
            {
                if (mine.TryGetValue(resource, out var permissions))
                {
                    result[resource].IntersectWith(permissions);
                }
                if (!mine.ContainsKey(resource) || result[resource].Count == 0)
                {
                    result.Remove(resource);
                }
            }
        }
        return Freeze(result ?? []);
    }

    /// <summary>Every grant: role → resource → permissions. Roles with no grants are left out.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>> Show()
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>>(StringComparer.Ordinal);
        foreach (var role in GetRoles())
        {
            var grants = Which(role);
            if (grants.Count > 0)
            {
                result[role] = grants;
            }
        }
        return result;
    }

    private static Dictionary<string, IReadOnlySet<string>> Freeze(Dictionary<string, HashSet<string>> sets)
    {
        var result = new Dictionary<string, IReadOnlySet<string>>(sets.Count, StringComparer.Ordinal);
        foreach (var (key, set) in sets)
        {
            result[key] = set;
        }
        return result;
    }
}
