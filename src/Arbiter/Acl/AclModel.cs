using Arbiter.Model;

namespace Arbiter.Acl;

/// <summary>
/// The built-in model the ACL facade stores its state in. Roles, resources and permissions are objects;
/// the structure and the grants are ordinary relationships:
/// <code>
/// model
///   schema 1.1
/// type role
/// type acl
///   relations
///     define role: [role]
///     define resource: [resource]
/// type resource
///   relations
///     define permission: [permission]
/// type permission
///   relations
///     define granted: [role]
/// </code>
/// A permission object's id is the escaped resource name, <c>/</c>, and the escaped permission name.
/// </summary>
internal static class AclModel
{
    public const string RoleType = "role";
    public const string AclType = "acl";
    public const string ResourceType = "resource";
    public const string PermissionType = "permission";
    public const string RoleRelation = "role";
    public const string ResourceRelation = "resource";
    public const string PermissionRelation = "permission";
    public const string GrantedRelation = "granted";

    /// <summary>The one object that holds the lists of roles and resources.</summary>
    public static readonly ObjectRef Root = new(AclType, "main");

    public static AuthorizationModel Create()
    {
        static RelationDefinition Direct(string name, string subjectType) =>
            new(name, new DirectUserset(), [new RelationReference(subjectType)]);

        return new AuthorizationModel
        {
            Types =
            [
                new TypeDefinition(RoleType, []),
                new TypeDefinition(AclType, [Direct(RoleRelation, RoleType), Direct(ResourceRelation, ResourceType)]),
                new TypeDefinition(ResourceType, [Direct(PermissionRelation, PermissionType)]),
                new TypeDefinition(PermissionType, [Direct(GrantedRelation, RoleType)]),
            ],
        };
    }

    public static SubjectRef Role(string role) => new(RoleType, Escape(role, nameof(role)));

    public static ObjectRef Resource(string resource) => new(ResourceType, Escape(resource, nameof(resource)));

    public static ObjectRef Permission(string resource, string permission) =>
        new(PermissionType, Escape(resource, nameof(resource)) + "/" + Escape(permission, nameof(permission)));

    public static string RoleName(SubjectRef role) => Uri.UnescapeDataString(role.Id);

    public static string ResourceName(string resourceId) => Uri.UnescapeDataString(resourceId);

    public static (string Resource, string Permission) PermissionName(string permissionId)
    {
        var slash = permissionId.IndexOf('/', StringComparison.Ordinal);
        return (Uri.UnescapeDataString(permissionId[..slash]), Uri.UnescapeDataString(permissionId[(slash + 1)..]));
    }

    /// <summary>Names may hold any character; they are escaped into ids the engine accepts.</summary>
    private static string Escape(string name, string parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, parameter);
        var id = Uri.EscapeDataString(name);
        if (id.Length > Identifiers.MaxObjectIdLength / 2)
        {
            throw new ArgumentException($"The {parameter} name is too long: at most {Identifiers.MaxObjectIdLength / 2} characters once escaped.", parameter);
        }
        return id;
    }
}
