using Arbiter.Model;

namespace Arbiter.Policy.Yaml;

/// <summary>A mapping with scalar keys, in source order; keys are unique (the reader reports duplicates).</summary>
internal sealed class YMapping : YNode
{
    public YMapping(IReadOnlyList<KeyValuePair<YScalar, YNode>> entries, SourceSpan span) : base(span) => Entries = entries;

    /// <summary>The entries, in source order.</summary>
    public IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries { get; }

    public override string KindName => "a mapping";

    /// <summary>The value under <paramref name="key"/>, or <see langword="null"/> when there is none.</summary>
    public YNode? Get(string key)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return entry.Value;
            }
        }
        return null;
    }

    /// <summary>The key node named <paramref name="key"/>, or <see langword="null"/>.</summary>
    public YScalar? GetKey(string key)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return entry.Key;
            }
        }
        return null;
    }
}
