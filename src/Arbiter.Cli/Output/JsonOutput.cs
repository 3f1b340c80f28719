using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Arbiter.Cli.Output;

/// <summary>Writes the <c>--json</c> output of a command: one indented JSON document on standard output.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Task WriteAsync(CliContext context, JsonNode document) =>
        context.Out.WriteLineAsync(document.ToJsonString(Indented));

    /// <summary>Converts a plain value (string, number, boolean, list, map, as read from YAML or JSON) to a JSON node.</summary>
    public static JsonNode? FromValue(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create(i),
        double d => JsonValue.Create(d),
        IReadOnlyDictionary<string, object?> map => Object(map),
        IEnumerable list => new JsonArray(list.Cast<object?>().Select(FromValue).ToArray()),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    public static JsonObject? Object(IReadOnlyDictionary<string, object?>? map)
    {
        if (map is null)
        {
            return null;
        }
        var result = new JsonObject();
        foreach (var (key, value) in map)
        {
            result[key] = FromValue(value);
        }
        return result;
    }

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(static v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
