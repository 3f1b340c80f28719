using Arbiter.Model;

namespace Arbiter.Testing;

/// <summary>A <c>list_users:</c> entry: for each relation, the subjects matching <see cref="UserFilter"/> that have it to the object.</summary>
public sealed record StoreListUsers
{
    /// <summary>The object.</summary>
    public required ObjectRef Object { get; init; }

    /// <summary>The subject types (and userset relations) listed.</summary>
    public required IReadOnlyList<StoreUserFilter> UserFilter { get; init; }

    /// <summary>The expected subjects per relation, in file order.</summary>
    public required IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Assertions { get; init; }

    /// <summary>Request context for conditions, if any.</summary>
    public IReadOnlyDictionary<string, object?>? Context { get; init; }

    /// <summary>Attribute values of the object for these listings only (<c>object_attributes:</c>), overriding stored ones.</summary>
    public IReadOnlyDictionary<string, object?>? ObjectAttributes { get; init; }

    /// <summary>
    /// The relations whose listing is expected to fail with an error (an assertion written <c>relation: {error: TEXT}</c>), with
    /// the text the error message must contain. Such a relation is in <see cref="Assertions"/> too, expecting no subjects.
    /// </summary>
    public IReadOnlyDictionary<string, string> ExpectedErrors { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Where the entry is in the file.</summary>
    public SourceSpan? Span { get; init; }
}
