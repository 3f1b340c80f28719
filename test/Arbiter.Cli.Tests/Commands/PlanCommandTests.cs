using System.Text.Json;
using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Commands;

/// <summary><c>arbiter plan</c>: a permission as a filter, readable, as parameterized SQL, or as JSON.</summary>
public class PlanCommandTests
{
    private static readonly string DataStore = RepoPaths.Of("samples/data/store.fga.yaml");

    [Fact]
    public async Task Plan_PrintsTheFilterReadably()
    {
        var run = await CliRun.RunAsync("plan", "user:bob", "can_read", "data", "--store-file", DataStore);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.Trim().ShouldBe("data where (account_id == \"acme\" and created_by == \"bob\")");
    }

    [Fact]
    public async Task Plan_OnRelationships_ListsTheIds()
    {
        var run = await CliRun.RunAsync("plan", "user:anne", "viewer", "document", "--store-file", Samples.DocumentsStore);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.Trim().ShouldStartWith("document where id in [");
    }

    [Fact]
    public async Task Plan_Sql_KeepsEveryValueAParameter()
    {
        var run = await CliRun.RunAsync("plan", "user:bob", "can_read", "data", "--store-file", DataStore, "--sql", "sqlite");

        run.ExitCode.ShouldBe(0, run.ToString());
        var lines = run.Out.Trim().Split('\n');
        lines[0].ShouldContain("\"account_id\" = @p0");
        lines[0].ShouldContain("\"created_by\" = @p1");
        lines[0].ShouldNotContain("acme");
        lines[0].ShouldNotContain("bob");
        lines[1..].ShouldBe(["  @p0 = 'acme'", "  @p1 = 'bob'"]);
    }

    [Fact]
    public async Task Plan_PostgresJson_UsesTheColumnMapping()
    {
        var run = await CliRun.RunAsync("plan", "user:alice", "can_read", "data", "--store-file", DataStore, "--sql", "postgres", "--column", "account_id=acct", "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        root.GetProperty("text").GetString().ShouldBe("account_id == \"acme\"");
        root.GetProperty("filter").GetProperty("compare").GetProperty("attribute").GetString().ShouldBe("account_id");
        root.GetProperty("sql").GetProperty("where").GetString().ShouldBe("(\"acct\" IS NOT NULL AND \"acct\" = @p0)");
        root.GetProperty("sql").GetProperty("parameters").GetProperty("@p0").GetString().ShouldBe("acme");
    }

    [Theory]
    [InlineData("--sql", "oracle", "invalid --sql 'oracle'")]
    [InlineData("--column", "account_id", "invalid --column 'account_id'")]
    [InlineData("--id-column", "id; DROP TABLE data", "invalid column mapping")]
    public async Task Plan_BadOptions_AreBadInput(string option, string value, string message)
    {
        var args = new List<string> { "plan", "user:bob", "can_read", "data", "--store-file", DataStore, option, value };
        if (option != "--sql")
        {
            args.AddRange(["--sql", "sqlite"]);
        }

        var run = await CliRun.RunAsync([.. args]);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain(message);
    }

    [Fact]
    public async Task Plan_UnknownType_IsBadInput()
    {
        var run = await CliRun.RunAsync("plan", "user:bob", "can_read", "robot", "--store-file", DataStore);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("robot");
    }
}
