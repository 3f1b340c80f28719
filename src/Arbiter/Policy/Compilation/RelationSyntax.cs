namespace Arbiter.Policy.Compilation;

/// <summary>A relation of a resource type to another (<c>parent: folder</c>) and the roles derived through it.</summary>
internal sealed record RelationSyntax(Named Name, Named Target, IReadOnlyList<DerivationSyntax> Derivations);
