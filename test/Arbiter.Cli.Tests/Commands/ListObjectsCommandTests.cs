using System.Text.Json;
using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Commands;

/// <summary><c>arbiter list-objects</c> on the documents, conditions and ABAC samples.</summary>
public class ListObjectsCommandTests
{
    private const string GroupModel = "model\n  schema 1.1\ntype user\ntype group\n  relations\n    define member: [user, group#member]\n";

    private static Task<CliRun> ListAsync(params string[] args) =>
        CliRun.RunAsync(["list-objects", .. args, "--store-file", Samples.DocumentsStore]);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Theory]
    [InlineData("user:anne", "can_view", "document", "document:handbook document:roadmap")]
    [InlineData("user:anne", "can_share", "document", "document:roadmap")]
    [InlineData("user:erin", "can_edit", "document", "document:roadmap")]
    [InlineData("user:charlie", "can_edit", "document", "")]
    [InlineData("user:dave", "viewer", "document", "document:handbook document:roadmap")]
    [InlineData("user:dave", "can_view", "document", "document:handbook")]
    [InlineData("user:zoe", "can_view", "document", "document:handbook")]
    [InlineData("user:bob", "editor", "folder", "folder:engineering")]
    [InlineData("group:leads#member", "member", "group", "group:eng group:leads")]
    public async Task ListObjects_PrintsTheObjectsOnePerLineInIdOrder(string user, string relation, string type, string expected)
    {
        var run = await ListAsync(user, relation, type);

        run.ExitCode.ShouldBe(0, run.ToString());
        Lines(run.Out).ShouldBe(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task ListObjects_CountGoesToStandardError()
    {
        var two = await ListAsync("user:anne", "can_view", "document");
        var none = await ListAsync("user:charlie", "can_edit", "document");
        var one = await ListAsync("user:zoe", "can_view", "document");

        two.Error.Trim().ShouldBe("2 objects");
        none.Error.Trim().ShouldBe("0 objects");
        one.Error.Trim().ShouldBe("1 object");
    }

    [Fact]
    public async Task ListObjects_PageSize_SaysWhyItStoppedAndTheTokenContinues()
    {
        var first = await ListAsync("user:anne", "can_view", "document", "--page-size", "1");

        first.ExitCode.ShouldBe(0, first.ToString());
        Lines(first.Out).ShouldBe(["document:handbook"]);
        first.Error.ShouldContain("1 object; not complete: the page is full");
        var token = Lines(first.Error).Single(static l => l.Contains("--continuation-token", StringComparison.Ordinal)).Split(' ')[^1];

        var second = await ListAsync("user:anne", "can_view", "document", "--page-size", "1", "--continuation-token", token);

        second.ExitCode.ShouldBe(0, second.ToString());
        Lines(second.Out).ShouldBe(["document:roadmap"]);
        second.Error.Trim().ShouldBe("1 object");
    }

    [Fact]
    public async Task ListObjects_Json_PagesThroughEveryObject()
    {
        var all = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            string[] paging = token is null ? ["--page-size", "1"] : ["--page-size", "1", "--continuation-token", token];
            var run = await ListAsync(["user:dave", "viewer", "document", "--json", .. paging]);
            run.ExitCode.ShouldBe(0, run.ToString());
            using var json = JsonDocument.Parse(run.Out);
            var root = json.RootElement;
            all.AddRange(root.GetProperty("objects").EnumerateArray().Select(static o => o.GetString()!));
            token = root.GetProperty("continuationToken").GetString();
            root.GetProperty("complete").GetBoolean().ShouldBe(token is null);
            if (token is not null)
            {
                root.GetProperty("stopped").GetString().ShouldBe("PageFull");
            }
            pages++;
        }
        while (token is not null && pages < 10);

        all.ShouldBe(["document:handbook", "document:roadmap"]);
        pages.ShouldBe(2);
    }

    [Fact]
    public async Task ListObjects_Json_HasTheRequestTheObjectsAndTheirCompleteness()
    {
        var run = await ListAsync("user:anne", "can_view", "document", "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Error.ShouldBeEmpty();
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        root.EnumerateObject().Select(static p => p.Name).ShouldBe(
            ["user", "relation", "type", "objects", "complete", "stopped", "continuationToken", "modelId", "revision", "error"]);
        root.GetProperty("user").GetString().ShouldBe("user:anne");
        root.GetProperty("relation").GetString().ShouldBe("can_view");
        root.GetProperty("type").GetString().ShouldBe("document");
        root.GetProperty("objects").EnumerateArray().Select(static o => o.GetString()).ShouldBe(["document:handbook", "document:roadmap"]);
        root.GetProperty("complete").GetBoolean().ShouldBeTrue();
        root.GetProperty("stopped").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("continuationToken").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("error").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("revision").GetInt64().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ListObjects_ContextualTuple_AddsAnObjectTheStoreDoesNotKnow()
    {
        var run = await ListAsync("user:zoe", "can_view", "document", "--contextual-tuple", "document:draft#viewer@user:zoe");

        run.ExitCode.ShouldBe(0, run.ToString());
        Lines(run.Out).ShouldBe(["document:draft", "document:handbook"]);
    }

    [Fact]
    public async Task ListObjects_ModelAndTupleOptions()
    {
        var run = await CliRun.RunAsync("list-objects", "user:zoe", "viewer", "document", "--model", Samples.DocumentsModel,
            "--tuple", "document:b#viewer@user:zoe", "--tuple", "document:a#viewer@user:zoe", "--tuple", "document:c#viewer@user:anne");

        run.ExitCode.ShouldBe(0, run.ToString());
        Lines(run.Out).ShouldBe(["document:a", "document:b"]);
    }

    [Fact]
    public async Task ListObjects_WithContext_EvaluatesTupleConditions()
    {
        var inOffice = await CliRun.RunAsync("list-objects", "user:anne", "viewer", "document", "--store-file", Samples.ConditionsStore,
            "--context", """{"current_time": "2024-05-01T10:30:00Z", "user_ip": "10.1.2.3"}""");
        var expiredOutside = await CliRun.RunAsync("list-objects", "user:anne", "viewer", "document", "--store-file", Samples.ConditionsStore,
            "--context", """{"current_time": "2024-05-01T12:00:00Z", "user_ip": "192.168.0.7"}""");

        inOffice.ExitCode.ShouldBe(0, inOffice.ToString());
        Lines(inOffice.Out).ShouldBe(["document:handbook", "document:plan"]);
        expiredOutside.ExitCode.ShouldBe(0, expiredOutside.ToString());
        Lines(expiredOutside.Out).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListObjects_MissingContextParameter_IsBadInputNamingIt()
    {
        var run = await CliRun.RunAsync("list-objects", "user:anne", "viewer", "document", "--store-file", Samples.ConditionsStore);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Out.ShouldBeEmpty();
        run.Error.ShouldContain("missing context parameters 'user_ip'");
    }

    [Fact]
    public async Task ListObjects_MissingContextParameter_Json_WritesTheError()
    {
        var run = await CliRun.RunAsync("list-objects", "user:anne", "viewer", "document", "--store-file", Samples.ConditionsStore, "--json");

        run.ExitCode.ShouldBe(2, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("missing context parameters");
    }

    [Fact]
    public async Task ListObjects_DepthExceeded_FailsTheListingWithExitOne()
    {
        using var dir = new TempDirectory();
        var args = new List<string> { "list-objects", "user:x", "member", "group", "--model", dir.Write("m.fga", GroupModel) };
        for (var i = 0; i < 30; i++)
        {
            args.AddRange(["--tuple", $"group:g{i}#member@group:g{i + 1}#member"]);
        }
        args.AddRange(["--tuple", "group:g30#member@user:x"]);

        var human = await CliRun.RunAsync([.. args]);
        var json = await CliRun.RunAsync([.. args, "--json"]);

        human.ExitCode.ShouldBe(1, human.ToString());
        human.Out.ShouldBeEmpty();
        human.Error.ShouldContain("the listing failed");
        human.Error.ShouldContain("ResolutionTooComplex");
        json.ExitCode.ShouldBe(1, json.ToString());
        using var document = JsonDocument.Parse(json.Out);
        var root = document.RootElement;
        root.GetProperty("complete").GetBoolean().ShouldBeFalse();
        root.GetProperty("objects").GetArrayLength().ShouldBe(0);
        root.GetProperty("error").GetProperty("code").GetString().ShouldBe("ResolutionTooComplex");
        root.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("depth limit");
    }

    [Fact]
    public async Task ListObjects_SubjectAttributes_OverrideTheStoredOnes()
    {
        var stored = await CliRun.RunAsync("list-objects", "user:olga", "can_read", "document", "--store-file", Samples.AbacStore);
        var moved = await CliRun.RunAsync("list-objects", "user:olga", "can_read", "document", "--store-file", Samples.AbacStore,
            "--subject-attributes", """{"department": "engineering"}""");

        stored.ExitCode.ShouldBe(0, stored.ToString());
        Lines(stored.Out).ShouldBe(["document:budget"]);
        moved.ExitCode.ShouldBe(0, moved.ToString());
        Lines(moved.Out).ShouldBe(["document:budget", "document:roadmap"]);
    }

    [Fact]
    public async Task ListObjects_HasNoObjectAttributesOption()
    {
        var run = await ListAsync("user:anne", "can_view", "document", "--object-attributes", "{}");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("--object-attributes");
    }

    [Theory]
    [InlineData("robot", "can_view", "unknown type 'robot': the model's types are user, group, folder, document")]
    [InlineData("document", "can_read", "unknown relation 'can_read' on type 'document'")]
    public async Task ListObjects_UnknownTypeOrRelation_ExitsTwoNamingIt(string type, string relation, string message)
    {
        var run = await ListAsync("user:anne", relation, type);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain(message);
    }

    [Theory]
    [InlineData("robot:x", "unknown type 'robot'")]
    [InlineData("group:eng#owner", "unknown relation 'owner' on type 'group'")]
    [InlineData("anne", "anne")]
    public async Task ListObjects_BadUser_ExitsTwoNamingIt(string user, string message)
    {
        var run = await ListAsync(user, "can_view", "document");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain(message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("1.5")]
    public async Task ListObjects_BadPageSize_ExitsTwo(string size)
    {
        var run = await ListAsync("user:anne", "can_view", "document", "--page-size", size);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain($"invalid --page-size '{size}': expected a whole number of at least 1");
    }

    [Fact]
    public async Task ListObjects_MalformedToken_ExitsTwo()
    {
        var run = await ListAsync("user:anne", "can_view", "document", "--continuation-token", "not-a-token");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("invalid continuation token");
    }

    [Fact]
    public async Task ListObjects_TokenOfAnotherRequest_ExitsTwo()
    {
        var first = await ListAsync("user:anne", "can_view", "document", "--page-size", "1", "--json");
        using var json = JsonDocument.Parse(first.Out);
        var token = json.RootElement.GetProperty("continuationToken").GetString()!;

        var run = await ListAsync("user:bob", "can_view", "document", "--continuation-token", token, "--json");

        run.ExitCode.ShouldBe(2, run.ToString());
        using var error = JsonDocument.Parse(run.Out);
        error.RootElement.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("belongs to another request");
    }

    [Fact]
    public async Task ListObjects_NoModel_ExitsTwo()
    {
        var run = await CliRun.RunAsync("list-objects", "user:anne", "can_view", "document");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("--model");
    }

    [Fact]
    public async Task ListObjects_MissingArgument_ExitsTwo()
    {
        var run = await CliRun.RunAsync("list-objects", "user:anne", "can_view", "--store-file", Samples.DocumentsStore);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("list-objects --help");
    }
}
