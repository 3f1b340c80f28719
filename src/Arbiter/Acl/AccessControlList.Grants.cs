using static Arbiter.Acl.AclModel;

namespace Arbiter.Acl;

public sealed partial class AccessControlList
{
    /// <summary>Grants a permission on a resource to a role, adding the role, the resource and the permission when missing.</summary>
    public void Grant(string role, string resource, string permission)
    {
        using var batch = new Batch(this);
        batch.Grant(role, resource, permission);
        batch.Commit();
    }

    /// <summary>Grants many permissions at once: role → resource → permissions (the shape <see cref="Show"/> returns).</summary>
    public void Grants<TPermissions>(IReadOnlyDictionary<string, IReadOnlyDictionary<string, TPermissions>> grants)
        where TPermissions : IEnumerable<string>
    {
        ArgumentNullException.ThrowIfNull(grants);
        using var batch = new Batch(this);
        foreach (var (role, resources) in grants)
        {
            batch.EnsureRole(role);
            foreach (var (resource, permissions) in resources ?? throw new ArgumentException($"The grants of role '{role}' are null.", nameof(grants)))
            {
                foreach (var permission in permissions ?? throw new ArgumentException($"The permissions of role '{role}' on '{resource}' are null.", nameof(grants)))
                {
                    batch.Grant(role, resource, permission);
                }
            }
        }
        batch.Commit();
    }

    /// <summary>Grants many permissions at once: role → resource → permissions, e.g. a <c>Dictionary&lt;string, Dictionary&lt;string, string[]&gt;&gt;</c>.</summary>
    public void Grants<TPermissions>(IReadOnlyDictionary<string, Dictionary<string, TPermissions>> grants)
        where TPermissions : IEnumerable<string>
    {
        ArgumentNullException.ThrowIfNull(grants);
        var view = new Dictionary<string, IReadOnlyDictionary<string, TPermissions>>(StringComparer.Ordinal);
        foreach (var (role, resources) in grants)
        {
            view[role] = resources;
        }
        Grants(view);
    }

    /// <summary>Revokes one grant; revoking a grant that does not exist does nothing.</summary>
    public void Revoke(string role, string resource, string permission)
    {
        using var batch = new Batch(this);
        batch.Delete(new RelationshipTuple(Permission(resource, permission), GrantedRelation, Role(role)));
        batch.Commit();
    }

    /// <summary>Revokes every grant of a role, or only those on one resource. The role stays.</summary>
    public void RevokeAll(string role, string? resource = null)
    {
        var subject = Role(role);
        var prefix = resource is null ? null : Resource(resource).Id + "/";
        using var batch = new Batch(this);
        foreach (var grant in _engine.Read(relation: GrantedRelation, subject: subject))
        {
            if (prefix is null || grant.Object.Id.StartsWith(prefix, StringComparison.Ordinal))
            {
                batch.Delete(grant);
            }
        }
        batch.Commit();
    }
}
