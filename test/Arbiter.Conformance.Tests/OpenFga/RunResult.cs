namespace Arbiter.Conformance.Tests.OpenFga;

/// <summary>Counts of one or more conformance test runs.</summary>
internal sealed class RunResult
{
    public int Passed { get; set; }

    public List<string> Failures { get; } = [];

    /// <summary>How many failures each cause (e.g. <c>missing objects</c>, <c>threw NotSupportedException</c>) had.</summary>
    public SortedDictionary<string, int> Causes { get; } = new(StringComparer.Ordinal);

    public int SkippedTests { get; set; }

    /// <summary>Assertions not run in the contextual-tuples pass because their stage has more tuples than a request may carry.</summary>
    public int SkippedAssertions { get; set; }

    public int Total => Passed + Failures.Count;

    public void Fail(string failure, string cause)
    {
        Failures.Add(failure);
        Causes[cause] = Causes.GetValueOrDefault(cause) + 1;
    }

    public void Add(RunResult other)
    {
        Passed += other.Passed;
        Failures.AddRange(other.Failures);
        foreach (var (cause, count) in other.Causes)
        {
            Causes[cause] = Causes.GetValueOrDefault(cause) + count;
        }
        SkippedTests += other.SkippedTests;
        SkippedAssertions += other.SkippedAssertions;
    }
}
