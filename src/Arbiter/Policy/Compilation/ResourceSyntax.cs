namespace Arbiter.Policy.Compilation;

/// <summary>A resource type under <c>resources:</c>: its actions and its relations to other resources.</summary>
internal sealed record ResourceSyntax(Named Name, IReadOnlyList<Named> Actions, IReadOnlyList<RelationSyntax> Relations);
