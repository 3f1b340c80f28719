using Arbiter.Model;

namespace Arbiter.Testing;

/// <summary>
/// A <c>check:</c> entry: for every user, object and relation, whether the user has the relation to the object.
/// It makes one assertion per user × object × relation.
/// </summary>
public sealed record StoreCheck
{
    /// <summary>The subjects (<c>user:</c> or <c>users:</c>).</summary>
    public required IReadOnlyList<SubjectRef> Users { get; init; }

    /// <summary>The objects (<c>object:</c> or <c>objects:</c>).</summary>
    public required IReadOnlyList<ObjectRef> Objects { get; init; }

    /// <summary>The expected answer per relation, in file order.</summary>
    public required IReadOnlyList<KeyValuePair<string, bool>> Assertions { get; init; }

    /// <summary>Request context for conditions (<c>context:</c>), if any.</summary>
    public IReadOnlyDictionary<string, object?>? Context { get; init; }

    /// <summary>Attribute values of the subject for these checks only (<c>subject_attributes:</c>), overriding stored ones.</summary>
    public IReadOnlyDictionary<string, object?>? SubjectAttributes { get; init; }

    /// <summary>Attribute values of the object for these checks only (<c>object_attributes:</c>), overriding stored ones.</summary>
    public IReadOnlyDictionary<string, object?>? ObjectAttributes { get; init; }

    /// <summary>
    /// The relations whose check is expected to fail with an error (an assertion written <c>relation: {error: TEXT}</c>), with
    /// the text the error message must contain. Such a relation is in <see cref="Assertions"/> too, expecting <see langword="false"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> ExpectedErrors { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Where the entry is in the file.</summary>
    public SourceSpan? Span { get; init; }
}
