using System.Collections;

namespace Arbiter.Conditions;

/// <summary>An immutable CEL list.</summary>
internal sealed class CelList(CelValue[] items) : IReadOnlyList<CelValue>
{
    public static readonly CelList Empty = new([]);

    public CelValue[] Items { get; } = items;

    public int Count => Items.Length;

    public CelValue this[int index] => Items[index];

    public IEnumerator<CelValue> GetEnumerator() => ((IEnumerable<CelValue>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
