using Arbiter.Model;

namespace Arbiter.Testing;

/// <summary>A <c>list_objects:</c> entry: for each relation, the objects of <see cref="Type"/> the user has it to.</summary>
public sealed record StoreListObjects
{
    /// <summary>The subject.</summary>
    public required SubjectRef User { get; init; }

    /// <summary>The object type listed.</summary>
    public required string Type { get; init; }

    /// <summary>The expected objects per relation, in file order.</summary>
    public required IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Assertions { get; init; }

    /// <summary>Request context for conditions, if any.</summary>
    public IReadOnlyDictionary<string, object?>? Context { get; init; }

    /// <summary>Attribute values of the subject for these listings only (<c>subject_attributes:</c>), overriding stored ones.</summary>
    public IReadOnlyDictionary<string, object?>? SubjectAttributes { get; init; }

    /// <summary>
    /// The relations whose listing is expected to fail with an error (an assertion written <c>relation: {error: TEXT}</c>), with
    /// the text the error message must contain. Such a relation is in <see cref="Assertions"/> too, expecting no objects.
    /// </summary>
    public IReadOnlyDictionary<string, string> ExpectedErrors { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Where the entry is in the file.</summary>
    public SourceSpan? Span { get; init; }
}
