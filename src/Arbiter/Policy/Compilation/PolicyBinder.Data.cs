using Arbiter.Policy.Yaml;

namespace Arbiter.Policy.Compilation;

internal sealed partial class PolicyBinder
{
    private List<string> BindTenants()
    {
        var tenants = new List<string> { PolicyDocument.DefaultTenant };
        foreach (var tenant in _syntax.Tenants)
        {
            if (!Identifiers.IsValidObjectId(tenant.Name, out var error))
            {
                Error(YamlCodes.InvalidName, $"invalid tenant: {error}", tenant);
            }
            else if (tenants.Contains(tenant.Name, StringComparer.Ordinal))
            {
                if (tenant.Name != PolicyDocument.DefaultTenant)
                {
                    Error(YamlCodes.DuplicateKey, $"tenant '{tenant}' is listed twice", tenant);
                }
            }
            else
            {
                tenants.Add(tenant.Name);
            }
        }
        return tenants;
    }

    /// <summary>
    /// Checks <c>instances:</c> and <c>users:</c> and returns the relationships they imply (no duplicates) and the
    /// attribute values they give. With <paramref name="tenantMembers"/>, a user listed in a tenant with no roles is
    /// written as a <see cref="PolicyDocument.TenantMemberRelation"/> of it.
    /// </summary>
    private (List<RelationshipTuple> Tuples, List<EntityAttributes> Attributes) BindData(List<string> tenants, bool tenantMembers)
    {
        var attributes = new List<EntityAttributes>();
        var tuples = new List<RelationshipTuple>();
        var seen = new HashSet<RelationshipTuple>();
        void Add(RelationshipTuple tuple)
        {
            if (seen.Add(tuple))
            {
                tuples.Add(tuple);
            }
        }

        var instanceTenants = new Dictionary<ObjectRef, string>();
        foreach (var instance in _syntax.Instances)
        {
            if (ParseObject(instance.Object, "instance") is not { } obj)
            {
                continue;
            }
            var tenant = instance.Tenant is null ? PolicyDocument.DefaultTenant
                : RequireTenant(instance.Tenant, tenants, $"instance '{obj}'") ? instance.Tenant.Name : null;
            if (tenant is not null)
            {
                instanceTenants[obj] = tenant;
                Add(new RelationshipTuple(obj, PolicyDocument.TenantRelation, new SubjectRef(PolicyDocument.TenantType, tenant)));
            }
            if (instance.Attributes is { } values && ReadValues(values, obj.Type, $"instance '{obj}'") is { Count: > 0 } read)
            {
                attributes.Add(new EntityAttributes(obj, read));
            }
        }
        foreach (var instance in _syntax.Instances)
        {
            if (ObjectRef.TryParse(instance.Object.Name, out var obj, out _) && _resources.TryGetValue(obj.Type, out var resource))
            {
                foreach (var relation in instance.Relations)
                {
                    BindInstanceRelation(obj, resource, relation, instanceTenants, Add);
                }
            }
        }
        foreach (var user in _syntax.Users)
        {
            BindUser(user, tenants, tenantMembers, Add);
            if (user.Attributes is { } values && Identifiers.IsValidObjectId(user.Name.Name, out _)
                && ReadValues(values, PolicyDocument.UserType, $"user '{user.Name}'") is { Count: > 0 } read)
            {
                attributes.Add(new EntityAttributes(new ObjectRef(PolicyDocument.UserType, user.Name.Name), read));
            }
        }
        return (tuples, attributes);
    }

    private void BindInstanceRelation(
        ObjectRef obj, ResourceSyntax resource, InstanceRelationSyntax relation, Dictionary<ObjectRef, string> instanceTenants, Action<RelationshipTuple> add)
    {
        var definition = resource.Relations.FirstOrDefault(r => r.Name.Name == relation.Relation.Name);
        if (definition is null)
        {
            Error(PolicyCodes.UnknownRelation, $"'{resource.Name}' has no relation '{relation.Relation}'; its relations are tenant{(resource.Relations.Count == 0 ? string.Empty : ", ")}{string.Join(", ", resource.Relations.Select(r => r.Name.Name))}", relation.Relation);
            return;
        }
        foreach (var target in relation.Targets)
        {
            if (ParseObject(target, "related instance") is not { } to)
            {
                continue;
            }
            if (to.Type != definition.Target.Name)
            {
                Error(PolicyCodes.WrongType, $"relation '{relation.Relation}' of '{resource.Name}' must point to a '{definition.Target}' but '{to}' is a '{to.Type}'", target);
                continue;
            }
            if (instanceTenants.TryGetValue(obj, out var fromTenant) && instanceTenants.TryGetValue(to, out var toTenant) && fromTenant != toTenant)
            {
                Error(PolicyCodes.TenantMismatch, $"'{obj}' (tenant '{fromTenant}') cannot be related to '{to}' (tenant '{toTenant}'): related instances must be in one tenant", target);
                continue;
            }
            add(new RelationshipTuple(obj, relation.Relation.Name, new SubjectRef(to.Type, to.Id)));
        }
    }

    private void BindUser(UserSyntax user, List<string> tenants, bool tenantMembers, Action<RelationshipTuple> add)
    {
        if (!Identifiers.IsValidObjectId(user.Name.Name, out var error))
        {
            Error(YamlCodes.InvalidName, $"invalid user: {error}", user.Name);
            return;
        }
        var subject = new SubjectRef(PolicyDocument.UserType, user.Name.Name);
        var what = $"user '{user.Name}'";
        foreach (var role in user.Roles)
        {
            if (RequireRole(role, $"{what} is given unknown role '{role}'"))
            {
                add(new RelationshipTuple(new ObjectRef(PolicyDocument.TenantType, PolicyDocument.DefaultTenant), role.Name, subject));
            }
        }
        foreach (var assignment in user.TenantRoles)
        {
            if (!RequireTenant(assignment.Scope, tenants, what))
            {
                continue;
            }
            if (assignment.Roles.Count == 0 && tenantMembers)
            {
                add(new RelationshipTuple(new ObjectRef(PolicyDocument.TenantType, assignment.Scope.Name), PolicyDocument.TenantMemberRelation, subject));
            }
            foreach (var role in assignment.Roles)
            {
                if (RequireRole(role, $"{what} is given unknown role '{role}' in tenant '{assignment.Scope}'"))
                {
                    add(new RelationshipTuple(new ObjectRef(PolicyDocument.TenantType, assignment.Scope.Name), role.Name, subject));
                }
            }
        }
        foreach (var assignment in user.ResourceRoles)
        {
            if (ParseObject(assignment.Scope, "resource instance") is not { } obj)
            {
                continue;
            }
            foreach (var role in assignment.Roles)
            {
                if (!RequireRole(role, $"{what} is given unknown role '{role}' on '{obj}'"))
                {
                    continue;
                }
                if (!AppliesTo(role.Name, obj.Type))
                {
                    Error(PolicyCodes.RoleNotApplicable, $"role '{role}' grants nothing on '{obj.Type}', so it cannot be given on '{obj}'", role);
                    continue;
                }
                add(new RelationshipTuple(obj, role.Name, subject));
            }
        }
    }

    private List<PolicyTestCase> BindTests()
    {
        var result = new List<PolicyTestCase>();
        var read = new Dictionary<YMapping, Dictionary<string, object?>>(ReferenceEqualityComparer.Instance);
        foreach (var entry in _syntax.Tests)
        {
            var test = entry.Case;
            var at = new Named(test.Resource, test.Span ?? default);
            if (!CheckTestCase(test, at))
            {
                continue;
            }
            var type = ObjectRef.Parse(test.Resource).Type;
            result.Add(test with
            {
                UserAttributes = entry.UserAttributes is { } u ? Once(u, m => ReadValues(m, PolicyDocument.UserType, $"'userAttributes' of the test of {test.User}")) : null,
                ResourceAttributes = entry.ResourceAttributes is { } r ? Once(r, m => ReadValues(m, type, $"'resourceAttributes' of the test of {test.Resource}")) : null,
                Context = entry.Context is { } c ? Once(c, AttributeValues.ReadContext) : null,
            });
        }
        return result;

        // A test entry with allow: and deny: lists gives several cases that share one mapping: read (and report) it once.
        Dictionary<string, object?> Once(YMapping mapping, Func<YMapping, Dictionary<string, object?>> reader)
        {
            if (!read.TryGetValue(mapping, out var values))
            {
                read[mapping] = values = reader(mapping);
            }
            return values;
        }
    }

    /// <summary>Checks a test case's names; its span is the action's, so problems are reported there.</summary>
    private bool CheckTestCase(PolicyTestCase test, Named at)
    {
        if (!Identifiers.IsValidObjectId(test.User, out var error))
        {
            Error(YamlCodes.InvalidName, $"invalid user in test: {error}", at with { Name = test.User });
            return false;
        }
        if (test.Tenant is not null && !Identifiers.IsValidObjectId(test.Tenant, out error))
        {
            Error(YamlCodes.InvalidName, $"invalid tenant in test: {error}", at with { Name = test.Tenant });
            return false;
        }
        if (ParseObject(at, "resource") is not { } obj)
        {
            return false;
        }
        if (!_resources[obj.Type].Actions.Any(a => a.Name == test.Action))
        {
            Error(PolicyCodes.UnknownAction, $"'{obj.Type}' has no action '{test.Action}'; its actions are {List(_resources[obj.Type].Actions)}", at with { Name = test.Action });
            return false;
        }
        return true;
    }

    /// <summary>Parses <c>type:id</c> and checks that the type is a resource type.</summary>
    private ObjectRef? ParseObject(Named text, string kind)
    {
        if (!ObjectRef.TryParse(text.Name, out var obj, out var error))
        {
            Error(YamlCodes.InvalidName, $"a {kind} must be 'type:id': {error}", text);
            return null;
        }
        if (!_resources.ContainsKey(obj.Type))
        {
            Error(PolicyCodes.UnknownResource, $"'{obj}' is of unknown resource type '{obj.Type}'; the resource types are {List(_resources.Keys)}", text);
            return null;
        }
        return obj;
    }

    private bool RequireTenant(Named tenant, List<string> tenants, string what)
    {
        if (tenants.Contains(tenant.Name, StringComparer.Ordinal))
        {
            return true;
        }
        Error(PolicyCodes.UnknownTenant, $"{what} names tenant '{tenant}' that 'tenants:' does not list; the tenants are {List(tenants)}", tenant);
        return false;
    }
}
