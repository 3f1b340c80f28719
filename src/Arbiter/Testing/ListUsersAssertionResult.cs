namespace Arbiter.Testing;

/// <summary>The result of one <c>list_users</c> assertion: the subjects that have the relation to <see cref="Object"/>.</summary>
public sealed record ListUsersAssertionResult : StoreAssertionResult
{
    /// <summary>The object.</summary>
    public required ObjectRef Object { get; init; }

    /// <summary>The subject types listed.</summary>
    public required IReadOnlyList<StoreUserFilter> UserFilter { get; init; }

    /// <summary>The expected subjects, in file order (empty when an error is expected); compared with <see cref="Actual"/> in any order.</summary>
    public required IReadOnlyList<string> Expected { get; init; }

    /// <summary>The subjects that came back; <see langword="null"/> when the listing failed with <see cref="StoreAssertionResult.Error"/>.</summary>
    public IReadOnlyList<string>? Actual { get; init; }

    /// <summary>The request context the listing ran with, if any.</summary>
    public IReadOnlyDictionary<string, object?>? Context { get; init; }

    /// <summary>The just-in-time object attributes the listing ran with, if any.</summary>
    public IReadOnlyDictionary<string, object?>? ObjectAttributes { get; init; }

    /// <summary>
    /// When the listing is expected to fail with an error: the text its message must contain (empty: any error). The assertion
    /// passes when the listing failed with such an error, and fails when it returned subjects.
    /// </summary>
    public string? ExpectedError { get; init; }
}
