using System.Collections.Frozen;
using Arbiter.Model;

namespace Arbiter.Engine;

/// <summary>
/// An immutable, compiled model version: interned type and relation ids, compiled rewrite trees,
/// direct type restrictions per relation and frozen name lookups. Built once per model version.
/// </summary>
internal sealed partial class CompiledModel
{
    private CompiledModel(AuthorizationModel source, string id)
    {
        Source = source;
        Id = id;
    }

    /// <summary>The model as written (with <see cref="AuthorizationModel.Id"/> set).</summary>
    public AuthorizationModel Source { get; }

    /// <summary>The model version id.</summary>
    public string Id { get; }

    /// <summary>The types by name.</summary>
    public FrozenDictionary<string, CompiledType> TypesByName { get; private set; } = FrozenDictionary<string, CompiledType>.Empty;

    /// <summary>The types indexed by type symbol; <see langword="null"/> where the model lacks one.</summary>
    public CompiledType?[] TypesById { get; private set; } = [];

    /// <summary>The conditions by name.</summary>
    public FrozenDictionary<string, ConditionDefinition> ConditionsByName { get; private set; } = FrozenDictionary<string, ConditionDefinition>.Empty;

    /// <summary>The conditions compiled to CEL delegates, once for this model version.</summary>
    public CelConditionEvaluator Conditions { get; private set; } = CelConditionEvaluator.Empty;

    /// <summary>Every relation, indexed by <see cref="CompiledRelation.Index"/>.</summary>
    public CompiledRelation[] Relations { get; private set; } = [];

    /// <summary>The type with this symbol, or <see langword="null"/>.</summary>
    private ReverseGraph? _reverseGraph;

    /// <summary>The model seen backwards, for listing (built on first use).</summary>
    public ReverseGraph ReverseGraph => LazyInitializer.EnsureInitialized(ref _reverseGraph, () => new ReverseGraph(this));

    /// <summary>Whether any type declares attributes (otherwise a check never looks attribute values up).</summary>
    public bool HasAttributes { get; private set; }

    public CompiledType? TypeById(int typeId) => (uint)typeId < (uint)TypesById.Length ? TypesById[typeId] : null;

    /// <summary>The type with this name, or <see langword="null"/>.</summary>
    public CompiledType? FindType(string name) => TypesByName.GetValueOrDefault(name);
}
