using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Arbiter.Engine;
using Arbiter.Parsing;

namespace Arbiter.Storage;

/// <summary>Reads the entries of a snapshot (tuples, attribute entries, the model) from their JSON, naming what is wrong.</summary>
internal static class SnapshotEntries
{
    /// <summary>Reads a tuple entry: <c>{"object","relation","user","condition":{"name","context"}}</c>.</summary>
    public static bool TryReadTuple(JsonElement e, [NotNullWhen(true)] out RelationshipTuple? tuple, [NotNullWhen(false)] out string? problem)
    {
        tuple = null;
        if (e.ValueKind != JsonValueKind.Object)
        {
            problem = $"it is a {Kind(e)}, not an object";
            return false;
        }
        string? obj = null, relation = null, user = null;
        TupleCondition? condition = null;
        foreach (var member in e.EnumerateObject())
        {
            switch (member.Name)
            {
                case "object" when member.Value.ValueKind == JsonValueKind.String: obj = member.Value.GetString(); break;
                case "relation" when member.Value.ValueKind == JsonValueKind.String: relation = member.Value.GetString(); break;
                case "user" when member.Value.ValueKind == JsonValueKind.String: user = member.Value.GetString(); break;
                case "condition":
                    if (!TryReadCondition(member.Value, out condition, out problem))
                    {
                        return false;
                    }
                    break;
                case "object" or "relation" or "user":
                    problem = $"its \"{member.Name}\" is a {Kind(member.Value)}, not a string";
                    return false;
                default:
                    problem = $"it has an unknown member \"{member.Name}\"";
                    return false;
            }
        }
        if (obj is null || relation is null || user is null)
        {
            problem = $"it has no \"{(obj is null ? "object" : relation is null ? "relation" : "user")}\"";
            return false;
        }
        if (!ObjectRef.TryParse(obj, out var objectRef, out problem)
            || !Identifiers.IsValidRelationName(relation, out problem)
            || !SubjectRef.TryParse(user, out var subject, out problem))
        {
            return false;
        }
        tuple = new RelationshipTuple(objectRef, relation, subject, condition);
        if (!TupleValidator.IsWellFormed(tuple, out problem))
        {
            tuple = null;
            return false;
        }
        return true;
    }

    /// <summary>Reads an attribute entry: <c>{"entity":"type:id","values":{…}}</c>.</summary>
    public static bool TryReadAttributes(JsonElement e, [NotNullWhen(true)] out EntityAttributes? entry, [NotNullWhen(false)] out string? problem)
    {
        entry = null;
        if (e.ValueKind != JsonValueKind.Object)
        {
            problem = $"it is a {Kind(e)}, not an object";
            return false;
        }
        ObjectRef? entity = null;
        IReadOnlyDictionary<string, object?>? values = null;
        foreach (var member in e.EnumerateObject())
        {
            switch (member.Name)
            {
                case "entity" when member.Value.ValueKind == JsonValueKind.String:
                    if (!ObjectRef.TryParse(member.Value.GetString(), out var parsed, out problem))
                    {
                        return false;
                    }
                    if (string.Equals(parsed.Id, SubjectRef.WildcardId, StringComparison.Ordinal))
                    {
                        problem = $"the entity '{parsed}' is a wildcard";
                        return false;
                    }
                    entity = parsed;
                    break;
                case "values" when member.Value.ValueKind == JsonValueKind.Object:
                    values = StoredValues.FromElement(member.Value);
                    break;
                case "entity" or "values":
                    problem = $"its \"{member.Name}\" is a {Kind(member.Value)}, not {(member.Name == "entity" ? "a string" : "an object")}";
                    return false;
                default:
                    problem = $"it has an unknown member \"{member.Name}\"";
                    return false;
            }
        }
        if (entity is null || values is null)
        {
            problem = $"it has no \"{(entity is null ? "entity" : "values")}\"";
            return false;
        }
        entry = new EntityAttributes(entity.Value, values);
        problem = null;
        return true;
    }

    /// <summary>Reads the model member: <c>null</c> or <c>{"id","revision","createdAt","definition"}</c>.</summary>
    public static bool TryReadModel(JsonElement e, out StoredModel? model, [NotNullWhen(false)] out string? problem)
    {
        model = null;
        problem = null;
        if (e.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (e.ValueKind != JsonValueKind.Object)
        {
            problem = $"it is a {Kind(e)}, not an object or null";
            return false;
        }
        if (!e.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 } modelId
            || !e.TryGetProperty("revision", out var revision) || !revision.TryGetInt64(out var modelRevision) || modelRevision < 0
            || !e.TryGetProperty("createdAt", out var created) || !TryReadTime(created, out var createdAt)
            || !e.TryGetProperty("definition", out var definition) || definition.ValueKind != JsonValueKind.Object
            || e.EnumerateObject().Count() != 4)
        {
            problem = "it has exactly \"id\" (a string), \"revision\" (an integer of 0 or more), \"createdAt\" (an RFC 3339 time) and \"definition\" (an OpenFGA JSON model)";
            return false;
        }
        var parsed = ModelJson.Parse(definition.GetRawText());
        if (!parsed.Success)
        {
            problem = "its definition is not a valid model: " + string.Join("; ", parsed.Diagnostics.Take(3).Select(static d => d.Message));
            return false;
        }
        model = new StoredModel(modelId, modelRevision, createdAt, parsed.Model! with { Id = modelId });
        return true;
    }

    /// <summary>Reads an RFC 3339 time string.</summary>
    public static bool TryReadTime(JsonElement e, out DateTimeOffset time)
    {
        time = default;
        return e.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(e.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out time);
    }

    /// <summary>How a time is written in a snapshot.</summary>
    public static string FormatTime(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The entity order of attribute entries: type, then id, in code point order.</summary>
    public static int CompareEntities(ObjectRef a, ObjectRef b)
    {
        var c = TupleKey.CompareCodePoints(a.Type, b.Type);
        return c != 0 ? c : TupleKey.CompareCodePoints(a.Id, b.Id);
    }

    /// <summary>The kind of a JSON value for messages.</summary>
    public static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static bool TryReadCondition(JsonElement e, out TupleCondition? condition, [NotNullWhen(false)] out string? problem)
    {
        condition = null;
        if (e.ValueKind != JsonValueKind.Object)
        {
            problem = $"its \"condition\" is a {Kind(e)}, not an object";
            return false;
        }
        string? name = null;
        IReadOnlyDictionary<string, object?>? context = null;
        foreach (var member in e.EnumerateObject())
        {
            switch (member.Name)
            {
                case "name" when member.Value.ValueKind == JsonValueKind.String: name = member.Value.GetString(); break;
                case "context" when member.Value.ValueKind == JsonValueKind.Object: context = StoredValues.FromElement(member.Value); break;
                case "context" when member.Value.ValueKind == JsonValueKind.Null: break;
                default:
                    problem = $"its condition has an unexpected member \"{member.Name}\" ({Kind(member.Value)})";
                    return false;
            }
        }
        if (name is null || !Identifiers.IsValidRelationName(name, out problem))
        {
            problem = name is null ? "its condition has no \"name\"" : $"its condition name '{name}' is not valid";
            return false;
        }
        condition = new TupleCondition(name, context);
        return true;
    }
}
