using Arbiter.Testing;

namespace Arbiter.Cli.Output;

/// <summary>Writes the human output of <c>arbiter test</c>.</summary>
internal static class TestOutput
{
    public static async Task WriteHumanAsync(CliContext context, IReadOnlyList<TestFileReport> reports, bool verbose)
    {
        var output = context.Out;
        foreach (var report in reports)
        {
            if (!report.Loaded)
            {
                foreach (var diagnostic in report.Diagnostics)
                {
                    await context.Error.WriteLineAsync(DiagnosticText.Format(diagnostic)).ConfigureAwait(false);
                }
                await output.WriteLineAsync($"{report.File}: could not be run ({Plural(report.Diagnostics.Count, "problem")} on standard error)").ConfigureAwait(false);
                continue;
            }
            foreach (var assertion in report.Assertions)
            {
                if (assertion.Outcome == AssertionOutcome.Failed)
                {
                    var got = assertion.Actual is { } actual ? $"got {actual}" : $"got error: {assertion.Error}";
                    await output.WriteLineAsync($"FAIL {report.File} [{assertion.Test}] {assertion.Kind}({assertion.Subject}): expected {assertion.Expected}, {got}").ConfigureAwait(false);
                }
                else if (verbose)
                {
                    var mark = assertion.Outcome == AssertionOutcome.Passed ? "ok  " : "skip";
                    await output.WriteLineAsync($"{mark} {report.File} [{assertion.Test}] {assertion.Kind}({assertion.Subject}): expected {assertion.Expected}").ConfigureAwait(false);
                }
            }
            var name = report.Name is null ? string.Empty : $" ({report.Name})";
            var notRun = report.NotRun == 0 ? string.Empty : $", {report.NotRun} not run";
            await output.WriteLineAsync($"{report.File}{name}: {report.Passed} passed, {report.Failed} failed{notRun}").ConfigureAwait(false);
        }
        var totalNotRun = reports.Sum(static r => r.NotRun);
        if (totalNotRun > 0)
        {
            await output.WriteLineAsync($"{Plural(totalNotRun, "list_objects/list_users assertion")} not run: listing is not supported yet (not counted as passed)").ConfigureAwait(false);
        }
        var unreadable = reports.Count(static r => !r.Loaded);
        if (unreadable > 0)
        {
            await output.WriteLineAsync($"{Plural(unreadable, "file")} could not be run").ConfigureAwait(false);
        }
        await output.WriteLineAsync($"{reports.Sum(static r => r.Passed)} passed, {reports.Sum(static r => r.Failed)} failed").ConfigureAwait(false);
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
