using System.Text.Json;
using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Commands;

public class CheckCommandTests
{
    private const string SimpleModel = "model\n  schema 1.1\ntype user\ntype document\n  relations\n    define viewer: [user]\n";

    [Fact]
    public async Task Check_Allowed_PrintsAllowedAndExitsZero()
    {
        var run = await CliRun.RunAsync("check", "user:anne", "can_view", "document:roadmap", "--store-file", Samples.DocumentsStore);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain("allowed: user:anne can_view document:roadmap");
    }

    [Fact]
    public async Task Check_Denied_PrintsDeniedAndExitsOne()
    {
        var run = await CliRun.RunAsync("check", "user:dave", "can_view", "document:roadmap", "--store-file", Samples.DocumentsStore);

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Out.ShouldContain("denied: user:dave can_view document:roadmap");
    }

    [Fact]
    public async Task Check_ModelFileWithTupleOptionsAndTupleFiles()
    {
        using var dir = new TempDirectory();
        var model = dir.Write("m.fga", SimpleModel);
        var tuples = dir.Write("t.csv", "user_type,user_id,relation,object_type,object_id\nuser,bob,viewer,document,2\n");

        var anne = await CliRun.RunAsync("check", "user:anne", "viewer", "document:1", "--model", model, "--tuple", "document:1#viewer@user:anne");
        var bob = await CliRun.RunAsync("check", "user:bob", "viewer", "document:2", "-m", model, "--tuples", tuples);

        anne.ExitCode.ShouldBe(0, anne.ToString());
        bob.ExitCode.ShouldBe(0, bob.ToString());
    }

    [Fact]
    public async Task Check_ContextualTuple_CountsForTheRequest()
    {
        using var dir = new TempDirectory();
        var model = dir.Write("m.fga", SimpleModel);

        var run = await CliRun.RunAsync("check", "user:anne", "viewer", "document:1", "--model", model, "--contextual-tuple", "document:1#viewer@user:anne");

        run.ExitCode.ShouldBe(0, run.ToString());
    }

    [Fact]
    public async Task Check_Json_WritesTheDecisionAsJson()
    {
        var run = await CliRun.RunAsync("check", "user:bob", "can_edit", "document:roadmap", "--store-file", Samples.DocumentsStore, "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("allowed").GetBoolean().ShouldBeTrue();
        json.RootElement.GetProperty("user").GetString().ShouldBe("user:bob");
        json.RootElement.GetProperty("relation").GetString().ShouldBe("can_edit");
        json.RootElement.GetProperty("object").GetString().ShouldBe("document:roadmap");
    }

    [Theory]
    [InlineData("doc#x@")]
    [InlineData("document:1#viewer")]
    [InlineData("document:#viewer@user:anne")]
    public async Task Check_MalformedTuple_NamesItAndExitsTwo(string tuple)
    {
        using var dir = new TempDirectory();
        var model = dir.Write("m.fga", SimpleModel);

        var run = await CliRun.RunAsync("check", "user:anne", "viewer", "document:1", "--model", model, "--tuple", tuple);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain(tuple);
        run.Error.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("user:anne", "viewer", "document:", "document:")]
    [InlineData("anne", "viewer", "document:1", "anne")]
    public async Task Check_MalformedUserOrObject_ExitsTwo(string user, string relation, string @object, string named)
    {
        var run = await CliRun.RunAsync("check", user, relation, @object, "--store-file", Samples.DocumentsStore);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain($"'{named}'");
    }

    [Fact]
    public async Task Check_UnknownTypeOrRelation_ExitsTwoAndNamesIt()
    {
        var type = await CliRun.RunAsync("check", "user:anne", "viewer", "documnt:1", "--store-file", Samples.DocumentsStore);
        var relation = await CliRun.RunAsync("check", "user:anne", "reader", "document:1", "--store-file", Samples.DocumentsStore);

        type.ExitCode.ShouldBe(2, type.ToString());
        type.Error.ShouldContain("unknown type 'documnt'");
        relation.ExitCode.ShouldBe(2, relation.ToString());
        relation.Error.ShouldContain("unknown relation 'reader'");
    }

    [Fact]
    public async Task Check_MissingModelFile_ExitsTwo()
    {
        var run = await CliRun.RunAsync("check", "user:anne", "viewer", "document:1", "--model", "/no/such/model.fga");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("/no/such/model.fga: model file not found");
    }

    [Fact]
    public async Task Check_MalformedModel_PrintsEveryDiagnosticWithLineAndColumn()
    {
        using var dir = new TempDirectory();
        var model = dir.Write("bad.fga", "model\n  schema 1.1\ntype user\ntype document\n  relations\n    define viewer: [usr]\n");

        var run = await CliRun.RunAsync("check", "user:anne", "viewer", "document:1", "--model", model);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldMatch($@"{System.Text.RegularExpressions.Regex.Escape(model)}:6:\d+: ");
    }

    [Fact]
    public async Task Check_WithoutAModel_ExitsTwo()
    {
        var run = await CliRun.RunAsync("check", "user:anne", "viewer", "document:1");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--model");
    }

    [Fact]
    public async Task Check_InvalidContextJson_ExitsTwo()
    {
        var run = await CliRun.RunAsync("check", "user:anne", "can_view", "document:roadmap", "--store-file", Samples.DocumentsStore, "--context", "{ip:");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("invalid --context");
    }

    [Fact]
    public async Task Check_MissingArgument_ExitsTwoWithUsageHint()
    {
        var run = await CliRun.RunAsync("check", "user:anne", "viewer");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("arbiter check --help");
    }

    [Fact]
    public async Task Check_BadInputWithJson_WritesTheErrorAsJson()
    {
        var run = await CliRun.RunAsync("check", "user:anne", "viewer", "document:1", "--model", "/no/such/model.fga", "--json");

        run.ExitCode.ShouldBe(2);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("error").GetProperty("diagnostics")[0].GetProperty("code").GetString().ShouldBe("file-not-found");
    }
}
