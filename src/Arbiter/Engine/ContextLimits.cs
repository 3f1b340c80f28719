using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Arbiter.Engine;

/// <summary>
/// Bounds on a context (a request's, or a tuple's condition context) checked before any condition sees it: the number
/// of entries at any depth, the nesting depth and the string sizes. Walks the values once, iteratively bounded.
/// </summary>
internal readonly record struct ContextLimits(int MaxEntries, int MaxDepth, int MaxStringLength)
{
    /// <summary>Whether <paramref name="context"/> stays within the limits; otherwise says which limit it breaks (never its values).</summary>
    public bool TryValidate(IReadOnlyDictionary<string, object?>? context, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (context is null || context.Count == 0)
        {
            return true;
        }
        var entries = 0;
        if (context is Dictionary<string, object?> dictionary)
        {
            // the common case, enumerated without boxing an enumerator
            foreach (var (key, value) in dictionary)
            {
                if (!Length(key.Length, ref error) || !Visit(value, 1, ref entries, ref error))
                {
                    return false;
                }
            }
            return true;
        }
        foreach (var (key, value) in context)
        {
            if (!Length(key.Length, ref error) || !Visit(value, 1, ref entries, ref error))
            {
                return false;
            }
        }
        return true;
    }

    private bool Visit(object? value, int depth, ref int entries, [NotNullWhen(false)] ref string? error)
    {
        switch (value)
        {
            case string s:
                return Count(ref entries, ref error) && Length(s.Length, ref error);
            case long or null or bool or double or int:
                return Count(ref entries, ref error);
            case sbyte or byte or short or ushort or uint or ulong or float or decimal
                or DateTime or DateTimeOffset or TimeSpan or System.Net.IPAddress:
                return Count(ref entries, ref error);
            case byte[] bytes:
                return Count(ref entries, ref error) && Length(bytes.Length, ref error);
            case JsonElement json:
                try
                {
                    return VisitJson(json, depth, ref entries, ref error);
                }
                catch (InvalidOperationException)
                {
                    // JsonElement refuses to decode a string or name holding a lone surrogate ("\ud800"): valid JSON, invalid text.
                    error = "the context holds a JSON string that is not valid UTF-16 text (a lone surrogate escape)";
                    return false;
                }
            case IEnumerable when depth > MaxDepth:
                error = $"the context nests deeper than {MaxDepth} levels";
                return false;
            case IDictionary map:
                if (!Count(ref entries, ref error))
                {
                    return false;
                }
                foreach (DictionaryEntry entry in map)
                {
                    if ((entry.Key is string k && !Length(k.Length, ref error)) || !Visit(entry.Value, depth + 1, ref entries, ref error))
                    {
                        return false;
                    }
                }
                return true;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                if (!Count(ref entries, ref error))
                {
                    return false;
                }
                foreach (var (k, v) in pairs)
                {
                    if (!Length(k.Length, ref error) || !Visit(v, depth + 1, ref entries, ref error))
                    {
                        return false;
                    }
                }
                return true;
            case IEnumerable items:
                if (!Count(ref entries, ref error))
                {
                    return false;
                }
                foreach (var item in items)
                {
                    if (!Visit(item, depth + 1, ref entries, ref error))
                    {
                        return false;
                    }
                }
                return true;
            default:
                return Count(ref entries, ref error);
        }
    }

    private bool VisitJson(JsonElement json, int depth, ref int entries, [NotNullWhen(false)] ref string? error)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                return Count(ref entries, ref error) && Length(json.GetString()!.Length, ref error);
            case JsonValueKind.Array or JsonValueKind.Object when depth > MaxDepth:
                error = $"the context nests deeper than {MaxDepth} levels";
                return false;
            case JsonValueKind.Array:
                if (!Count(ref entries, ref error))
                {
                    return false;
                }
                foreach (var item in json.EnumerateArray())
                {
                    if (!VisitJson(item, depth + 1, ref entries, ref error))
                    {
                        return false;
                    }
                }
                return true;
            case JsonValueKind.Object:
                if (!Count(ref entries, ref error))
                {
                    return false;
                }
                foreach (var property in json.EnumerateObject())
                {
                    if (!Length(property.Name.Length, ref error) || !VisitJson(property.Value, depth + 1, ref entries, ref error))
                    {
                        return false;
                    }
                }
                return true;
            default:
                return Count(ref entries, ref error);
        }
    }

    private bool Count(ref int entries, [NotNullWhen(false)] ref string? error)
    {
        if (++entries > MaxEntries)
        {
            error = $"the context has more than {MaxEntries} entries";
            return false;
        }
        return true;
    }

    private bool Length(int length, [NotNullWhen(false)] ref string? error)
    {
        if (length > MaxStringLength)
        {
            error = $"the context holds a string of {length} characters, more than the limit of {MaxStringLength}";
            return false;
        }
        return true;
    }
}
