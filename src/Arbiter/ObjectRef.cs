using System.Diagnostics.CodeAnalysis;

namespace Arbiter;

/// <summary>An object (resource) reference: <c>type:id</c>, e.g. <c>document:1</c>.</summary>
/// <param name="Type">The object type.</param>
/// <param name="Id">The object id.</param>
public readonly record struct ObjectRef(string Type, string Id)
{
    /// <summary>Parses <c>type:id</c>.</summary>
    /// <exception cref="TupleFormatException">The text is not a valid object reference; the message says why.</exception>
    public static ObjectRef Parse(string text)
    {
        if (!TryParse(text, out var result, out var error))
        {
            throw new TupleFormatException(text, error);
        }
        return result;
    }

    /// <summary>Parses <c>type:id</c>, returning <see langword="false"/> with the reason when the text is invalid.</summary>
    public static bool TryParse(string? text, out ObjectRef result, [NotNullWhen(false)] out string? error)
    {
        result = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "an object must be 'type:id' but is empty";
            return false;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            error = $"an object must be 'type:id' but '{text}' has no ':'";
            return false;
        }
        var type = text[..colon];
        var id = text[(colon + 1)..];
        if (!Identifiers.IsValidTypeName(type, out error) || !Identifiers.IsValidObjectId(id, out error))
        {
            error = $"invalid object '{text}': {error}";
            return false;
        }
        result = new ObjectRef(type, id);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Type + ":" + Id;
}
