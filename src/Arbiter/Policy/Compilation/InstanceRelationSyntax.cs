namespace Arbiter.Policy.Compilation;

/// <summary>The instances one instance is related to by one relation (<c>parent: folder:plans</c>).</summary>
internal sealed record InstanceRelationSyntax(Named Relation, IReadOnlyList<Named> Targets);
