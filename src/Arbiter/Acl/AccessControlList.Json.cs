using System.Text;
using System.Text.Json;

namespace Arbiter.Acl;

public sealed partial class AccessControlList
{
    private const string FormatName = "arbiter-acl";
    private const int FormatVersion = 1;

    /// <summary>
    /// The whole state as JSON: <c>{"format":"arbiter-acl","version":1,"roles":[...],"resources":{"r":["p"]},"grants":{"role":{"r":["p"]}}}</c>,
    /// names sorted ordinally so equal states export to equal text.
    /// </summary>
    public string Export()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", FormatName);
            writer.WriteNumber("version", FormatVersion);
            writer.WriteStartArray("roles");
            foreach (var role in Sorted(GetRoles()))
            {
                writer.WriteStringValue(role);
            }
            writer.WriteEndArray();
            writer.WriteStartObject("resources");
            WriteSets(writer, Get());
            writer.WriteEndObject();
            writer.WriteStartObject("grants");
            var grants = Show();
            foreach (var role in Sorted(grants.Keys))
            {
                writer.WriteStartObject(role);
                WriteSets(writer, grants[role]);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Creates a list from the JSON that <see cref="Export"/> writes.</summary>
    /// <exception cref="ArbiterException">The JSON is malformed or inconsistent; the message says what and where.</exception>
    public static AccessControlList Import(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ArbiterException($"ACL JSON is malformed at {(ex.LineNumber ?? 0) + 1}:{(ex.BytePositionInLine ?? 0) + 1}: {FirstSentence(ex.Message)}", ex);
        }
        using (document)
        {
            var root = Expect(document.RootElement, JsonValueKind.Object, "$");
            if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != FormatName)
            {
                throw Invalid("$.format", $"must be \"{FormatName}\"");
            }
            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != FormatVersion)
            {
                throw Invalid("$.version", $"must be {FormatVersion}");
            }
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("format" or "version" or "roles" or "resources" or "grants"))
                {
                    throw Invalid("$." + property.Name, "is not a known property (expected format, version, roles, resources, grants)");
                }
            }

            var roles = new HashSet<string>(StringComparer.Ordinal);
            if (root.TryGetProperty("roles", out var rolesElement))
            {
                var i = 0;
                foreach (var role in Expect(rolesElement, JsonValueKind.Array, "$.roles").EnumerateArray())
                {
                    roles.Add(Name(role, $"$.roles[{i++}]"));
                }
            }
            var resources = ReadSets(root, "resources", "$.resources");
            var grants = new Dictionary<string, Dictionary<string, HashSet<string>>>(StringComparer.Ordinal);
            if (root.TryGetProperty("grants", out var grantsElement))
            {
                foreach (var role in Expect(grantsElement, JsonValueKind.Object, "$.grants").EnumerateObject())
                {
                    var path = "$.grants." + role.Name;
                    if (!roles.Contains(role.Name))
                    {
                        throw Invalid(path, $"grants to role '{role.Name}', which is not in $.roles");
                    }
                    var sets = ReadSets(grantsElement, role.Name, path);
                    foreach (var (resource, permissions) in sets)
                    {
                        foreach (var permission in permissions)
                        {
                            if (!resources.TryGetValue(resource, out var known) || !known.Contains(permission))
                            {
                                throw Invalid($"{path}.{resource}", $"grants '{permission}' on '{resource}', which is not in $.resources");
                            }
                        }
                    }
                    grants[role.Name] = sets;
                }
            }

            try
            {
                return Build(roles, resources, grants);
            }
            catch (ArgumentException ex)
            {
                throw new ArbiterException(ArbiterErrorCode.ValidationError, "ACL JSON has an invalid name: " + ex.Message);
            }
        }
    }

    private static AccessControlList Build(
        HashSet<string> roles,
        Dictionary<string, HashSet<string>> resources,
        Dictionary<string, Dictionary<string, HashSet<string>>> grants)
    {
        var acl = new AccessControlList();
        using var batch = new Batch(acl);
        foreach (var role in roles)
        {
            batch.EnsureRole(role);
        }
        foreach (var (resource, permissions) in resources)
        {
            batch.EnsureResource(resource);
            foreach (var permission in permissions)
            {
                batch.EnsurePermission(resource, permission);
            }
        }
        foreach (var (role, sets) in grants)
        {
            foreach (var (resource, permissions) in sets)
            {
                foreach (var permission in permissions)
                {
                    batch.Grant(role, resource, permission);
                }
            }
        }
        batch.Commit();
        return acl;
    }

    private static void WriteSets(Utf8JsonWriter writer, IReadOnlyDictionary<string, IReadOnlySet<string>> sets)
    {
        foreach (var key in Sorted(sets.Keys))
        {
            writer.WriteStartArray(key);
            foreach (var value in Sorted(sets[key]))
            {
                writer.WriteStringValue(value);
            }
            writer.WriteEndArray();
        }
    }

    private static Dictionary<string, HashSet<string>> ReadSets(JsonElement parent, string property, string path)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (!parent.TryGetProperty(property, out var element))
        {
            return result;
        }
        foreach (var entry in Expect(element, JsonValueKind.Object, path).EnumerateObject())
        {
            var entryPath = path + "." + entry.Name;
            _ = Name(entry.Name, entryPath);
            var set = new HashSet<string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var item in Expect(entry.Value, JsonValueKind.Array, entryPath).EnumerateArray())
            {
                set.Add(Name(item, $"{entryPath}[{i++}]"));
            }
            result[entry.Name] = set;
        }
        return result;
    }

    private static JsonElement Expect(JsonElement element, JsonValueKind kind, string path) =>
        element.ValueKind == kind ? element : throw Invalid(path, $"must be {(kind == JsonValueKind.Object ? "an object" : "an array")}, not {element.ValueKind.ToString().ToLowerInvariant()}");

    private static string Name(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String ? Name(element.GetString()!, path) : throw Invalid(path, "must be a string");

    private static string Name(string name, string path) =>
        name.Length > 0 ? name : throw Invalid(path, "must not be empty");

    private static ArbiterException Invalid(string path, string problem) => new(ArbiterErrorCode.ValidationError, $"ACL JSON {path} {problem}.");

    private static IEnumerable<string> Sorted(IEnumerable<string> names) => names.Order(StringComparer.Ordinal);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
