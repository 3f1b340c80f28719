namespace Arbiter.Policy.Compilation;

/// <summary>The diagnostic codes of the policy format, beside the YAML ones in <see cref="Yaml.YamlCodes"/>.</summary>
internal static class PolicyCodes
{
    /// <summary>A resource type that <c>resources:</c> does not define.</summary>
    public const string UnknownResource = "unknown-resource";

    /// <summary>An action that the resource type does not list.</summary>
    public const string UnknownAction = "unknown-action";

    /// <summary>A role that <c>roles:</c> does not define.</summary>
    public const string UnknownRole = "unknown-role";

    /// <summary>A tenant that <c>tenants:</c> does not list.</summary>
    public const string UnknownTenant = "unknown-tenant";

    /// <summary>A relation that the resource type does not define.</summary>
    public const string UnknownRelation = "unknown-relation";

    /// <summary>Roles that include each other in a circle.</summary>
    public const string InheritanceCycle = "inheritance-cycle";

    /// <summary>A role used on a resource type where it grants nothing.</summary>
    public const string RoleNotApplicable = "role-not-applicable";

    /// <summary>Two things of one resource type with the same name (an action and a role, two actions...).</summary>
    public const string NameClash = "name-clash";

    /// <summary>An instance related to an instance of the wrong type, or a resource set used on a rule of another resource type.</summary>
    public const string WrongType = "wrong-type";

    /// <summary>Two related instances in different tenants.</summary>
    public const string TenantMismatch = "tenant-mismatch";

    /// <summary>A user set that <c>userSets:</c> does not define.</summary>
    public const string UnknownUserSet = "unknown-user-set";

    /// <summary>A user set reading the resource's attributes (<c>object.x</c>), or a resource set reading the user's (<c>subject.x</c>).</summary>
    public const string SetReadsOtherSide = "set-reads-other-side";

    /// <summary>A resource set that <c>resourceSets:</c> does not define.</summary>
    public const string UnknownResourceSet = "unknown-resource-set";

    /// <summary>An attribute value for an attribute the type does not declare.</summary>
    public const string UnknownAttribute = "unknown-attribute";

    /// <summary>An attribute type that is not one of the condition parameter types.</summary>
    public const string UnknownAttributeType = "unknown-attribute-type";

    /// <summary>An attribute value that does not fit the declared type (a word where an <c>int</c> is declared).</summary>
    public const string InvalidValue = "invalid-value";
}
