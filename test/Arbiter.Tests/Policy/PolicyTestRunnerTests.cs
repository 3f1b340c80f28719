using Arbiter.Model;
using Arbiter.Policy;

namespace Arbiter.Tests.Policy;

public class PolicyTestRunnerTests
{
    private const string Yaml = """
        resources:
          doc: {actions: [read, write]}
        roles:
          reader: {grants: {doc: [read]}}
        tenants: [acme]
        users:
          anne: {tenants: {acme: reader}}
        tests:
          - {user: anne, action: read, resource: doc:1, tenant: acme, expect: allow}
          - {user: anne, action: write, resource: doc:1, tenant: acme, expect: allow}
          - {user: anne, resource: doc:1, deny: [read, write]}
        """;

    [Fact]
    public void Run_EmbeddedTests_GivesOneResultPerAssertionWithWhereItIs()
    {
        var report = PolicyTestRunner.Run(PolicyDocument.Parse(Yaml, "p.yaml"));

        report.Source.ShouldBe("p.yaml");
        report.Results.Select(r => (r.Expected, r.Actual, r.Passed)).ShouldBe(
        [
            (PolicyOutcome.Allow, PolicyOutcome.Allow, true),
            (PolicyOutcome.Allow, PolicyOutcome.Deny, false),
            (PolicyOutcome.Deny, PolicyOutcome.Deny, true),
            (PolicyOutcome.Deny, PolicyOutcome.Deny, true),
        ]);
        report.PassedCount.ShouldBe(3);
        report.FailedCount.ShouldBe(1);
        report.AllPassed.ShouldBeFalse();
        var failed = report.Results[1];
        failed.Location.ShouldBe("p.yaml:10:26");
        failed.ToString().ShouldBe("FAIL anne write doc:1 in acme: allow (got deny) at p.yaml:10:26");
        report.Results[2].Location.ShouldBe("p.yaml:11:42");
    }

    [Fact]
    public void RunFile_SeparateTestFile_RunsAgainstTheNamedPolicy()
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("arbiter-policy-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "p.yaml"), Yaml);
            var testPath = Path.Combine(dir.FullName, "more.policytest.yaml");
            File.WriteAllText(testPath, "policy: p.yaml\ntests:\n  - {user: bob, resource: doc:1, tenant: acme, deny: [read]}\n");

            var report = PolicyTestRunner.RunFile(testPath);

            report.Results.ShouldHaveSingleItem().Passed.ShouldBeTrue();
            report.Source.ShouldBe(testPath);
            report.Results[0].Location.ShouldBe(testPath + ":3:55");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void RunFile_TestFileMistakes_AreReportedWithLineAndColumn()
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("arbiter-policy-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "p.yaml"), Yaml);
            var testPath = Path.Combine(dir.FullName, "bad.policytest.yaml");
            File.WriteAllText(testPath, "policy: p.yaml\ntests:\n  - {user: bob, resource: doc:1, deny: [fly]}\n  - {user: bob, resource: page:1, allow: [read]}\n");
            var missing = Path.Combine(dir.FullName, "missing.policytest.yaml");
            File.WriteAllText(missing, "policy: nowhere.yaml\ntests: []\n");

            var ex = Should.Throw<ModelValidationException>(() => PolicyTestRunner.RunFile(testPath));
            var ex2 = Should.Throw<ModelValidationException>(() => PolicyTestRunner.RunFile(missing));

            ex.Diagnostics.Select(d => (d.Code, d.Span!.Value.Line, d.Span.Value.Column)).ShouldBe([("unknown-action", 3, 41), ("unknown-resource", 4, 43)]);
            ex2.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe(missing + ":1:9: the policy file 'nowhere.yaml' does not exist");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_NoTests_PassesWithNoResults()
    {
        var report = await PolicyTestRunner.RunAsync(PolicyDocument.Parse("resources:\n  doc: {actions: [read]}\n"));

        report.Results.ShouldBeEmpty();
        report.AllPassed.ShouldBeTrue();
    }
}
