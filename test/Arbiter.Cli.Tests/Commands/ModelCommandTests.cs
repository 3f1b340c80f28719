using System.Text.Json;
using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Commands;

public class ModelCommandTests
{
    [Fact]
    public async Task Validate_ValidModel_ExitsZero()
    {
        var run = await CliRun.RunAsync("model", "validate", Samples.DocumentsModel);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain("valid (4 types, 0 conditions)");
    }

    [Fact]
    public async Task Validate_StoreFile_ChecksItsModel()
    {
        var run = await CliRun.RunAsync("model", "validate", Samples.DocumentsStore);

        run.ExitCode.ShouldBe(0, run.ToString());
    }

    [Fact]
    public async Task Validate_MalformedModel_PrintsEveryProblemWithLineAndColumnAndExitsTwo()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("bad.fga", "model\n  schema 1.1\ntype user\ntype document\n  relations\n    define viewer: [usr]\n    define editor: [user] or ownr\n");

        var run = await CliRun.RunAsync("model", "validate", path);

        run.ExitCode.ShouldBe(2, run.ToString());
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldContain(l => l.StartsWith(path + ":6:", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith(path + ":7:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_Json_ReportsEachFile()
    {
        using var dir = new TempDirectory();
        var bad = dir.Write("bad.fga", "model\n  schema 1.1\ntype document\n  relations\n    define viewer: [usr]\n");

        var run = await CliRun.RunAsync("model", "validate", Samples.DocumentsModel, bad, "--json");

        run.ExitCode.ShouldBe(2, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var files = json.RootElement.GetProperty("files");
        files[0].GetProperty("valid").GetBoolean().ShouldBeTrue();
        files[1].GetProperty("valid").GetBoolean().ShouldBeFalse();
        files[1].GetProperty("diagnostics")[0].GetProperty("line").GetInt32().ShouldBe(5);
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsTwo()
    {
        var run = await CliRun.RunAsync("model", "validate", "/no/such/model.fga");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("model file not found");
    }

    [Fact]
    public async Task Transform_DslToJsonAndBack_GivesAValidModel()
    {
        using var dir = new TempDirectory();
        var jsonPath = Path.Combine(dir.Path, "model.json");

        var toJson = await CliRun.RunAsync("model", "transform", Samples.DocumentsModel, "-o", jsonPath);
        var toDsl = await CliRun.RunAsync("model", "transform", jsonPath);

        toJson.ExitCode.ShouldBe(0, toJson.ToString());
        using (var json = JsonDocument.Parse(File.ReadAllText(jsonPath)))
        {
            json.RootElement.GetProperty("type_definitions").GetArrayLength().ShouldBe(4);
        }
        toDsl.ExitCode.ShouldBe(0, toDsl.ToString());
        toDsl.Out.ShouldContain("type document");
        toDsl.Out.ShouldContain("define can_view: viewer but not blocked");
    }

    [Fact]
    public async Task Transform_ToOption_OverridesTheDirection()
    {
        var run = await CliRun.RunAsync("model", "transform", Samples.DocumentsModel, "--to", "dsl");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain("type folder");
    }

    [Fact]
    public async Task Transform_BadFormat_ExitsTwo()
    {
        var run = await CliRun.RunAsync("model", "transform", Samples.DocumentsModel, "--to", "xml");

        run.ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Transform_Json_WrapsTheText()
    {
        var run = await CliRun.RunAsync("model", "transform", Samples.DocumentsModel, "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("format").GetString().ShouldBe("json");
        using var model = JsonDocument.Parse(json.RootElement.GetProperty("text").GetString()!);
        model.RootElement.GetProperty("schema_version").GetString().ShouldBe("1.1");
    }
}
