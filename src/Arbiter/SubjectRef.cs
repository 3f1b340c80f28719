using System.Diagnostics.CodeAnalysis;

namespace Arbiter;

/// <summary>
/// A subject (user) reference: <c>type:id</c> (<c>user:anne</c>), a wildcard <c>type:*</c> (every subject of the type),
/// or a userset <c>type:id#relation</c> (<c>group:eng#member</c>).
/// </summary>
/// <param name="Type">The subject type.</param>
/// <param name="Id">The subject id, or <c>*</c> for a wildcard.</param>
/// <param name="Relation">The userset relation, or <see langword="null"/>.</param>
public readonly record struct SubjectRef(string Type, string Id, string? Relation = null)
{
    /// <summary>The id that stands for every subject of a type.</summary>
    public const string WildcardId = "*";

    /// <summary><see langword="true"/> for <c>type:*</c>.</summary>
    public bool IsWildcard => Id == WildcardId && Relation is null;

    /// <summary><see langword="true"/> for <c>type:id#relation</c>.</summary>
    public bool IsUserset => Relation is not null;

    /// <summary>The subject's object part (<c>type:id</c>).</summary>
    public ObjectRef Object => new(Type, Id);

    /// <summary>Parses <c>type:id</c>, <c>type:*</c> or <c>type:id#relation</c>.</summary>
    /// <exception cref="TupleFormatException">The text is not a valid subject; the message says why.</exception>
    public static SubjectRef Parse(string text)
    {
        if (!TryParse(text, out var result, out var error))
        {
            throw new TupleFormatException(text, error);
        }
        return result;
    }

    /// <summary>Parses a subject, returning <see langword="false"/> with the reason when the text is invalid.</summary>
    public static bool TryParse(string? text, out SubjectRef result, [NotNullWhen(false)] out string? error)
    {
        result = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "a subject must be 'type:id', 'type:*' or 'type:id#relation' but is empty";
            return false;
        }
        string? relation = null;
        var objectPart = text;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            relation = text[(hash + 1)..];
            objectPart = text[..hash];
            if (!Identifiers.IsValidRelationName(relation, out error))
            {
                error = $"invalid subject '{text}': {error}";
                return false;
            }
        }
        var colon = objectPart.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            error = $"a subject must be 'type:id', 'type:*' or 'type:id#relation' but '{text}' has no ':'";
            return false;
        }
        var type = objectPart[..colon];
        var id = objectPart[(colon + 1)..];
        if (!Identifiers.IsValidTypeName(type, out error))
        {
            error = $"invalid subject '{text}': {error}";
            return false;
        }
        if (id != WildcardId && !Identifiers.IsValidObjectId(id, out error))
        {
            error = $"invalid subject '{text}': {error}";
            return false;
        }
        if (id == WildcardId && relation is not null)
        {
            error = $"invalid subject '{text}': a wildcard subject cannot have a relation";
            return false;
        }
        result = new SubjectRef(type, id, relation);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Relation is null ? Type + ":" + Id : Type + ":" + Id + "#" + Relation;
}
