using System.Collections;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Arbiter.Conditions;

namespace Arbiter.Engine;

/// <summary>The stored attribute values of entities at one revision; immutable (a write makes the next one).</summary>
internal sealed class AttributeStore
{
    private readonly ImmutableDictionary<int, StoredAttributes> _entities;

    private AttributeStore(ImmutableDictionary<int, StoredAttributes> entities) => _entities = entities;

    /// <summary>No values.</summary>
    public static AttributeStore Empty { get; } = new(ImmutableDictionary<int, StoredAttributes>.Empty);

    /// <summary>The number of entities with values.</summary>
    public int Count => _entities.Count;

    /// <summary>The values of an entity, or <see langword="null"/>.</summary>
    public StoredAttributes? Get(int entity) => entity >= 0 && !_entities.IsEmpty && _entities.TryGetValue(entity, out var values) ? values : null;

    /// <summary>The next store: <paramref name="set"/> replaces those entities' values, <paramref name="cleared"/> removes them.</summary>
    public AttributeStore With(IEnumerable<KeyValuePair<int, StoredAttributes>> set, IEnumerable<int> cleared) =>
        new(_entities.RemoveRange(cleared).SetItems(set));

    /// <summary>Every entity with values (for export and tests).</summary>
    public IEnumerable<KeyValuePair<int, StoredAttributes>> All => _entities;
}

/// <summary>
/// One entity's stored attribute values, as written (a private deep copy), and their CEL values for the model version that
/// last asked (converted once per model version and type).
/// </summary>
internal sealed class StoredAttributes
{
    private Resolution? _resolved;

    public StoredAttributes(FrozenDictionary<string, object?> values) => Values = values;

    /// <summary>The values by attribute name.</summary>
    public FrozenDictionary<string, object?> Values { get; }

    /// <summary>
    /// The values in <paramref name="type"/>'s declaration order: absent ones are <see cref="CelValueKind.None"/>; a value
    /// that no longer converts to its declared type (the model changed) is an error value, so reading it fails the condition.
    /// </summary>
    public CelValue[] For(CompiledType type, CelOptions options)
    {
        var resolved = Volatile.Read(ref _resolved);
        if (resolved is not null && ReferenceEquals(resolved.Type, type))
        {
            return resolved.Values;
        }
        var values = new CelValue[type.AttributeNames.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (Values.TryGetValue(type.AttributeNames[i], out var raw))
            {
                values[i] = CelValue.TryConvert(raw, type.AttributeTypes[i], out var value, out var error, options)
                    ? value
                    : CelValue.Error($"the stored value of attribute '{type.AttributeNames[i]}' does not convert to {type.AttributeTypes[i]}: {error}");
            }
        }
        Volatile.Write(ref _resolved, new Resolution(type, values));
        return values;
    }

    /// <summary>A deep copy of a value given by a caller, so later changes to its lists or dictionaries do not reach the store.</summary>
    public static object? Copy(object? value) => value switch
    {
        null or string or bool or byte[] or IFormattable => value,
        IDictionary<string, object?> map => map.ToDictionary(p => p.Key, p => Copy(p.Value), StringComparer.Ordinal),
        IDictionary map => CopyMap(map),
        IEnumerable list => list.Cast<object?>().Select(Copy).ToArray(),
        _ => value,
    };

    private static Dictionary<object, object?> CopyMap(IDictionary map)
    {
        // IDictionary's IEnumerable may yield KeyValuePairs (Dictionary<,> does): read it through its own enumerator
        var copy = new Dictionary<object, object?>(map.Count);
        var e = map.GetEnumerator();
        while (e.MoveNext())
        {
            copy[e.Key] = Copy(e.Value);
        }
        return copy;
    }

    private sealed record Resolution(CompiledType Type, CelValue[] Values);
}
