namespace Arbiter.Testing;

/// <summary>The result of one check assertion: does <see cref="User"/> have the relation to <see cref="Object"/>?</summary>
public sealed record CheckAssertionResult : StoreAssertionResult
{
    /// <summary>The subject.</summary>
    public required SubjectRef User { get; init; }

    /// <summary>The object.</summary>
    public required ObjectRef Object { get; init; }

    /// <summary>The expected answer (<see langword="false"/> when an error is expected: an error is never an allow).</summary>
    public required bool Expected { get; init; }

    /// <summary>The answer that came back; <see langword="null"/> when evaluation failed with <see cref="StoreAssertionResult.Error"/>.</summary>
    public bool? Actual { get; init; }

    /// <summary>The request context the check ran with, if any.</summary>
    public IReadOnlyDictionary<string, object?>? Context { get; init; }

    /// <summary>The just-in-time subject attributes the check ran with, if any.</summary>
    public IReadOnlyDictionary<string, object?>? SubjectAttributes { get; init; }

    /// <summary>The just-in-time object attributes the check ran with, if any.</summary>
    public IReadOnlyDictionary<string, object?>? ObjectAttributes { get; init; }

    /// <summary>
    /// When the check is expected to fail with an error: the text its message must contain (empty: any error). The assertion
    /// passes when evaluation failed with such an error, and fails when it returned an answer.
    /// </summary>
    public string? ExpectedError { get; init; }
}
