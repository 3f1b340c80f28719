using System.Text.Json;
using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Commands;

/// <summary>The CLI on a store whose tuples carry OpenFGA conditions (<c>samples/conditions</c>).</summary>
public class ConditionsCommandTests
{
    private const string During = """{"current_time": "2024-05-01T10:30:00Z"}""";

    [Fact]
    public async Task Test_StoreFileWithConditions_PassesEveryAssertion()
    {
        var run = await CliRun.RunAsync("test", Samples.ConditionsStore);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain($"{Samples.ConditionsAssertions} passed, 0 failed");
    }

    [Fact]
    public async Task Check_WithContext_EvaluatesTheTupleCondition()
    {
        var allowed = await CliRun.RunAsync("check", "user:anne", "viewer", "document:plan", "--store-file", Samples.ConditionsStore, "--context", During);
        var expired = await CliRun.RunAsync("check", "user:anne", "viewer", "document:plan", "--store-file", Samples.ConditionsStore,
            "--context", """{"current_time": "2024-05-01T12:00:00Z"}""");

        allowed.ExitCode.ShouldBe(0, allowed.ToString());
        expired.ExitCode.ShouldBe(1, expired.ToString());
    }

    [Fact]
    public async Task Check_MissingParameter_IsBadInputNamingIt()
    {
        var run = await CliRun.RunAsync("check", "user:anne", "viewer", "document:plan", "--store-file", Samples.ConditionsStore);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("missing context parameters 'current_time'");
    }

    [Fact]
    public async Task Explain_ShowsTheConditionWithRedactedValues()
    {
        var run = await CliRun.RunAsync("explain", "user:anne", "viewer", "document:plan", "--store-file", Samples.ConditionsStore, "--context", During);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain("with not_expired(grant_time: ***, grant_duration: ***, current_time: ***) = true");
        run.Out.ShouldNotContain("2024-05-01");
    }

    [Fact]
    public async Task Explain_ShowValues_ShowsTheInputs()
    {
        var run = await CliRun.RunAsync("explain", "user:anne", "viewer", "document:plan", "--store-file", Samples.ConditionsStore,
            "--context", During, "--show-values", "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var condition = Conditions(json.RootElement.GetProperty("explanation")).First();
        condition.GetProperty("name").GetString().ShouldBe("not_expired");
        condition.GetProperty("status").GetString().ShouldBe("Met");
        var inputs = condition.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!, i => i);
        inputs["current_time"].GetProperty("value").GetString().ShouldBe("timestamp(\"2024-05-01T10:30:00Z\")");
        inputs["current_time"].GetProperty("source").GetString().ShouldBe("request");
        inputs["grant_duration"].GetProperty("source").GetString().ShouldBe("tuple");
    }

    private static IEnumerable<JsonElement> Conditions(JsonElement node)
    {
        if (node.TryGetProperty("condition", out var condition) && condition.ValueKind == JsonValueKind.Object)
        {
            yield return condition;
        }
        foreach (var child in node.GetProperty("children").EnumerateArray().SelectMany(Conditions))
        {
            yield return child;
        }
    }
}
