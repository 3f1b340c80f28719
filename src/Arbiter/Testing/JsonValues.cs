using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Arbiter.Testing;

/// <summary>Converts JSON (request context, condition context) into plain values: strings, longs, doubles, booleans, lists and maps.</summary>
internal static class JsonValues
{
    /// <summary>Parses a JSON object, returning <see langword="false"/> with the reason when the text is not one.</summary>
    public static bool TryParseObject(string json, [NotNullWhen(true)] out IReadOnlyDictionary<string, object?>? values, [NotNullWhen(false)] out string? error)
    {
        values = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "expected a JSON object such as {\"name\": \"value\"}";
                return false;
            }
            values = (IReadOnlyDictionary<string, object?>)ToValue(document.RootElement)!;
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = "invalid JSON: " + ex.Message;
            return false;
        }
    }

    public static object? ToValue(JsonElement element) => Storage.StoredValues.ToValue(element);
}
