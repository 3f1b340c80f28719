namespace Arbiter.Conformance.Tests.OpenFga;

/// <summary>Counts of one or more conformance test runs.</summary>
internal sealed class RunResult
{
    public int Passed { get; set; }

    public List<string> Failures { get; } = [];

    public int SkippedTests { get; set; }

    public int ListObjects { get; set; }

    public int ListUsers { get; set; }

    public int Total => Passed + Failures.Count;

    public void Add(RunResult other)
    {
        Passed += other.Passed;
        Failures.AddRange(other.Failures);
        SkippedTests += other.SkippedTests;
        ListObjects += other.ListObjects;
        ListUsers += other.ListUsers;
    }
}
