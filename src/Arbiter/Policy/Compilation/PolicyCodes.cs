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

    /// <summary>An instance related to an instance of the wrong type.</summary>
    public const string WrongType = "wrong-type";

    /// <summary>Two related instances in different tenants.</summary>
    public const string TenantMismatch = "tenant-mismatch";
}
