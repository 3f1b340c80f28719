using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Arbiter.Model;

namespace Arbiter.Directory;

/// <summary>
/// A directory of users: their roles (top-level and per tenant), the scopes those roles map to, display names,
/// e-mail and arbitrary attributes (claims). Loaded from YAML (see <c>docs/user-directory.md</c>); immutable and
/// safe to share between threads. Unknown users are never an error: they get empty sets.
/// </summary>
public sealed class UserDirectory
{
    private readonly FrozenDictionary<string, FrozenSet<string>> _roleScopes;
    private readonly FrozenDictionary<string, DirectoryUser> _users;
    private readonly IReadOnlyList<string> _userOrder;

    internal UserDirectory(
        FrozenDictionary<string, FrozenSet<string>> roleScopes,
        IReadOnlyList<DirectoryUser> users,
        FrozenSet<string> uniqueClaims)
    {
        _roleScopes = roleScopes;
        _users = users.ToFrozenDictionary(u => u.Username, StringComparer.Ordinal);
        _userOrder = users.Select(u => u.Username).ToArray();
        Roles = roleScopes.ToDictionary(r => r.Key, r => (IReadOnlySet<string>)r.Value, StringComparer.Ordinal).AsReadOnly();
        UniqueClaims = uniqueClaims;
    }

    /// <summary>A directory with no roles and no users.</summary>
    public static UserDirectory Empty { get; } = new(
        FrozenDictionary<string, FrozenSet<string>>.Empty, [], FrozenSet<string>.Empty);

    /// <summary>Every known user name, in file order.</summary>
    public IReadOnlyList<string> Usernames => _userOrder;

    /// <summary>Every defined role with its scopes.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Roles { get; }

    /// <summary>The claims declared unique under <c>unique_claims:</c>; the loader rejects a file where two users share a value of one.</summary>
    public IReadOnlySet<string> UniqueClaims { get; }

    /// <summary>Loads a directory from YAML text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The file name to put in diagnostics, if any.</param>
    /// <exception cref="ModelValidationException">The text has mistakes; every one is listed with line:column.</exception>
    public static UserDirectory FromYaml(string yaml, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return UserDirectoryReader.Read(yaml, sourceName);
    }

    /// <summary>Loads a directory from a YAML file.</summary>
    /// <exception cref="ModelValidationException">The file has mistakes; every one is listed with line:column.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static UserDirectory Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FromYaml(File.ReadAllText(path), path);
    }

    /// <summary><see langword="true"/> when the directory lists <paramref name="username"/> (even with no roles).</summary>
    public bool IsUserKnown(string username)
    {
        ArgumentNullException.ThrowIfNull(username);
        return _users.ContainsKey(username);
    }

    /// <summary>Every tenant the user belongs to; empty for an unknown user.</summary>
    public IReadOnlySet<string> GetUserTenants(string username)
    {
        ArgumentNullException.ThrowIfNull(username);
        return _users.TryGetValue(username, out var user) ? user.Tenants.Keys.ToFrozenSet(StringComparer.Ordinal) : FrozenSet<string>.Empty;
    }

    /// <summary>
    /// The user's roles. Without a tenant: the top-level roles. With a tenant: the top-level roles plus the roles held
    /// in that tenant, when the user belongs to it; nothing when the user does not belong to it. Empty for an unknown user.
    /// </summary>
    public IReadOnlySet<string> GetUserRoles(string username, string? tenant = null)
    {
        ArgumentNullException.ThrowIfNull(username);
        if (!_users.TryGetValue(username, out var user))
        {
            return FrozenSet<string>.Empty;
        }
        if (tenant is null)
        {
            return user.Roles;
        }
        if (!user.Tenants.TryGetValue(tenant, out var membership))
        {
            return FrozenSet<string>.Empty;
        }
        return membership.Roles.Count == 0 ? user.Roles : user.Roles.Union(membership.Roles).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The union of the scopes of the user's roles (see <see cref="GetUserRoles"/>); a role with no definition gives none.</summary>
    public IReadOnlySet<string> GetUserScopes(string username, string? tenant = null)
    {
        var roles = GetUserRoles(username, tenant);
        if (roles.Count == 0)
        {
            return FrozenSet<string>.Empty;
        }
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            if (_roleScopes.TryGetValue(role, out var roleScopes))
            {
                scopes.UnionWith(roleScopes);
            }
        }
        return scopes.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The name to show for a user: <c>jdoe</c>, <c>jdoe &lt;jdoe@example.com&gt;</c>, <c>jdoe "John Doe"</c> or
    /// <c>jdoe "John Doe &lt;jdoe@example.com&gt;"</c>, by what the directory knows; the user name itself for an unknown user.
    /// </summary>
    public string GetDisplayedUserName(string username)
    {
        ArgumentNullException.ThrowIfNull(username);
        if (!_users.TryGetValue(username, out var user))
        {
            return username;
        }
        return (user.DisplayedName, user.Email) switch
        {
            (null, null) => username,
            (null, { } email) => $"{username} <{email}>",
            ({ } name, null) => $"{username} \"{name}\"",
            ({ } name, { } email) => $"{username} \"{name} <{email}>\"",
        };
    }

    /// <summary>Everything known about the user, in <paramref name="tenant"/> when one is named. An unknown user gets empty sets.</summary>
    public UserInfo GetUserInfo(string username, string? tenant = null)
    {
        ArgumentNullException.ThrowIfNull(username);
        var known = _users.TryGetValue(username, out var user);
        var inTenant = user is not null && (tenant is null || user.Tenants.ContainsKey(tenant));
        IReadOnlyDictionary<string, object?> attributes = inTenant ? user!.AttributesIn(tenant) : FrozenDictionary<string, object?>.Empty;
        return new UserInfo(
            username,
            known,
            GetDisplayedUserName(username),
            GetUserRoles(username, tenant),
            GetUserScopes(username, tenant),
            attributes,
            GetUserTenants(username))
        {
            Tenant = tenant,
        };
    }

    /// <summary>
    /// Finds the user whose attribute <paramref name="claim"/> equals <paramref name="value"/> (ordinal; for a list-valued
    /// attribute, one of its items). Without a tenant, the users' top-level attributes are searched; with a tenant, only
    /// the tenant's members are, by the attributes that count there. Several matches give
    /// <see cref="ClaimLookupStatus.Ambiguous"/> and no user.
    /// </summary>
    public ClaimLookupResult FindByClaim(string claim, string value, string? tenant = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(value);
        var matches = new List<string>();
        foreach (var name in _userOrder)
        {
            var user = _users[name];
            if (tenant is not null && !user.Tenants.ContainsKey(tenant))
            {
                continue;
            }
            if (user.AttributesIn(tenant).TryGetValue(claim, out var attribute) && ClaimMatches(attribute, value))
            {
                matches.Add(name);
            }
        }
        return matches.Count switch
        {
            0 => new ClaimLookupResult(ClaimLookupStatus.NotFound, null, []),
            1 => new ClaimLookupResult(ClaimLookupStatus.Found, matches[0], matches),
            _ => new ClaimLookupResult(ClaimLookupStatus.Ambiguous, null, matches),
        };
    }

    /// <summary>Like <see cref="FindByClaim"/>, returning <see langword="true"/> only when exactly one user matched.</summary>
    public bool TryFindByClaim(string claim, string value, [NotNullWhen(true)] out string? username, string? tenant = null)
    {
        username = FindByClaim(claim, value, tenant).Username;
        return username is not null;
    }

    internal static bool ClaimMatches(object? attribute, string value) => attribute switch
    {
        string s => string.Equals(s, value, StringComparison.Ordinal),
        IReadOnlyList<object?> list => list.Any(item => item is string s && string.Equals(s, value, StringComparison.Ordinal)),
        _ => false,
    };
}
