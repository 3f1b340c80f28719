namespace Arbiter.Testing;

/// <summary>The results of running a store file: one entry per assertion, in file order, and the counts.</summary>
public sealed record StoreTestRunResult
{
    /// <summary>The store name.</summary>
    public required string Name { get; init; }

    /// <summary>The file the store came from, when known.</summary>
    public string? Source { get; init; }

    /// <summary>Every assertion's result, in file order.</summary>
    public required IReadOnlyList<StoreAssertionResult> Results { get; init; }

    /// <summary>How many assertions passed.</summary>
    public int Passed => Results.Count(static r => r.Outcome == AssertionOutcome.Passed);

    /// <summary>How many assertions failed (a wrong answer or an error).</summary>
    public int Failed => Results.Count(static r => r.Outcome == AssertionOutcome.Failed);

    /// <summary>How many assertions were read but not run.</summary>
    public int NotRun => Results.Count(static r => r.Outcome == AssertionOutcome.NotRun);

    /// <summary><see langword="true"/> when no assertion failed.</summary>
    public bool Success => Failed == 0;
}
