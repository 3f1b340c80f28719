using YamlDotNet.RepresentationModel;

namespace Arbiter.Testing;

/// <summary>Reads attribute entries (<c>{entity: "user:anne", values: {department: eng}}</c>) from YAML nodes.</summary>
internal static class YamlAttributeReader
{
    private static readonly HashSet<string> EntryKeys = new(StringComparer.Ordinal) { "entity", "values" };

    public static List<StoreAttributes> ReadList(YamlReader reader, YamlNode? node, string what)
    {
        var entries = new List<StoreAttributes>();
        var items = reader.Sequence(node, what);
        for (var i = 0; i < items.Count; i++)
        {
            if (Read(reader, items[i], $"entry {i + 1} of {what}") is { } entry)
            {
                entries.Add(entry);
            }
        }
        return entries;
    }

    public static StoreAttributes? Read(YamlReader reader, YamlNode node, string what)
    {
        if (reader.Map(node, what, EntryKeys) is not { } map)
        {
            return null;
        }
        ObjectRef? entity = null;
        if (reader.RequiredString(map, "entity", what) is { } text && map.TryGet("entity", out var entityNode))
        {
            if (!ObjectRef.TryParse(text, out var parsed, out var error))
            {
                reader.Report("invalid-entity", $"invalid 'entity' in {what}: {error}", entityNode);
            }
            else if (string.Equals(parsed.Id, SubjectRef.WildcardId, StringComparison.Ordinal))
            {
                reader.Report("invalid-entity", $"invalid 'entity' in {what}: '{text}' is a wildcard; an entity with attributes is 'type:id'", entityNode);
            }
            else
            {
                entity = parsed;
            }
        }
        IReadOnlyDictionary<string, object?>? values = null;
        if (!map.TryGet("values", out var valuesNode))
        {
            reader.Report("missing-key", $"{what} needs 'values'", map.Node);
        }
        else if (reader.Map(valuesNode, $"'values' of {what}", allowed: null) is not null)
        {
            values = (IReadOnlyDictionary<string, object?>?)YamlReader.ToValue(valuesNode);
        }
        if (entity is null || values is null)
        {
            return null;
        }
        return new StoreAttributes { Entity = entity.Value, Values = values, Source = reader.Source, Span = YamlReader.SpanOf(node) };
    }
}
