using System.Text.Json.Nodes;
using Arbiter.Cli.Output;
using Arbiter.Model;
using Arbiter.Policy;
using Arbiter.Testing;

namespace Arbiter.Cli.Commands;

/// <summary>Runs Arbiter policy test files: a policy's own <c>tests:</c>, or a <c>*.policytest.yaml</c> file naming its policy.</summary>
internal static class PolicyTests
{
    public static async Task<TestFileReport> RunAsync(string path, CancellationToken cancellationToken)
    {
        PolicyTestReport report;
        try
        {
            report = await PolicyTestRunner.RunFileAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (ModelValidationException ex)
        {
            var diagnostics = ex.Diagnostics.Select(d => d.Source is null ? d with { Source = path } : d).ToList();
            return new TestFileReport(path, "arbiter-policy", null, [], diagnostics);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new TestFileReport(path, "arbiter-policy", null, [], [new ModelDiagnostic("file-unreadable", ex.Message) { Source = path }]);
        }
        return new TestFileReport(path, "arbiter-policy", null, report.Results.Select(From).ToList(), []);
    }

    private static AssertionReport From(PolicyTestResult result)
    {
        var test = result.Case;
        var outcome = result.Passed ? AssertionOutcome.Passed : AssertionOutcome.Failed;
        var expected = Text(result.Expected);
        var actual = result.Error is null ? Text(result.Actual) : null;
        var subject = $"user={test.User} action={test.Action} resource={test.Resource}" + (test.Tenant is null ? string.Empty : $" tenant={test.Tenant}");
        var json = new JsonObject
        {
            ["test"] = test.Name,
            ["kind"] = "policy",
            ["outcome"] = StoreTestReports.Outcome(outcome),
            ["user"] = test.User,
            ["action"] = test.Action,
            ["resource"] = test.Resource,
            ["tenant"] = test.Tenant,
            ["expected"] = expected,
            ["actual"] = actual,
            ["error"] = result.Error,
            ["location"] = result.Location,
        };
        return new AssertionReport(test.Name ?? result.Location, "policy", subject, expected, actual, outcome, result.Error, json);
    }

    private static string Text(PolicyOutcome outcome) => outcome == PolicyOutcome.Allow ? "allow" : "deny";
}
