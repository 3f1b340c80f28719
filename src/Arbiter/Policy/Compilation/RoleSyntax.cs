namespace Arbiter.Policy.Compilation;

/// <summary>A role under <c>roles:</c>: the roles it includes and the actions it grants per resource type.</summary>
internal sealed record RoleSyntax(Named Name, IReadOnlyList<Named> Includes, IReadOnlyList<GrantSyntax> Grants);
