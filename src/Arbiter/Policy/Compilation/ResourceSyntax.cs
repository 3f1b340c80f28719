namespace Arbiter.Policy.Compilation;

/// <summary>A resource type under <c>resources:</c>: its actions, its relations to other resources and its attributes.</summary>
internal sealed record ResourceSyntax(Named Name, IReadOnlyList<Named> Actions, IReadOnlyList<RelationSyntax> Relations, IReadOnlyList<AttributeSyntax> Attributes);
