using System.Diagnostics.CodeAnalysis;
using YamlDotNet.RepresentationModel;

namespace Arbiter.Testing;

/// <summary>A YAML mapping whose keys were checked, with its entries in file order.</summary>
internal sealed class YamlMap(YamlMappingNode node, IReadOnlyList<KeyValuePair<string, YamlNode>> entries)
{
    public YamlMappingNode Node { get; } = node;

    public IReadOnlyList<KeyValuePair<string, YamlNode>> Entries { get; } = entries;

    public bool Has(string key) => TryGet(key, out _);

    public bool TryGet(string key, [NotNullWhen(true)] out YamlNode? value)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                value = entry.Value;
                return true;
            }
        }
        value = null;
        return false;
    }

    public YamlNode? KeyNode(string key) =>
        Node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && string.Equals(s.Value, key, StringComparison.Ordinal));
}
