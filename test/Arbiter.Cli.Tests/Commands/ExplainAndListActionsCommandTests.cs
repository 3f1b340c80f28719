using System.Text.Json;
using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Commands;

public class ExplainAndListActionsCommandTests
{
    [Fact]
    public async Task Explain_PrintsTheDecisionAndItsTree()
    {
        var run = await CliRun.RunAsync("explain", "user:bob", "can_edit", "document:roadmap", "--store-file", Samples.DocumentsStore);

        run.ExitCode.ShouldBe(0, run.ToString());
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("allowed: user:bob can_edit document:roadmap");
        lines.Length.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Explain_Json_HasTheExplanationTree()
    {
        var run = await CliRun.RunAsync("explain", "user:dave", "can_view", "document:roadmap", "--store-file", Samples.DocumentsStore, "--json");

        run.ExitCode.ShouldBe(1, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("allowed").GetBoolean().ShouldBeFalse();
        json.RootElement.GetProperty("explanation").GetProperty("kind").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task ListActions_PrintsTheRelationsTheUserHas()
    {
        var run = await CliRun.RunAsync("list-actions", "user:charlie", "document:roadmap", "--store-file", Samples.DocumentsStore);

        run.ExitCode.ShouldBe(0, run.ToString());
        var actions = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        actions.ShouldContain("can_view");
        actions.ShouldContain("viewer");
        actions.ShouldNotContain("can_edit");
    }

    [Fact]
    public async Task ListActions_Json_ListsTheActions()
    {
        var run = await CliRun.RunAsync("list-actions", "user:anne", "document:roadmap", "--store-file", Samples.DocumentsStore, "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("actions").EnumerateArray().Select(static a => a.GetString()).ShouldContain("can_share");
    }

    [Fact]
    public async Task ListActions_UnknownType_ExitsTwo()
    {
        var run = await CliRun.RunAsync("list-actions", "user:anne", "folderr:x", "--store-file", Samples.DocumentsStore);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("unknown type 'folderr'");
    }
}
