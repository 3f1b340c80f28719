namespace Arbiter.Policy.Compilation;

/// <summary>A policy file as read, before names are checked.</summary>
internal sealed record PolicySyntax(
    IReadOnlyList<ResourceSyntax> Resources,
    IReadOnlyList<RoleSyntax> Roles,
    IReadOnlyList<Named> Tenants,
    IReadOnlyList<UserSyntax> Users,
    IReadOnlyList<InstanceSyntax> Instances,
    IReadOnlyList<TestSyntax> Tests)
{
    /// <summary>The attributes of the built-in <c>user</c> type (<c>userAttributes:</c>).</summary>
    public IReadOnlyList<AttributeSyntax> UserAttributes { get; init; } = [];

    /// <summary>The named user sets, in file order.</summary>
    public IReadOnlyList<SetSyntax> UserSets { get; init; } = [];

    /// <summary>The named resource sets, in file order.</summary>
    public IReadOnlyList<SetSyntax> ResourceSets { get; init; } = [];

    /// <summary>The allow and deny rules, in file order.</summary>
    public IReadOnlyList<RuleSyntax> Rules { get; init; } = [];
}
