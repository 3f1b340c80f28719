using System.Text.Json;
using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Commands;

public class TestCommandTests
{
    private const string Model = """
        model: |
          model
            schema 1.1
          type user
          type document
            relations
              define viewer: [user]
        tuples:
          - user: user:anne
            relation: viewer
            object: document:1

        """;

    [Fact]
    public async Task Test_DocumentsSample_AllPassAndTheLastLineCounts()
    {
        var run = await CliRun.RunAsync("test", Samples.DocumentsStore);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.LastLine.ShouldBe($"{Samples.DocumentsAssertions} passed, 0 failed");
        run.Out.ShouldNotContain("FAIL ", Case.Sensitive);
    }

    [Fact]
    public async Task Test_Failure_PrintsExpectedAndActualAndExitsOne()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("s.fga.yaml", Model + """
            tests:
              - name: anne views
                check:
                  - user: user:anne
                    object: document:1
                    assertions:
                      viewer: false
                  - users: [user:bob, user:carl]
                    object: document:1
                    assertions:
                      viewer: false
            """);

        var run = await CliRun.RunAsync("test", path);

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Out.ShouldContain("FAIL");
        run.Out.ShouldContain("[anne views]");
        run.Out.ShouldContain("user=user:anne relation=viewer object=document:1");
        run.Out.ShouldContain("expected false, got true");
        run.LastLine.ShouldBe("2 passed, 1 failed");
    }

    [Fact]
    public async Task Test_ListingAssertions_RunAndCount()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("s.fga.yaml", Model + """
            tests:
              - name: t
                check:
                  - user: user:anne
                    object: document:1
                    assertions: {viewer: true}
                list_objects:
                  - user: user:anne
                    type: document
                    assertions:
                      viewer: [document:1]
                list_users:
                  - object: document:1
                    user_filter: [{type: user}]
                    assertions:
                      viewer: {users: [user:bob]}
            """);

        var run = await CliRun.RunAsync("test", path);

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Out.ShouldContain("list_users(object=document:1 relation=viewer): expected [user:bob], got [user:anne]");
        run.LastLine.ShouldBe("2 passed, 1 failed");
    }

    [Fact]
    public async Task Test_SeveralFiles_AddsUpTheCounts()
    {
        var run = await CliRun.RunAsync("test", Samples.DocumentsStore, Samples.DocumentsStore);

        run.LastLine.ShouldBe($"{2 * Samples.DocumentsAssertions} passed, 0 failed");
    }

    [Fact]
    public async Task Test_UnreadableFile_ExitsTwoButRunsTheOthers()
    {
        using var dir = new TempDirectory();
        var bad = dir.Write("bad.fga.yaml", "name: x\ntests:\n  - name: [unclosed\n");

        var run = await CliRun.RunAsync("test", bad, Samples.DocumentsStore);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain(bad + ":");
        run.LastLine.ShouldBe($"{Samples.DocumentsAssertions} passed, 0 failed");
    }

    [Fact]
    public async Task Test_MissingFile_ExitsTwo()
    {
        var run = await CliRun.RunAsync("test", "/no/such/store.fga.yaml");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("/no/such/store.fga.yaml: test file not found");
        run.LastLine.ShouldBe("0 passed, 0 failed");
    }

    [Fact]
    public async Task Test_MalformedInlineModel_PrintsTheStoreFileLineAndColumn()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("s.fga.yaml", "model: |\n  model\n    schema 1.1\n  type document\n    relations\n      define viewer: [usr]\ntests: []\n");

        var run = await CliRun.RunAsync("test", path);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldMatch($@"{System.Text.RegularExpressions.Regex.Escape(path)}:6:\d+: ");
    }

    [Fact]
    public async Task Test_Json_GivesCountsAndEveryAssertion()
    {
        var run = await CliRun.RunAsync("test", Samples.DocumentsStore, "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("passed").GetInt32().ShouldBe(Samples.DocumentsAssertions);
        json.RootElement.GetProperty("failed").GetInt32().ShouldBe(0);
        var file = json.RootElement.GetProperty("files")[0];
        file.GetProperty("kind").GetString().ShouldBe("openfga-store");
        var first = file.GetProperty("assertions")[0];
        first.GetProperty("kind").GetString().ShouldBe("check");
        first.GetProperty("expected").GetBoolean().ShouldBeTrue();
        first.GetProperty("actual").GetBoolean().ShouldBeTrue();
        first.GetProperty("outcome").GetString().ShouldBe("passed");
    }
}
