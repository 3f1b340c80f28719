using static Arbiter.Acl.AclModel;

namespace Arbiter.Acl;

/// <summary>
/// A plain access-control list: roles, resources with their permissions, and grants of a permission on a resource to a role.
/// Names are ordinal strings of any characters. The state lives as relationships in an <see cref="AuthorizationEngine"/>
/// on a built-in model, so checks run on the same engine as every other Arbiter model.
/// </summary>
/// <remarks>
/// Queries about unknown roles, resources or permissions answer <see langword="false"/> or empty sets, never exceptions.
/// Every change is one atomic write; the class is safe to use from several threads.
/// </remarks>
public sealed partial class AccessControlList
{
    private readonly AuthorizationEngine _engine;
    private readonly Lock _writeLock = new();

    /// <summary>Creates an empty list.</summary>
    public AccessControlList()
    {
        _engine = AuthorizationEngine.Create(AclModel.Create(), new AuthorizationEngineOptions { MaxTuplesPerWrite = int.MaxValue });
    }

    /// <summary>The engine that holds the state (for explanations or direct checks: <c>role:NAME granted permission:RESOURCE/PERMISSION</c>).</summary>
    public IAuthorizer Authorizer => _engine;

    /// <summary>Adds a role; adding a role that exists does nothing.</summary>
    public void AddRole(string role) => AddRoles([role]);

    /// <summary>Adds several roles.</summary>
    public void AddRoles(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        using var batch = new Batch(this);
        foreach (var role in roles)
        {
            batch.EnsureRole(role);
        }
        batch.Commit();
    }

    /// <summary>Adds a resource with no permissions; adding a resource that exists does nothing.</summary>
    public void AddResource(string resource)
    {
        using var batch = new Batch(this);
        batch.EnsureResource(resource);
        batch.Commit();
    }

    /// <summary>Adds a permission to a resource, adding the resource when it is missing.</summary>
    public void AddPermission(string resource, string permission)
    {
        using var batch = new Batch(this);
        batch.EnsurePermission(resource, permission);
        batch.Commit();
    }

    /// <summary>Adds resources and their permissions: <c>{ "blog": ["read", "write"] }</c>.</summary>
    public void Add<TPermissions>(IReadOnlyDictionary<string, TPermissions> structure)
        where TPermissions : IEnumerable<string>
    {
        ArgumentNullException.ThrowIfNull(structure);
        using var batch = new Batch(this);
        foreach (var (resource, permissions) in structure)
        {
            batch.EnsureResource(resource);
            foreach (var permission in permissions ?? throw new ArgumentException($"The permissions of resource '{resource}' are null.", nameof(structure)))
            {
                batch.EnsurePermission(resource, permission);
            }
        }
        batch.Commit();
    }

    /// <summary>Removes a role and every grant it has.</summary>
    public void RemoveRole(string role)
    {
        var subject = Role(role);
        using var batch = new Batch(this);
        batch.Delete(new RelationshipTuple(Root, RoleRelation, subject));
        foreach (var grant in _engine.Read(relation: GrantedRelation, subject: subject))
        {
            batch.Delete(grant);
        }
        batch.Commit();
    }

    /// <summary>Removes a resource, its permissions and every grant on them.</summary>
    public void RemoveResource(string resource)
    {
        var resourceRef = Resource(resource);
        using var batch = new Batch(this);
        batch.Delete(new RelationshipTuple(Root, ResourceRelation, new SubjectRef(resourceRef.Type, resourceRef.Id)));
        foreach (var permission in _engine.Read(resourceRef, PermissionRelation))
        {
            batch.DeletePermission(permission);
        }
        batch.Commit();
    }

    /// <summary>Removes a permission from a resource and every grant of it; the resource stays, possibly with no permissions.</summary>
    public void RemovePermission(string resource, string permission)
    {
        var permissionRef = Permission(resource, permission);
        using var batch = new Batch(this);
        foreach (var tuple in _engine.Read(Resource(resource), PermissionRelation, new SubjectRef(permissionRef.Type, permissionRef.Id)))
        {
            batch.DeletePermission(tuple);
        }
        batch.Commit();
    }

    /// <summary>Removes every role, resource, permission and grant.</summary>
    public void Clear()
    {
        lock (_writeLock)
        {
            var all = _engine.Read();
            if (all.Count > 0)
            {
                _engine.Write([], all);
            }
        }
    }

    /// <summary>Every role.</summary>
    public IReadOnlySet<string> GetRoles() =>
        ToSet(_engine.Read(Root, RoleRelation), static t => RoleName(t.Subject));

    /// <summary>Every resource, including those with no permissions.</summary>
    public IReadOnlySet<string> GetResources() =>
        ToSet(_engine.Read(Root, ResourceRelation), static t => ResourceName(t.Subject.Id));

    /// <summary>The permissions a resource has; empty for an unknown resource.</summary>
    public IReadOnlySet<string> GetPermissions(string resource) =>
        ToSet(_engine.Read(Resource(resource), PermissionRelation), static t => PermissionName(t.Subject.Id).Permission);

    /// <summary>Every resource with its permissions.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Get()
    {
        var result = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var resource in GetResources())
        {
            result[resource] = GetPermissions(resource);
        }
        return result;
    }

    private static HashSet<string> ToSet(IReadOnlyList<RelationshipTuple> tuples, Func<RelationshipTuple, string> name)
    {
        var set = new HashSet<string>(tuples.Count, StringComparer.Ordinal);
        foreach (var tuple in tuples)
        {
            set.Add(name(tuple));
        }
        return set;
    }
}
