using Arbiter.Model;

namespace Arbiter.Testing;

/// <summary>
/// An entry of a store file's <c>attributes:</c> (an Arbiter extension): the attribute values of one entity, written
/// before the tests run, with where the entry is so that a value the model refuses can be traced back to it.
/// </summary>
public sealed record StoreAttributes
{
    /// <summary>The entity (<c>entity: user:anne</c>).</summary>
    public required ObjectRef Entity { get; init; }

    /// <summary>The values (<c>values: {department: eng}</c>): strings, longs, doubles, booleans, lists and maps.</summary>
    public required IReadOnlyDictionary<string, object?> Values { get; init; }

    /// <summary>The file the entry is in (the store file or an attribute file), when known.</summary>
    public string? Source { get; init; }

    /// <summary>Where the entry is in <see cref="Source"/>.</summary>
    public SourceSpan? Span { get; init; }

    /// <summary>The entry as messages name it: <c>'user:anne' (store.fga.yaml:12:5)</c>.</summary>
    public override string ToString()
    {
        var at = (Source, Span) switch
        {
            ({ } source, { } span) => $" ({source}:{span.Line}:{span.Column})",
            (null, { } span) => $" (line {span.Line}, column {span.Column})",
            ({ } source, null) => $" ({source})",
            _ => string.Empty,
        };
        return $"'{Entity}'{at}";
    }
}
