using System.Collections.Frozen;
using Arbiter.Model;
using Arbiter.Policy.Yaml;

namespace Arbiter.Directory;

/// <summary>Reads the directory YAML format (see <c>docs/user-directory.md</c>) into a <see cref="UserDirectory"/>.</summary>
internal static class UserDirectoryReader
{
    /// <summary>The diagnostic code for a value of a unique claim held by two users.</summary>
    public const string DuplicateClaimCode = "duplicate-claim";

    private static readonly string[] TopLevelKeys = ["roles", "users", "unique_claims"];
    private static readonly string[] RoleKeys = ["scopes", "description"];

    public static UserDirectory Read(string yaml, string? sourceName)
    {
        var diagnostics = new DiagnosticBag(sourceName);
        var root = YamlTreeReader.Read(yaml, diagnostics);
        var top = YamlShape.AsMapping(root, "the directory", diagnostics);
        var roles = FrozenDictionary<string, FrozenSet<string>>.Empty;
        var users = new List<DirectoryUser>();
        var claimSpans = new List<Dictionary<string, SourceSpan>>();
        var uniqueClaims = FrozenSet<string>.Empty;
        if (top is not null)
        {
            YamlShape.CheckKeys(top, "the directory", diagnostics, TopLevelKeys);
            roles = ReadRoles(top.Get("roles"), diagnostics);
            uniqueClaims = YamlShape.AsStringList(top.Get("unique_claims"), "'unique_claims'", diagnostics)
                .Select(s => s.Value).ToFrozenSet(StringComparer.Ordinal);
            var userMap = YamlShape.AsMapping(top.Get("users"), "'users'", diagnostics);
            foreach (var entry in userMap?.Entries ?? [])
            {
                if (ReadUser(entry.Key, entry.Value, diagnostics) is { } user)
                {
                    users.Add(user.User);
                    claimSpans.Add(user.Spans);
                }
            }
        }
        CheckUniqueClaims(uniqueClaims, users, claimSpans, diagnostics);
        diagnostics.ThrowIfAny();
        return new UserDirectory(roles, users, uniqueClaims);
    }

    private static FrozenDictionary<string, FrozenSet<string>> ReadRoles(YNode? node, DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        foreach (var entry in YamlShape.AsMapping(node, "'roles'", diagnostics)?.Entries ?? [])
        {
            var name = entry.Key;
            if (!IsValidName(name, "role", diagnostics))
            {
                continue;
            }
            var what = $"role '{name.Value}'";
            var definition = YamlShape.AsMapping(entry.Value, what, diagnostics);
            if (definition is not null)
            {
                YamlShape.CheckKeys(definition, what, diagnostics, RoleKeys);
                YamlShape.AsString(definition.Get("description"), $"the description of {what}", diagnostics);
            }
            var scopes = YamlShape.AsStringList(definition?.Get("scopes"), $"the scopes of {what}", diagnostics);
            result[name.Value] = scopes.Select(s => s.Value).ToFrozenSet(StringComparer.Ordinal);
        }
        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static (DirectoryUser User, Dictionary<string, SourceSpan> Spans)? ReadUser(YScalar name, YNode value, DiagnosticBag diagnostics)
    {
        if (!IsValidName(name, "user", diagnostics))
        {
            return null;
        }
        var what = $"user '{name.Value}'";
        var body = YamlShape.AsMapping(value, what, diagnostics);
        var spans = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
        var tenants = new Dictionary<string, TenantMembership>(StringComparer.Ordinal);
        FrozenSet<string> roles = FrozenSet<string>.Empty;
        string? displayedName = null;
        string? email = null;
        foreach (var entry in body?.Entries ?? [])
        {
            switch (entry.Key.Value)
            {
                case "roles":
                    roles = ReadRoleNames(entry.Value, $"the roles of {what}", diagnostics);
                    continue;
                case "tenants":
                    ReadTenants(entry.Value, what, tenants, spans, diagnostics);
                    continue;
                case "displayed_name":
                    displayedName = YamlShape.AsString(entry.Value, $"the displayed_name of {what}", diagnostics)?.Value;
                    break;
                case "email":
                    email = YamlShape.AsString(entry.Value, $"the email of {what}", diagnostics)?.Value;
                    break;
            }
            attributes[entry.Key.Value] = YamlShape.ToValue(entry.Value);
            spans[entry.Key.Value] = entry.Value.Span;
        }
        var user = new DirectoryUser(
            name.Value, roles, displayedName, email, attributes.AsReadOnly(), tenants.ToFrozenDictionary(StringComparer.Ordinal));
        return (user, spans);
    }

    /// <summary>
    /// Reads <c>tenants:</c>, a list of tenant names or a mapping from tenant name to its roles (a string or a list)
    /// or to a mapping with <c>roles</c> and tenant-scoped attributes. Spans of tenant-scoped attributes are kept
    /// under <c>tenant/claim</c> for the uniqueness check.
    /// </summary>
    private static void ReadTenants(
        YNode node, string what, Dictionary<string, TenantMembership> tenants, Dictionary<string, SourceSpan> spans, DiagnosticBag diagnostics)
    {
        var empty = new TenantMembership(FrozenSet<string>.Empty, FrozenDictionary<string, object?>.Empty);
        if (node is YSequence or YScalar { IsNull: false })
        {
            foreach (var tenant in YamlShape.AsStringList(node, $"the tenants of {what}", diagnostics))
            {
                if (!tenants.TryAdd(tenant.Value, empty))
                {
                    diagnostics.Add(YamlCodes.DuplicateKey, $"tenant '{tenant.Value}' is listed twice for {what}", tenant.Span, tenant.Value);
                }
            }
            return;
        }
        foreach (var entry in YamlShape.AsMapping(node, $"the tenants of {what}", diagnostics)?.Entries ?? [])
        {
            if (!IsValidName(entry.Key, "tenant", diagnostics))
            {
                continue;
            }
            var tenantWhat = $"tenant '{entry.Key.Value}' of {what}";
            if (entry.Value is not YMapping body)
            {
                tenants[entry.Key.Value] = empty with { Roles = ReadRoleNames(entry.Value, $"the roles in {tenantWhat}", diagnostics) };
                continue;
            }
            var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
            var roles = FrozenSet<string>.Empty;
            foreach (var item in body.Entries)
            {
                if (string.Equals(item.Key.Value, "roles", StringComparison.Ordinal))
                {
                    roles = ReadRoleNames(item.Value, $"the roles in {tenantWhat}", diagnostics);
                    continue;
                }
                if (item.Key.Value is "tenants" or "displayed_name")
                {
                    diagnostics.Add(YamlCodes.UnknownKey, $"'{item.Key.Value}' cannot be set per tenant in {tenantWhat}", item.Key.Span, item.Key.Value);
                    continue;
                }
                attributes[item.Key.Value] = YamlShape.ToValue(item.Value);
                spans[entry.Key.Value + "/" + item.Key.Value] = item.Value.Span;
            }
            tenants[entry.Key.Value] = new TenantMembership(roles, attributes.AsReadOnly());
        }
    }

    private static FrozenSet<string> ReadRoleNames(YNode node, string what, DiagnosticBag diagnostics) =>
        YamlShape.AsStringList(node, what, diagnostics).Select(s => s.Value).ToFrozenSet(StringComparer.Ordinal);

    private static void CheckUniqueClaims(
        FrozenSet<string> uniqueClaims, List<DirectoryUser> users, List<Dictionary<string, SourceSpan>> spans, DiagnosticBag diagnostics)
    {
        var reported = new HashSet<(string User, string Claim)>();
        foreach (var claim in uniqueClaims)
        {
            // Outside tenants: top-level attributes; in each tenant: the attributes that count there, among its members.
            var scopes = users.SelectMany(u => u.Tenants.Keys).Distinct(StringComparer.Ordinal).Prepend(null);
            foreach (var tenant in scopes)
            {
                var owners = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < users.Count; i++)
                {
                    var user = users[i];
                    if (tenant is not null && !user.Tenants.ContainsKey(tenant))
                    {
                        continue;
                    }
                    var values = user.AttributesIn(tenant).TryGetValue(claim, out var attribute) ? ClaimValues(attribute) : [];
                    foreach (var value in values)
                    {
                        if (owners.TryGetValue(value, out var owner)
                            && !string.Equals(owner, user.Username, StringComparison.Ordinal)
                            && reported.Add((user.Username, claim)))
                        {
                            var span = tenant is not null && spans[i].TryGetValue(tenant + "/" + claim, out var t) ? t : spans[i].GetValueOrDefault(claim);
                            var where = tenant is null ? string.Empty : $" in tenant '{tenant}'";
                            diagnostics.Add(
                                DuplicateClaimCode,
                                $"user '{user.Username}' has the same '{claim}' as user '{owner}'{where}, but 'unique_claims' says it identifies one user",
                                span,
                                claim);
                        }
                        owners.TryAdd(value, user.Username);
                    }
                }
            }
        }
    }

    private static IEnumerable<string> ClaimValues(object? attribute) => attribute switch
    {
        string s => [s],
        IReadOnlyList<object?> list => list.OfType<string>(),
        _ => [],
    };

    private static bool IsValidName(YScalar name, string kind, DiagnosticBag diagnostics)
    {
        if (name.IsNull || string.IsNullOrWhiteSpace(name.Value))
        {
            diagnostics.Add(YamlCodes.InvalidName, $"a {kind} name cannot be empty", name.Span);
            return false;
        }
        return true;
    }
}
