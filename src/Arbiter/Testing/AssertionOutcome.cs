namespace Arbiter.Testing;

/// <summary>What came of one assertion of a test file.</summary>
public enum AssertionOutcome
{
    /// <summary>The answer was the expected one.</summary>
    Passed,

    /// <summary>The answer differed from the expected one, or evaluation failed with an error.</summary>
    Failed,

    /// <summary>The assertion was read but not run (a kind of assertion this version cannot run yet).</summary>
    NotRun,
}
