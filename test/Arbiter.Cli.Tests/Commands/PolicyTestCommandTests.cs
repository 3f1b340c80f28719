using System.Text.Json;
using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Commands;

public class PolicyTestCommandTests
{
    private static string BlogPolicy => RepoPaths.Of("docs/examples/policy/blog.yaml");

    [Fact]
    public async Task Test_PolicyWithItsOwnTests_Passes()
    {
        var run = await CliRun.RunAsync("test", BlogPolicy);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.LastLine.ShouldMatch(@"^[1-9]\d* passed, 0 failed$");
    }

    [Fact]
    public async Task Test_PolicyAndStoreFilesTogether_AddUpTheCounts()
    {
        var policy = await CliRun.RunAsync("test", BlogPolicy, "--json");
        using var json = JsonDocument.Parse(policy.Out);
        var policyPassed = json.RootElement.GetProperty("passed").GetInt32();

        var both = await CliRun.RunAsync("test", BlogPolicy, Samples.DocumentsStore);

        both.ExitCode.ShouldBe(0, both.ToString());
        both.LastLine.ShouldBe($"{policyPassed + Samples.DocumentsAssertions} passed, 0 failed");
        json.RootElement.GetProperty("files")[0].GetProperty("kind").GetString().ShouldBe("arbiter-policy");
    }

    [Fact]
    public async Task Test_PolicyTestFileFailure_PrintsExpectedAndActual()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("blog.policytest.yaml", $"""
            policy: {BlogPolicy}
            tests:
              - {"{"}user: stranger, action: read, resource: post:hello-world, expect: allow{"}"}
              - {"{"}user: stranger, action: read, resource: post:hello-world, expect: deny{"}"}
            """);

        var run = await CliRun.RunAsync("test", path);

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Out.ShouldContain("policy(user=stranger action=read resource=post:hello-world): expected allow, got deny");
        run.LastLine.ShouldBe("1 passed, 1 failed");
    }

    [Fact]
    public async Task Test_MalformedPolicyTestFile_ExitsTwoWithLineAndColumn()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("bad.policytest.yaml", $"policy: {BlogPolicy}\ntests:\n  - {{user: ann, resource: post:x, allow: [fly]}}\n");

        var run = await CliRun.RunAsync("test", path);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldMatch($@"{System.Text.RegularExpressions.Regex.Escape(path)}:3:\d+: ");
    }
}
