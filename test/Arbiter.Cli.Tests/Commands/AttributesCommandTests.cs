using System.Text.Json;
using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Commands;

/// <summary>The CLI on a store with entity attributes and attribute rules (<c>samples/abac</c>), and the just-in-time attribute flags.</summary>
public class AttributesCommandTests
{
    [Fact]
    public async Task Test_AbacSample_PassesEveryAssertion()
    {
        var run = await CliRun.RunAsync("test", Samples.AbacStore);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.LastLine.ShouldBe($"{Samples.AbacAssertions} passed, 0 failed");
    }

    [Fact]
    public async Task Test_Json_ShowsJustInTimeAttributesAndExpectedErrors()
    {
        var run = await CliRun.RunAsync("test", Samples.AbacStore, "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var assertions = json.RootElement.GetProperty("files")[0].GetProperty("assertions").EnumerateArray().ToList();
        assertions.ShouldContain(static a => a.GetProperty("subjectAttributes").ValueKind == JsonValueKind.Object
            && a.GetProperty("subjectAttributes").GetProperty("department").GetString() == "engineering");
        assertions.ShouldContain(static a => a.GetProperty("expectedError").GetString() == "does not convert to int"
            && a.GetProperty("outcome").GetString() == "passed");
    }

    [Fact]
    public async Task Test_WrongExpectedError_IsReportedWithTheActualError()
    {
        using var dir = new TempDirectory();
        File.Copy(Samples.AbacModel, Path.Combine(dir.Path, "model.fga"));
        var text = File.ReadAllText(Samples.AbacStore).Replace("does not convert to int", "no such text", StringComparison.Ordinal);
        var path = dir.Write("store.fga.yaml", text);

        var run = await CliRun.RunAsync("test", path);

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Out.ShouldContain("""subject_attributes={"clearance":"high"}): expected an error containing 'no such text', got error: invalid subject attributes""");
    }

    [Fact]
    public async Task Check_StoreFile_UsesItsStoredAttributes()
    {
        var allowed = await CliRun.RunAsync("check", "user:anne", "can_read", "document:roadmap", "--store-file", Samples.AbacStore);
        var denied = await CliRun.RunAsync("check", "user:carl", "can_read", "document:roadmap", "--store-file", Samples.AbacStore);

        allowed.ExitCode.ShouldBe(0, allowed.ToString());
        denied.ExitCode.ShouldBe(1, denied.ToString());
    }

    [Fact]
    public async Task Check_SubjectAttributes_OverrideStoredValues()
    {
        var stored = await CliRun.RunAsync("check", "user:olga", "can_read", "document:roadmap", "-s", Samples.AbacStore);
        var given = await CliRun.RunAsync("check", "user:olga", "can_read", "document:roadmap", "-s", Samples.AbacStore,
            "--subject-attributes", """{"department": "engineering"}""");

        stored.ExitCode.ShouldBe(1, stored.ToString());
        given.ExitCode.ShouldBe(0, given.ToString());
        given.Out.ShouldBe("allowed: user:olga can_read document:roadmap\n", given.ToString());
    }

    [Fact]
    public async Task Check_ObjectAttributes_OverrideStoredValues()
    {
        var stored = await CliRun.RunAsync("check", "user:ivan", "can_audit", "document:strategy", "-s", Samples.AbacStore);
        var given = await CliRun.RunAsync("check", "user:ivan", "can_audit", "document:strategy", "-s", Samples.AbacStore,
            "--object-attributes", """{"classification": 3}""");

        stored.ExitCode.ShouldBe(1, stored.ToString());
        given.ExitCode.ShouldBe(0, given.ToString());
    }

    [Theory]
    [InlineData("check", "--subject-attributes", "{not json", "invalid --subject-attributes: invalid JSON")]
    [InlineData("check", "--object-attributes", "[1, 2]", "invalid --object-attributes: expected a JSON object")]
    [InlineData("explain", "--subject-attributes", "\"eng\"", "invalid --subject-attributes: expected a JSON object")]
    [InlineData("explain", "--object-attributes", "{\"classification\": }", "invalid --object-attributes: invalid JSON")]
    public async Task CheckAndExplain_AttributesThatAreNotAJsonObject_AreBadInput(string command, string option, string value, string message)
    {
        var run = await CliRun.RunAsync(command, "user:anne", "can_read", "document:roadmap", "-s", Samples.AbacStore, option, value);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldStartWith("arbiter: " + message);
        run.Out.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("--subject-attributes", """{"grade": 7}""", "invalid subject attributes: the type 'user' declares no attribute 'grade'")]
    [InlineData("--object-attributes", """{"classification": "top"}""", "invalid object attributes: the value of 'classification' does not convert to int")]
    public async Task Check_AttributesTheModelRefuses_AreBadInputNamingTheAttribute(string option, string value, string message)
    {
        var run = await CliRun.RunAsync("check", "user:anne", "can_audit", "document:roadmap", "-s", Samples.AbacStore, option, value);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain(message);
    }

    [Fact]
    public async Task Check_Json_BadAttributes_WriteTheErrorAsJson()
    {
        var run = await CliRun.RunAsync("check", "user:anne", "can_read", "document:roadmap", "-s", Samples.AbacStore,
            "--subject-attributes", "[]", "--json");

        run.ExitCode.ShouldBe(2, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("error").GetProperty("message").GetString()!.ShouldStartWith("invalid --subject-attributes");
    }

    [Fact]
    public async Task Explain_ShowsTheRuleWithTheAttributesGiven()
    {
        var run = await CliRun.RunAsync("explain", "user:ivan", "can_audit", "document:strategy", "-s", Samples.AbacStore,
            "--object-attributes", """{"classification": 3}""", "--show-values");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain("rule user where cleared on document:strategy(subject.clearance: 3, object.classification: 3) = true: true");
    }

    [Fact]
    public async Task ListActions_UsesStoredAndJustInTimeAttributes()
    {
        var stored = await CliRun.RunAsync("list-actions", "user:ivan", "document:strategy", "-s", Samples.AbacStore);
        var given = await CliRun.RunAsync("list-actions", "user:ivan", "document:strategy", "-s", Samples.AbacStore,
            "--object-attributes", """{"classification": 3}""", "--subject-attributes", """{"department": "board"}""");

        stored.ExitCode.ShouldBe(0, stored.ToString());
        stored.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["auditor"]);
        given.ExitCode.ShouldBe(0, given.ToString());
        given.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["auditor", "reader", "can_read", "can_audit"]);
    }

    [Theory]
    [InlineData("--subject-attributes", "1", "invalid --subject-attributes: expected a JSON object")]
    [InlineData("--object-attributes", "{", "invalid --object-attributes: invalid JSON")]
    public async Task ListActions_AttributesThatAreNotAJsonObject_AreBadInput(string option, string value, string message)
    {
        var run = await CliRun.RunAsync("list-actions", "user:ivan", "document:strategy", "-s", Samples.AbacStore, option, value);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldStartWith("arbiter: " + message);
    }

    [Fact]
    public async Task Check_StoreFileWithAttributesTheModelRefuses_IsBadInputNamingTheEntry()
    {
        using var dir = new TempDirectory();
        File.Copy(Samples.AbacModel, Path.Combine(dir.Path, "model.fga"));
        var path = dir.Write("store.fga.yaml", """
            model_file: ./model.fga
            attributes:
              - entity: user:anne
                values: {clearance: 2}
              - entity: user:bob
                values: {clearance: high}
            tests: []
            """);

        var run = await CliRun.RunAsync("check", "user:anne", "can_read", "document:roadmap", "--store-file", path);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain($"cannot load store file {path}: the attributes entry 'user:bob' ({path}:5:5) does not fit the model");
        run.Error.ShouldContain("the value of 'clearance' does not convert to int");
    }

    [Fact]
    public async Task Check_ModelWithoutStoreFile_TakesJustInTimeAttributesOnly()
    {
        var run = await CliRun.RunAsync("check", "user:anne", "can_read", "document:roadmap", "--model", Samples.AbacModel,
            "--subject-attributes", """{"department": "eng", "employment": "staff"}""", "--object-attributes", """{"department": "eng"}""");

        run.ExitCode.ShouldBe(0, run.ToString());
    }

    [Fact]
    public async Task Docs_TheAttributesStoreFileExample_Passes()
    {
        var markdown = File.ReadAllText(RepoPaths.Of("docs/cli.md")).ReplaceLineEndings("\n");
        var section = markdown[markdown.IndexOf("### Attributes (Arbiter extension)", StringComparison.Ordinal)..];
        var start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
        using var dir = new TempDirectory();
        File.Copy(Samples.AbacModel, Path.Combine(dir.Path, "model.fga"));
        dir.Write("people.yaml", "- entity: user:bob\n  values: {clearance: 1}\n");
        var path = dir.Write("store.fga.yaml", yaml);

        var run = await CliRun.RunAsync("test", path);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.LastLine.ShouldBe("6 passed, 0 failed"); // 3 checks and 3 list assertions
    }
}
