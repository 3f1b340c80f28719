using Arbiter.Model;

namespace Arbiter.Policy;

/// <summary>A resource type of a compiled policy: what can be done on it and which roles count on it.</summary>
/// <param name="Name">The resource type (<c>document</c>).</param>
/// <param name="Actions">Its actions, in policy order.</param>
/// <param name="Roles">The roles that are relations of this type (they grant something on it, directly, by inclusion or by derivation), in policy order.</param>
/// <param name="Relations">Its relations to other resource types (<c>parent</c> → <c>folder</c>), in policy order.</param>
public sealed record PolicyResource(
    string Name,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Roles,
    IReadOnlyDictionary<string, string> Relations)
{
    /// <summary>Its declared attributes (<c>attributes:</c>), in policy order.</summary>
    public IReadOnlyList<AttributeDefinition> Attributes { get; init; } = [];
}
