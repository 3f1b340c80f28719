using System.Text.Json;
using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Commands;

/// <summary><c>arbiter list-subjects</c> on the documents, conditions and ABAC samples.</summary>
public class ListSubjectsCommandTests
{
    private static Task<CliRun> ListAsync(params string[] args) =>
        CliRun.RunAsync(["list-subjects", .. args, "--store-file", Samples.DocumentsStore]);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Theory]
    [InlineData("document:roadmap", "can_view", "user", "user:anne user:bob user:charlie user:erin")]
    [InlineData("document:roadmap", "viewer", "user", "user:anne user:bob user:charlie user:dave user:erin")]
    [InlineData("document:roadmap", "can_edit", "user", "user:anne user:bob user:erin")]
    [InlineData("document:roadmap", "can_share", "user", "user:anne")]
    [InlineData("document:roadmap", "blocked", "user", "user:dave")]
    [InlineData("document:handbook", "can_view", "user", "user:*")]
    [InlineData("document:handbook", "can_edit", "user", "")]
    [InlineData("folder:engineering", "editor", "group#member", "group:eng#member group:leads#member")]
    [InlineData("group:eng", "member", "user", "user:bob user:dave user:erin")]
    public async Task ListSubjects_PrintsTheSubjectsOnePerLineSorted(string @object, string relation, string filter, string expected)
    {
        var run = await ListAsync(@object, relation, "--filter", filter);

        run.ExitCode.ShouldBe(0, run.ToString());
        Lines(run.Out).ShouldBe(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task ListSubjects_SeveralFilters_ListUsersThenUsersets()
    {
        var repeated = await ListAsync("document:roadmap", "can_edit", "--filter", "group#member", "--filter", "user");
        var commas = await ListAsync("document:roadmap", "can_edit", "-f", "user,group#member");

        repeated.ExitCode.ShouldBe(0, repeated.ToString());
        Lines(repeated.Out).ShouldBe(["user:anne", "user:bob", "user:erin", "group:eng#member", "group:leads#member"]);
        repeated.Error.Trim().ShouldBe("5 subjects");
        commas.Out.ShouldBe(repeated.Out);
    }

    [Fact]
    public async Task ListSubjects_CountGoesToStandardError()
    {
        var none = await ListAsync("document:handbook", "can_edit", "--filter", "user");
        var one = await ListAsync("document:handbook", "can_view", "--filter", "user");

        none.Error.Trim().ShouldBe("0 subjects");
        one.Error.Trim().ShouldBe("1 subject");
    }

    [Fact]
    public async Task ListSubjects_Json_HasTheRequestTheSubjectsAndTheirCompleteness()
    {
        var run = await ListAsync("document:roadmap", "can_share", "--filter", "user", "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Error.ShouldBeEmpty();
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        root.EnumerateObject().Select(static p => p.Name).ShouldBe(
            ["object", "relation", "filters", "subjects", "complete", "stopped", "modelId", "revision", "error"]);
        root.GetProperty("object").GetString().ShouldBe("document:roadmap");
        root.GetProperty("relation").GetString().ShouldBe("can_share");
        root.GetProperty("filters").EnumerateArray().Select(static f => f.GetString()).ShouldBe(["user"]);
        root.GetProperty("subjects").EnumerateArray().Select(static s => s.GetString()).ShouldBe(["user:anne"]);
        root.GetProperty("complete").GetBoolean().ShouldBeTrue();
        root.GetProperty("stopped").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("error").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task ListSubjects_ContextualTuple_CountsForTheRequest()
    {
        var run = await ListAsync("document:roadmap", "can_view", "--filter", "user", "--contextual-tuple", "document:roadmap#blocked@user:bob");

        run.ExitCode.ShouldBe(0, run.ToString());
        Lines(run.Out).ShouldBe(["user:anne", "user:charlie", "user:erin"]);
    }

    [Fact]
    public async Task ListSubjects_WithContext_EvaluatesTupleConditions()
    {
        var officeHours = await CliRun.RunAsync("list-subjects", "document:plan", "viewer", "--filter", "user", "--filter", "team#member",
            "--store-file", Samples.ConditionsStore, "--context", """{"current_time": "2024-05-01T10:30:00Z"}""");
        var night = await CliRun.RunAsync("list-subjects", "document:plan", "viewer", "--filter", "user",
            "--store-file", Samples.ConditionsStore, "--context", """{"current_time": "2024-05-01T22:00:00Z"}""");

        officeHours.ExitCode.ShouldBe(0, officeHours.ToString());
        Lines(officeHours.Out).ShouldBe(["user:anne", "user:bob", "team:ops#member"]);
        night.ExitCode.ShouldBe(0, night.ToString());
        Lines(night.Out).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListSubjects_MissingContextParameter_IsBadInputNamingIt()
    {
        var run = await CliRun.RunAsync("list-subjects", "document:handbook", "viewer", "--filter", "user", "--store-file", Samples.ConditionsStore);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Out.ShouldBeEmpty();
        run.Error.ShouldContain("missing context parameters 'user_ip'");
    }

    [Fact]
    public async Task ListSubjects_ObjectAttributes_OverrideTheStoredOnes()
    {
        var stored = await CliRun.RunAsync("list-subjects", "document:strategy", "can_audit", "--filter", "user", "--store-file", Samples.AbacStore);
        var declassified = await CliRun.RunAsync("list-subjects", "document:strategy", "can_audit", "--filter", "user", "--store-file", Samples.AbacStore,
            "--object-attributes", """{"classification": 3}""");

        stored.ExitCode.ShouldBe(0, stored.ToString());
        Lines(stored.Out).ShouldBeEmpty();
        declassified.ExitCode.ShouldBe(0, declassified.ToString());
        Lines(declassified.Out).ShouldBe(["user:ivan"]);
    }

    [Fact]
    public async Task ListSubjects_HasNoSubjectAttributesOption()
    {
        var run = await ListAsync("document:roadmap", "can_view", "--filter", "user", "--subject-attributes", "{}");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("--subject-attributes");
    }

    [Fact]
    public async Task ListSubjects_NoFilter_ExitsTwoSayingOneIsNeeded()
    {
        var human = await ListAsync("document:roadmap", "can_view");
        var json = await ListAsync("document:roadmap", "can_view", "--json");

        human.ExitCode.ShouldBe(2, human.ToString());
        human.Error.ShouldContain("at least one --filter is needed");
        json.ExitCode.ShouldBe(2, json.ToString());
        using var document = JsonDocument.Parse(json.Out);
        document.RootElement.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("--filter");
    }

    [Theory]
    [InlineData("user:anne")]
    [InlineData("group#")]
    [InlineData("#member")]
    [InlineData("group#member#x")]
    [InlineData("user,")]
    [InlineData("")]
    public async Task ListSubjects_MalformedFilter_ExitsTwoNamingIt(string filter)
    {
        var run = await ListAsync("document:roadmap", "can_view", "--filter", filter);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("invalid --filter '");
        run.Error.ShouldContain("expected a subject type such as 'user' or a userset such as 'group#member'");
    }

    [Theory]
    [InlineData("document:roadmap", "can_view", "robot", "unknown type 'robot': the model's types are user, group, folder, document")]
    [InlineData("document:roadmap", "can_view", "group#owner", "unknown relation 'owner' on type 'group': its relations are member")]
    [InlineData("robot:x", "can_view", "user", "unknown type 'robot'")]
    [InlineData("document:roadmap", "can_read", "user", "unknown relation 'can_read' on type 'document'")]
    [InlineData("roadmap", "can_view", "user", "roadmap")]
    public async Task ListSubjects_BadObjectRelationOrFilter_ExitsTwoNamingIt(string @object, string relation, string filter, string message)
    {
        var run = await ListAsync(@object, relation, "--filter", filter);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain(message);
    }
}
