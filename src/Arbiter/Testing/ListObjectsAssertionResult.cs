namespace Arbiter.Testing;

/// <summary>The result of one <c>list_objects</c> assertion: the objects of <see cref="Type"/> that <see cref="User"/> has the relation to.</summary>
public sealed record ListObjectsAssertionResult : StoreAssertionResult
{
    /// <summary>The subject.</summary>
    public required SubjectRef User { get; init; }

    /// <summary>The object type listed.</summary>
    public required string Type { get; init; }

    /// <summary>The expected objects, in file order (empty when an error is expected); compared with <see cref="Actual"/> in any order.</summary>
    public required IReadOnlyList<string> Expected { get; init; }

    /// <summary>The objects that came back; <see langword="null"/> when the listing failed with <see cref="StoreAssertionResult.Error"/>.</summary>
    public IReadOnlyList<string>? Actual { get; init; }

    /// <summary>The request context the listing ran with, if any.</summary>
    public IReadOnlyDictionary<string, object?>? Context { get; init; }

    /// <summary>The just-in-time subject attributes the listing ran with, if any.</summary>
    public IReadOnlyDictionary<string, object?>? SubjectAttributes { get; init; }

    /// <summary>
    /// When the listing is expected to fail with an error: the text its message must contain (empty: any error). The assertion
    /// passes when the listing failed with such an error, and fails when it returned objects.
    /// </summary>
    public string? ExpectedError { get; init; }
}
