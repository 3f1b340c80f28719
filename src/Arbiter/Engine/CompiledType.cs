using System.Collections.Frozen;
using Arbiter.Conditions;
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
        var names = new List<string>();
        var types = new List<CelType>();
        foreach (var attribute in definition.Attributes ?? [])
        {
            if (attribute?.Name is not null && attribute.Type is not null && !names.Contains(attribute.Name) && TryType(attribute.Type, out var celType))
            {
                names.Add(attribute.Name);
                types.Add(celType);
            }
        }
        AttributeNames = [.. names];
        AttributeTypes = [.. types];
        AttributeIndex = names.Select((n, i) => KeyValuePair.Create(n, i)).ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static bool TryType(ConditionParameterType type, out CelType celType)
    {
        try
        {
            celType = CelType.FromParameterType(type);
            return true;
        }
        catch (ArgumentException)
        {
            celType = CelType.Dyn; // the model validator reports it
            return false;
        }
    }

    /// <summary>The declared attributes' names, in declaration order (attribute values are arrays in this order).</summary>
    public string[] AttributeNames { get; }

    /// <summary>The declared attributes' types, in declaration order.</summary>
    public CelType[] AttributeTypes { get; }

    /// <summary>The position of each attribute in <see cref="AttributeNames"/>.</summary>
    public FrozenDictionary<string, int> AttributeIndex { get; }

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
