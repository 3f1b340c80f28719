using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Arbiter.Conditions;

/// <summary>
/// An immutable CEL map: keys are int, uint, bool or string; numeric keys match across int, uint and double
/// (<c>{1u: 'a'}[1]</c>). Iteration follows insertion order.
/// </summary>
internal sealed class CelMap : IReadOnlyDictionary<CelValue, CelValue>
{
    public static readonly CelMap Empty = new([], new Dictionary<CelValue, CelValue>(CelKeyComparer.Instance));

    private readonly Dictionary<CelValue, CelValue> _entries;

    private CelMap(CelValue[] keys, Dictionary<CelValue, CelValue> entries)
    {
        KeyArray = keys;
        _entries = entries;
    }

    /// <summary>The keys in insertion order.</summary>
    public CelValue[] KeyArray { get; }

    public int Count => KeyArray.Length;

    public CelValue this[CelValue key] => _entries[key];

    public IEnumerable<CelValue> Keys => KeyArray;

    public IEnumerable<CelValue> Values => KeyArray.Select(k => _entries[k]);

    public static bool IsValidKey(CelValue key) =>
        key.Kind is CelValueKind.Int or CelValueKind.Uint or CelValueKind.Bool or CelValueKind.String;

    /// <summary>Builds a map; gives an error value for an unsupported key type or a repeated key.</summary>
    public static CelValue Create(ReadOnlySpan<CelValue> keys, ReadOnlySpan<CelValue> values)
    {
        var entries = new Dictionary<CelValue, CelValue>(keys.Length, CelKeyComparer.Instance);
        for (var i = 0; i < keys.Length; i++)
        {
            if (!IsValidKey(keys[i]))
            {
                return CelValue.Error($"unsupported key type '{CelTypes.NameOf(keys[i])}'");
            }
            if (!entries.TryAdd(keys[i], values[i]))
            {
                return CelValue.Error("Failed with repeated key");
            }
        }
        return CelValue.Map(new CelMap(keys.ToArray(), entries));
    }

    public bool ContainsKey(CelValue key) => _entries.ContainsKey(key);

    public bool TryGetValue(CelValue key, [MaybeNullWhen(false)] out CelValue value) => _entries.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<CelValue, CelValue>> GetEnumerator()
    {
        foreach (var key in KeyArray)
        {
            yield return new KeyValuePair<CelValue, CelValue>(key, _entries[key]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
