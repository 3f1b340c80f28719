using Arbiter.Policy.Yaml;

namespace Arbiter.Policy.Compilation;

/// <summary>
/// Checks every name of a <see cref="PolicySyntax"/> (resources, actions, roles, inheritance, derivations, tenants,
/// users, instances, tests), reporting each mistake with line:column, and works out which roles are relations of
/// which resource type. Produces a <see cref="PolicyPlan"/>; the caller must not use it when there are diagnostics.
/// </summary>
internal sealed partial class PolicyBinder
{
    private readonly PolicySyntax _syntax;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, ResourceSyntax> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RoleSyntax> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _directIncluders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _applies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Model.AttributeDefinition>> _resourceAttributes = new(StringComparer.Ordinal);

    private PolicyBinder(PolicySyntax syntax, DiagnosticBag diagnostics)
    {
        _syntax = syntax;
        _diagnostics = diagnostics;
    }

    public static PolicyPlan Bind(PolicySyntax syntax, DiagnosticBag diagnostics)
    {
        var binder = new PolicyBinder(syntax, diagnostics);
        var userAttributes = binder.BindAttributes(PolicyDocument.UserType, syntax.UserAttributes);
        binder.BindResources();
        binder.BindRoles();
        var resources = binder.PlanResources();
        var tenants = binder.BindTenants();
        binder.BindSets();
        var (withRules, conditions, tenantScoped) = binder.BindRules(resources, usesTenants: tenants.Count > 1);
        var (tuples, attributes) = binder.BindData(tenants, tenantScoped);
        var tests = binder.BindTests();
        var includers = binder._directIncluders.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
        return new PolicyPlan(syntax.Roles.Where(r => binder._roles.ContainsKey(r.Name.Name)).ToArray(), includers, withRules, tenants, tuples, tests)
        {
            UserAttributes = userAttributes,
            Conditions = conditions,
            ScopesRulesToTenants = tenantScoped,
            Attributes = attributes,
        };
    }

    private void BindResources()
    {
        foreach (var resource in _syntax.Resources)
        {
            var name = resource.Name;
            if (!Identifiers.IsValidTypeName(name.Name, out var error))
            {
                Error(YamlCodes.InvalidName, $"invalid resource type: {error}", name);
                continue;
            }
            if (name.Name is PolicyDocument.UserType or PolicyDocument.TenantType)
            {
                Error(YamlCodes.InvalidName, $"'{name.Name}' is a built-in type and cannot be a resource; choose another name", name);
                continue;
            }
            _resources[name.Name] = resource;
            _resourceAttributes[name.Name] = BindAttributes(name.Name, resource.Attributes);
        }
        foreach (var resource in _resources.Values)
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal) { [PolicyDocument.TenantRelation] = "built-in relation" };
            foreach (var action in resource.Actions)
            {
                CheckMemberName(action, "action", resource, names);
            }
            foreach (var relation in resource.Relations)
            {
                if (relation.Name.Name == PolicyReader.AttributesKey)
                {
                    Error(YamlCodes.InvalidName, $"'{PolicyReader.AttributesKey}' holds an instance's attribute values and cannot be a relation name", relation.Name);
                    continue;
                }
                CheckMemberName(relation.Name, "relation", resource, names);
                if (!_resources.ContainsKey(relation.Target.Name))
                {
                    Error(PolicyCodes.UnknownResource, $"relation '{relation.Name}' of '{resource.Name}' points to unknown resource type '{relation.Target}'", relation.Target);
                }
            }
        }
    }

    private void CheckMemberName(Named member, string kind, ResourceSyntax resource, Dictionary<string, string> names)
    {
        if (!Identifiers.IsValidRelationName(member.Name, out var error))
        {
            Error(YamlCodes.InvalidName, $"invalid {kind} of '{resource.Name}': {error}", member);
        }
        else if (!names.TryAdd(member.Name, kind))
        {
            Error(PolicyCodes.NameClash, $"'{resource.Name}' already has {Article(names[member.Name])} named '{member.Name}'", member);
        }
    }

    private void BindRoles()
    {
        foreach (var role in _syntax.Roles)
        {
            if (!Identifiers.IsValidRelationName(role.Name.Name, out var error))
            {
                Error(YamlCodes.InvalidName, $"invalid role: {error}", role.Name);
            }
            else if (role.Name.Name is PolicyDocument.TenantRelation or PolicyDocument.TenantMemberRelation)
            {
                Error(YamlCodes.InvalidName, $"'{role.Name.Name}' is a built-in relation and cannot be a role", role.Name);
            }
            else
            {
                _roles[role.Name.Name] = role;
                _directIncluders[role.Name.Name] = [];
            }
        }
        foreach (var role in _roles.Values)
        {
            foreach (var included in role.Includes)
            {
                if (RequireRole(included, $"role '{role.Name}' includes unknown role '{included}'"))
                {
                    _directIncluders[included.Name].Add(role.Name.Name);
                }
            }
            foreach (var grant in role.Grants)
            {
                CheckGrant(role, grant);
            }
        }
        FindCycles();
    }

    private void CheckGrant(RoleSyntax role, GrantSyntax grant)
    {
        if (!_resources.TryGetValue(grant.Resource.Name, out var resource))
        {
            Error(PolicyCodes.UnknownResource, $"role '{role.Name}' grants actions on unknown resource type '{grant.Resource}'", grant.Resource);
            return;
        }
        foreach (var action in grant.Actions)
        {
            if (action.Name != PolicyDocument.AllActions && !resource.Actions.Any(a => a.Name == action.Name))
            {
                Error(PolicyCodes.UnknownAction, $"role '{role.Name}' grants unknown action '{action}' on '{resource.Name}'; its actions are {List(resource.Actions)}", action);
            }
        }
    }

    /// <summary>Reports every circle of <c>includes</c>, once, at the include that closes it.</summary>
    private void FindCycles()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var path = new List<string>();
        foreach (var role in _roles.Keys)
        {
            Visit(role);
        }

        void Visit(string role)
        {
            state[role] = 1;
            path.Add(role);
            foreach (var included in _roles[role].Includes)
            {
                if (!_roles.ContainsKey(included.Name))
                {
                    continue;
                }
                var s = state.GetValueOrDefault(included.Name);
                if (s == 1)
                {
                    var circle = path.Skip(path.IndexOf(included.Name)).Append(included.Name);
                    Error(PolicyCodes.InheritanceCycle, $"roles include each other in a circle: {string.Join(" -> ", circle)}", included);
                }
                else if (s == 0)
                {
                    Visit(included.Name);
                }
            }
            path.RemoveAt(path.Count - 1);
            state[role] = 2;
        }
    }

    private bool RequireRole(Named role, string message)
    {
        if (_roles.ContainsKey(role.Name))
        {
            return true;
        }
        Error(PolicyCodes.UnknownRole, message + $"; the roles are {List(_roles.Keys)}", role);
        return false;
    }

    private bool AppliesTo(string role, string resource) => _applies.TryGetValue(resource, out var roles) && roles.Contains(role);

    private void Error(string code, string message, Named at) => _diagnostics.Add(code, message, at.Span, at.Name);

    private static string Article(string kind) => kind.StartsWith('a') ? "an " + kind : "a " + kind;

    private static string List(IEnumerable<Named> names) => List(names.Select(n => n.Name));

    private static string List(IEnumerable<string> names)
    {
        var all = names.ToArray();
        return all.Length == 0 ? "(none)" : string.Join(", ", all);
    }
}
