namespace Arbiter.Policy;

/// <summary>The results of running the assertions of a policy or policy test file, in file order.</summary>
/// <param name="Source">The file the tests came from, when known.</param>
/// <param name="Results">One result per assertion.</param>
public sealed record PolicyTestReport(string? Source, IReadOnlyList<PolicyTestResult> Results)
{
    /// <summary>How many assertions passed.</summary>
    public int PassedCount => Results.Count(r => r.Passed);

    /// <summary>How many assertions failed.</summary>
    public int FailedCount => Results.Count - PassedCount;

    /// <summary><see langword="true"/> when every assertion passed (also when there are none).</summary>
    public bool AllPassed => FailedCount == 0;
}
