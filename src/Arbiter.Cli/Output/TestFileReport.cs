using Arbiter.Model;

namespace Arbiter.Cli.Output;

/// <summary>What running one test file gave: its assertions, or the problems that kept it from running.</summary>
/// <param name="File">The path given.</param>
/// <param name="Kind">The kind of file: <c>openfga-store</c> or <c>arbiter-policy</c>.</param>
/// <param name="Name">The name inside the file, when it has one.</param>
/// <param name="Assertions">The assertions run (or not run).</param>
/// <param name="Diagnostics">The problems that kept the file from running; empty when it ran.</param>
internal sealed record TestFileReport(
    string File, string Kind, string? Name, IReadOnlyList<AssertionReport> Assertions, IReadOnlyList<ModelDiagnostic> Diagnostics)
{
    public int Passed => Assertions.Count(static a => a.Outcome == Testing.AssertionOutcome.Passed);

    public int Failed => Assertions.Count(static a => a.Outcome == Testing.AssertionOutcome.Failed);

    public int NotRun => Assertions.Count(static a => a.Outcome == Testing.AssertionOutcome.NotRun);

    public bool Loaded => Diagnostics.Count == 0;
}
