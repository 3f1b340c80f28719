namespace Arbiter.Testing;

/// <summary>The result of one <c>list_objects</c> assertion: the objects of <see cref="Type"/> that <see cref="User"/> has the relation to.</summary>
public sealed record ListObjectsAssertionResult : StoreAssertionResult
{
    /// <summary>The subject.</summary>
    public required SubjectRef User { get; init; }

    /// <summary>The object type listed.</summary>
    public required string Type { get; init; }

    /// <summary>The expected objects.</summary>
    public required IReadOnlyList<string> Expected { get; init; }

    /// <summary>The objects that came back, when the assertion ran.</summary>
    public IReadOnlyList<string>? Actual { get; init; }
}
