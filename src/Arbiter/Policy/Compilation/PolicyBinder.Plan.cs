namespace Arbiter.Policy.Compilation;

internal sealed partial class PolicyBinder
{
    /// <summary>
    /// Works out which roles are relations of each resource type: those that grant an action on it or are derived on
    /// it, and every role that includes one of those (an editor that includes viewer is also an editor here).
    /// Then checks derivations and name clashes and builds the plans.
    /// </summary>
    private List<ResourcePlan> PlanResources()
    {
        foreach (var resource in _resources.Values)
        {
            var roots = new HashSet<string>(StringComparer.Ordinal);
            foreach (var role in _roles.Values)
            {
                if (role.Grants.Any(g => g.Resource.Name == resource.Name.Name))
                {
                    roots.Add(role.Name.Name);
                }
            }
            foreach (var derivation in resource.Relations.SelectMany(r => r.Derivations))
            {
                if (_roles.ContainsKey(derivation.Role.Name))
                {
                    roots.Add(derivation.Role.Name);
                }
            }
            _applies[resource.Name.Name] = Includers(roots);
        }
        var plans = new List<ResourcePlan>();
        foreach (var resource in _resources.Values)
        {
            plans.Add(PlanResource(resource));
        }
        return plans;
    }

    /// <summary>The roles, plus every role that includes one of them directly or indirectly.</summary>
    private HashSet<string> Includers(IEnumerable<string> roles)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(roles);
        while (pending.TryPop(out var role))
        {
            if (result.Add(role))
            {
                foreach (var includer in _directIncluders[role])
                {
                    pending.Push(includer);
                }
            }
        }
        return result;
    }

    private ResourcePlan PlanResource(ResourceSyntax resource)
    {
        var type = resource.Name.Name;
        var derivations = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var relation in resource.Relations)
        {
            foreach (var derivation in relation.Derivations)
            {
                var roleKnown = RequireRole(derivation.Role, $"relation '{relation.Name}' of '{type}' derives unknown role '{derivation.Role}'");
                if (!_resources.ContainsKey(relation.Target.Name))
                {
                    continue;
                }
                if (!_roles.ContainsKey(derivation.FromRole.Name))
                {
                    if (!ReferenceEquals(derivation.FromRole, derivation.Role))
                    {
                        RequireRole(derivation.FromRole, $"relation '{relation.Name}' of '{type}' derives from unknown role '{derivation.FromRole}'");
                    }
                    continue;
                }
                if (!AppliesTo(derivation.FromRole.Name, relation.Target.Name))
                {
                    Error(
                        PolicyCodes.RoleNotApplicable,
                        $"role '{derivation.FromRole}' grants nothing on '{relation.Target}', so '{type}' cannot derive a role from it through '{relation.Name}'",
                        derivation.FromRole);
                    continue;
                }
                if (roleKnown)
                {
                    AddTo(derivations, derivation.Role.Name, (relation.Name.Name, derivation.FromRole.Name));
                }
            }
        }
        var members = new HashSet<string>(resource.Actions.Select(a => a.Name).Concat(resource.Relations.Select(r => r.Name.Name)), StringComparer.Ordinal)
        {
            PolicyDocument.TenantRelation,
        };
        var roles = _syntax.Roles.Select(r => r.Name.Name).Where(r => _roles.ContainsKey(r) && AppliesTo(r, type)).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var role in roles.Where(members.Contains))
        {
            Error(PolicyCodes.NameClash, $"role '{role}' is a relation of '{type}' but '{type}' already has an action or relation named '{role}'", _roles[role].Name);
        }
        var actionRoles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var action in resource.Actions)
        {
            var granting = roles.Where(r => Grants(_roles[r], type, action.Name)).ToArray();

            // A role that includes another granting role adds nothing: `read: viewer`, not `read: viewer or admin`.
            actionRoles[action.Name] = granting.Where(r => !granting.Any(s => s != r && Includers([s]).Contains(r))).ToArray();
        }
        return new ResourcePlan(
            resource,
            roles,
            actionRoles,
            derivations.ToDictionary(p => p.Key, p => (IReadOnlyList<(string, string)>)p.Value, StringComparer.Ordinal))
        {
            Attributes = _resourceAttributes[type],
        };
    }

    private static bool Grants(RoleSyntax role, string resource, string action) =>
        role.Grants.Any(g => g.Resource.Name == resource && g.Actions.Any(a => a.Name == action || a.Name == PolicyDocument.AllActions));

    private static void AddTo<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(value);
    }
}
