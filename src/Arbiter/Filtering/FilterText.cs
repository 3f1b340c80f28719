using System.Globalization;

namespace Arbiter.Filtering;

/// <summary>How filter values print in <see cref="Filter"/>'s readable form.</summary>
internal static class FilterText
{
    public static string Literal(object value) => value switch
    {
        string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        bool b => b ? "true" : "false",
        DateTimeOffset t => "timestamp(\"" + t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture) + "\")",
        TimeSpan d => "duration(\"" + d.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "s\")",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
