using System.Globalization;

namespace Arbiter.Filtering;

/// <summary>Converts a filter's string ids to the id type of an entity: only canonical text converts.</summary>
internal static class FilterIds
{
    public static bool IsIdType(Type type) => type == typeof(string) || type == typeof(int) || type == typeof(long) || type == typeof(Guid);

    /// <summary>The ids that are the canonical text of an <typeparamref name="TId"/> (ordinal order, for stable SQL parameters).</summary>
    public static TId[] Convert<TId>(IReadOnlySet<string> ids, Func<string, (bool Ok, TId Value)> parse)
    {
        var result = new List<TId>(ids.Count);
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            var (ok, value) = parse(id);
            if (ok)
            {
                result.Add(value);
            }
        }
        return [.. result];
    }

    public static (bool, int) ParseInt32(string id) =>
        int.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v.ToString(CultureInfo.InvariantCulture) == id ? (true, v) : (false, 0);

    public static (bool, long) ParseInt64(string id) =>
        long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v.ToString(CultureInfo.InvariantCulture) == id ? (true, v) : (false, 0);

    /// <summary>A <see cref="Guid"/> in the 36-character form (<c>D</c>), all lower or all upper case.</summary>
    public static (bool, Guid) ParseGuid(string id) =>
        Guid.TryParseExact(id, "D", out var v) && (v.ToString("D") == id || v.ToString("D").ToUpperInvariant() == id) ? (true, v) : (false, default);

    /// <summary>Whether a resource's id value is in the filter's ids, with the same conversion as <see cref="Convert{TId}"/>.</summary>
    public static bool Contains(IReadOnlySet<string> ids, object? id) => id switch
    {
        string s => ids.Contains(s),
        int i => ids.Contains(i.ToString(CultureInfo.InvariantCulture)),
        long l => ids.Contains(l.ToString(CultureInfo.InvariantCulture)),
        Guid g => ids.Contains(g.ToString("D")) || ids.Contains(g.ToString("D").ToUpperInvariant()),
        _ => false,
    };
}
