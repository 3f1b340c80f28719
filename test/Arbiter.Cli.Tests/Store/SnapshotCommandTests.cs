using System.Text.Json.Nodes;
using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Store;

/// <summary><c>arbiter export</c> / <c>arbiter import</c> between SQLite files.</summary>
public sealed class SnapshotCommandTests : IDisposable
{
    private const string Model = "model\n  schema 1.1\ntype user\ntype document\n  relations\n    define viewer: [user]\n";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Db(string name) => "sqlite:" + Path.Combine(_dir.Path, name);

    private async Task<string> ExportSourceAsync()
    {
        (await CliRun.RunAsync("model", "write", _dir.Write("model.fga", Model), "--store", Db("a.db"))).ExitCode.ShouldBe(0);
        (await CliRun.RunAsync("write", "-t", "document:1#viewer@user:anne", "-t", "document:2#viewer@user:bob", "--store", Db("a.db"))).ExitCode.ShouldBe(0);
        var file = Path.Combine(_dir.Path, "backup.json");
        var export = await CliRun.RunAsync("export", file, "--store", Db("a.db"));
        export.ExitCode.ShouldBe(0, export.ToString());
        export.Out.ShouldContain("exported store 'default'");
        export.Out.ShouldContain("revision 2");
        export.Out.ShouldContain("2 tuples");
        return file;
    }

    [Fact]
    public async Task ExportThenImport_CopiesTheStoreToAnotherDatabase()
    {
        var file = await ExportSourceAsync();
        var import = await CliRun.RunAsync("import", file, "--store", Db("b.db"), "--json");
        import.ExitCode.ShouldBe(0, import.ToString());
        var info = JsonNode.Parse(import.Out)!;
        info["revision"]!.GetValue<long>().ShouldBe(2);
        info["tuples"]!.GetValue<long>().ShouldBe(2);
        info["hash"]!.GetValue<string>().ShouldStartWith("sha256:");

        (await CliRun.RunAsync("read", "--store", Db("b.db"))).Out.ShouldBe((await CliRun.RunAsync("read", "--store", Db("a.db"))).Out);
        (await CliRun.RunAsync("check", "user:bob", "viewer", "document:2", "--store", Db("b.db"))).ExitCode.ShouldBe(0);
        // the copy goes on from the snapshot's revision
        (await CliRun.RunAsync("write", "-t", "document:3#viewer@user:carl", "--store", Db("b.db"))).Out.ShouldContain("revision 3");
        // importing again into the now non-empty store is refused
        var again = await CliRun.RunAsync("import", file, "--store", Db("b.db"));
        again.ExitCode.ShouldBe(2);
        again.Error.ShouldContain("not empty");
    }

    [Fact]
    public async Task ATamperedSnapshot_IsRefused_AndNothingIsImported()
    {
        var file = await ExportSourceAsync();
        File.WriteAllText(file, File.ReadAllText(file).Replace("user:bob", "user:eve", StringComparison.Ordinal));
        var verify = await CliRun.RunAsync("import", file, "--verify-only");
        verify.ExitCode.ShouldBe(2, verify.ToString());
        verify.Error.ShouldContain("hash does not match");
        var import = await CliRun.RunAsync("import", file, "--store", Db("c.db"));
        import.ExitCode.ShouldBe(2, import.ToString());
        (await CliRun.RunAsync("store", "list", "--store", Db("c.db"))).Out.Trim().ShouldBeEmpty();

        File.WriteAllText(file, File.ReadAllText(file)[..200]);
        (await CliRun.RunAsync("import", file, "--verify-only")).Error.ShouldContain("truncated");
        (await CliRun.RunAsync("import", Path.Combine(_dir.Path, "missing.json"))).Error.ShouldContain("not found");
    }

    [Fact]
    public async Task VerifyOnly_ReportsAValidSnapshot()
    {
        var file = await ExportSourceAsync();
        var run = await CliRun.RunAsync("import", file, "--verify-only");
        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain("is a valid snapshot of store 'default'");
    }
}
