namespace Arbiter.Policy.Compilation;

/// <summary>The actions a role grants on one resource type; <c>*</c> stands for every action of the type.</summary>
internal sealed record GrantSyntax(Named Resource, IReadOnlyList<Named> Actions);
