namespace Arbiter.Testing;

/// <summary>The result of one check assertion: does <see cref="User"/> have the relation to <see cref="Object"/>?</summary>
public sealed record CheckAssertionResult : StoreAssertionResult
{
    /// <summary>The subject.</summary>
    public required SubjectRef User { get; init; }

    /// <summary>The object.</summary>
    public required ObjectRef Object { get; init; }

    /// <summary>The expected answer.</summary>
    public required bool Expected { get; init; }

    /// <summary>The answer that came back; <see langword="null"/> when evaluation failed with <see cref="StoreAssertionResult.Error"/>.</summary>
    public bool? Actual { get; init; }

    /// <summary>The request context the check ran with, if any.</summary>
    public IReadOnlyDictionary<string, object?>? Context { get; init; }
}
