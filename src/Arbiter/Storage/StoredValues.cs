using System.Buffers;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Arbiter.Storage;

/// <summary>
/// The JSON form in which stores keep condition contexts and attribute values: an object whose values are JSON values.
/// Integers stay <see cref="long"/>, other numbers <see cref="double"/>; <see cref="DateTimeOffset"/>/<see cref="DateTime"/>
/// become RFC 3339 strings and <see cref="TimeSpan"/> CEL duration strings (<c>"90s"</c>), which the engine converts back
/// to the declared types; byte arrays become base64 strings. Lists read back as <see cref="List{T}"/>, maps as dictionaries.
/// </summary>
public static class StoredValues
{
    /// <summary>Whether every value can be stored; the error names the first that cannot.</summary>
    public static bool CanStore(IReadOnlyDictionary<string, object?> values, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (name, value) in values)
        {
            if (name is null || !CanStore(value, 0))
            {
                error = name is null ? "a value has no name" : $"the value of '{name}' is a {value!.GetType().Name}, which cannot be stored (use finite numbers, strings, booleans, timestamps, durations, lists and string-keyed maps)";
                return false;
            }
        }
        error = null;
        return true;
    }

    /// <summary>The values as a JSON object (keys in ordinal order, so equal values give equal text).</summary>
    /// <exception cref="ArgumentException">A value cannot be stored (see <see cref="CanStore(IReadOnlyDictionary{string, object?}, out string?)"/>).</exception>
    public static string ToJson(IReadOnlyDictionary<string, object?> values)
    {
        if (!CanStore(values, out var error))
        {
            throw new ArgumentException(error, nameof(values));
        }
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteObject(writer, values.Select(static p => KeyValuePair.Create(p.Key, p.Value)));
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the values as a JSON object to <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteObject(writer, values.Select(static p => KeyValuePair.Create(p.Key, p.Value)));
    }

    /// <summary>Reads a JSON object written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The text is not a JSON object.</exception>
    public static IReadOnlyDictionary<string, object?> FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromElement(document.RootElement);
    }

    /// <summary>Reads a JSON object element.</summary>
    /// <exception cref="JsonException">The element is not an object.</exception>
    public static IReadOnlyDictionary<string, object?> FromElement(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"expected a JSON object but found {element.ValueKind}");
        }
        return (IReadOnlyDictionary<string, object?>)ToValue(element)!;
    }

    /// <summary>A JSON value as stored values read back: objects as dictionaries, arrays as lists, integers as <see cref="long"/>.</summary>
    internal static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject()
            .GroupBy(static p => p.Name, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => ToValue(g.Last().Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static bool CanStore(object? value, int depth) => depth <= 64 && value switch
    {
        null or string or bool or byte[] or DateTimeOffset or DateTime or TimeSpan => true,
        float f => float.IsFinite(f),
        double d => double.IsFinite(d),
        sbyte or byte or short or ushort or int or uint or long or ulong or decimal => true,
        IDictionary map => map.Keys.Cast<object?>().All(static k => k is string) && map.Values.Cast<object?>().All(v => CanStore(v, depth + 1)),
        IEnumerable list => list.Cast<object?>().All(v => CanStore(v, depth + 1)),
        _ => false,
    };

    /// <summary>The entries of a non-generic dictionary (its <c>IEnumerable</c> may yield <see cref="KeyValuePair{TKey, TValue}"/>s, not <see cref="DictionaryEntry"/>s).</summary>
    private static List<KeyValuePair<string, object?>> Entries(IDictionary map)
    {
        var entries = new List<KeyValuePair<string, object?>>(map.Count);
        var e = map.GetEnumerator();
        while (e.MoveNext())
        {
            entries.Add(KeyValuePair.Create((string)e.Key, e.Value));
        }
        return entries;
    }

    private static void WriteObject(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> entries)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in entries.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            WriteValue(writer, value);
        }
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case byte[] bytes: writer.WriteStringValue(Convert.ToBase64String(bytes)); break;
            case DateTimeOffset t: writer.WriteStringValue(t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)); break;
            case DateTime t: writer.WriteStringValue(new DateTimeOffset(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)); break;
            case TimeSpan d: writer.WriteStringValue(d.Ticks % TimeSpan.TicksPerSecond == 0 ? $"{d.Ticks / TimeSpan.TicksPerSecond}s" : (d.Ticks / (decimal)TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture) + "s"); break;
            case sbyte or short or int or long: writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case byte or ushort or uint or ulong: writer.WriteNumberValue(Convert.ToUInt64(value, CultureInfo.InvariantCulture)); break;
            case float f: writer.WriteNumberValue(f); break;
            case double d: writer.WriteNumberValue(d); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case IDictionary map:
                WriteObject(writer, Entries(map));
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"a {value.GetType().Name} cannot be stored");
        }
    }
}
