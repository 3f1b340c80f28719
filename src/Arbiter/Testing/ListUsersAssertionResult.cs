namespace Arbiter.Testing;

/// <summary>The result of one <c>list_users</c> assertion: the subjects that have the relation to <see cref="Object"/>.</summary>
public sealed record ListUsersAssertionResult : StoreAssertionResult
{
    /// <summary>The object.</summary>
    public required ObjectRef Object { get; init; }

    /// <summary>The subject types listed.</summary>
    public required IReadOnlyList<StoreUserFilter> UserFilter { get; init; }

    /// <summary>The expected subjects.</summary>
    public required IReadOnlyList<string> Expected { get; init; }

    /// <summary>The subjects that came back, when the assertion ran.</summary>
    public IReadOnlyList<string>? Actual { get; init; }
}
