using System.Collections.Frozen;
using Arbiter.Model;

namespace Arbiter.Engine;

/// <summary>A compiled type: its relations by name and in model order.</summary>
internal sealed class CompiledType
{
    internal CompiledType(TypeDefinition definition, int typeId)
    {
        Definition = definition;
        Name = definition.Name;
        TypeId = typeId;
    }

    /// <summary>The type as written.</summary>
    public TypeDefinition Definition { get; }

    /// <summary>The type name.</summary>
    public string Name { get; }

    /// <summary>The type symbol (shared with the relationship index).</summary>
    public int TypeId { get; }

    /// <summary>The relations in model order.</summary>
    public CompiledRelation[] Relations { get; internal set; } = [];

    /// <summary>The relations by name.</summary>
    public FrozenDictionary<string, CompiledRelation> RelationsByName { get; internal set; } = FrozenDictionary<string, CompiledRelation>.Empty;

    /// <summary>The relations indexed by relation symbol; <see langword="null"/> where the type lacks one.</summary>
    internal CompiledRelation?[] RelationsById { get; set; } = [];

    /// <summary>The relation with this name symbol, or <see langword="null"/>.</summary>
    public CompiledRelation? RelationById(int relationId) =>
        (uint)relationId < (uint)RelationsById.Length ? RelationsById[relationId] : null;

    /// <inheritdoc />
    public override string ToString() => Name;
}
