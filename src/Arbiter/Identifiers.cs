using System.Diagnostics.CodeAnalysis;

namespace Arbiter;

/// <summary>The rules for type names, relation names and object ids (those of OpenFGA).</summary>
internal static class Identifiers
{
    public const int MaxTypeNameLength = 254;
    public const int MaxRelationNameLength = 50;
    public const int MaxObjectIdLength = 256;

    public static bool IsValidTypeName(string name, [NotNullWhen(false)] out string? error)
    {
        if (name.Length == 0) { error = "the type is empty"; return false; }
        if (name.Length > MaxTypeNameLength) { error = $"the type is longer than {MaxTypeNameLength} characters"; return false; }
        foreach (var c in name)
        {
            if (c is ':' or '#' or '@' || char.IsWhiteSpace(c))
            {
                error = $"the type '{name}' contains '{Printable(c)}'";
                return false;
            }
        }
        error = null;
        return true;
    }

    public static bool IsValidRelationName(string name, [NotNullWhen(false)] out string? error)
    {
        if (name.Length == 0) { error = "the relation is empty"; return false; }
        if (name.Length > MaxRelationNameLength) { error = $"the relation is longer than {MaxRelationNameLength} characters"; return false; }
        foreach (var c in name)
        {
            if (c is ':' or '#' or '@' or '*' || char.IsWhiteSpace(c))
            {
                error = $"the relation '{name}' contains '{Printable(c)}'";
                return false;
            }
        }
        error = null;
        return true;
    }

    public static bool IsValidObjectId(string id, [NotNullWhen(false)] out string? error)
    {
        if (id.Length == 0) { error = "the id is empty"; return false; }
        if (id.Length > MaxObjectIdLength) { error = $"the id is longer than {MaxObjectIdLength} characters"; return false; }
        foreach (var c in id)
        {
            if (c is ':' or '#' || char.IsWhiteSpace(c))
            {
                error = $"the id '{id}' contains '{Printable(c)}'";
                return false;
            }
        }
        error = null;
        return true;
    }

    private static string Printable(char c) => char.IsWhiteSpace(c) ? "whitespace" : c.ToString();
}
