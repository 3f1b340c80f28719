using System.Text.Json.Nodes;
using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Store;

/// <summary>The store commands (model write, write, delete, read, changes, store) and deciding against a persistent SQLite store.</summary>
public sealed class StoreCommandTests : IDisposable
{
    private const string Model = """
        model
          schema 1.1
        type user
          attributes
            department: string
        type document
          attributes
            department: string
          relations
            define viewer: [user]
            define reader: viewer or (user where same_department)
        condition same_department() {
          subject.department == object.department
        }
        """;

    private readonly TempDirectory _dir = new();
    private readonly string _store;

    public StoreCommandTests() => _store = "sqlite:" + Path.Combine(_dir.Path, "arbiter.db");

    public void Dispose() => _dir.Dispose();

    private Task<CliRun> Run(params string[] args) => CliRun.RunAsync([.. args, "--store", _store]);

    private async Task WriteModelAsync()
    {
        var run = await Run("model", "write", _dir.Write("model.fga", Model));
        run.ExitCode.ShouldBe(0, run.ToString());
    }

    [Fact]
    public async Task WriteReadCheckDelete_AgainstAPersistentStore()
    {
        var model = await Run("model", "write", _dir.Write("model.fga", Model));
        model.ExitCode.ShouldBe(0, model.ToString());
        model.Out.ShouldContain("created store 'default'");
        model.Out.ShouldContain("at revision 1");

        var write = await Run("write", "-t", "document:1#viewer@user:anne", "-t", "document:2#viewer@user:anne");
        write.ExitCode.ShouldBe(0, write.ToString());
        write.Out.Trim().ShouldBe("2 tuples written: store 'default' at revision 2");

        (await Run("check", "user:anne", "viewer", "document:1")).ExitCode.ShouldBe(0);
        (await Run("check", "user:bob", "viewer", "document:1")).ExitCode.ShouldBe(1);
        (await Run("read", "--object", "document:1")).Out.Trim().ShouldBe("document:1#viewer@user:anne");
        (await Run("list-objects", "user:anne", "reader", "document")).Out.ShouldContain("document:2");

        var delete = await Run("delete", "-t", "document:1#viewer@user:anne");
        delete.ExitCode.ShouldBe(0, delete.ToString());
        delete.Out.ShouldContain("revision 3");
        (await Run("check", "user:anne", "viewer", "document:1")).ExitCode.ShouldBe(1);

        var changes = await Run("changes", "--after", "1");
        changes.ExitCode.ShouldBe(0, changes.ToString());
        changes.Out.ShouldContain("revision 2");
        changes.Out.ShouldContain("  + document:1#viewer@user:anne");
        changes.Out.ShouldContain("revision 3");
        changes.Out.ShouldContain("  - document:1#viewer@user:anne");
    }

    [Fact]
    public async Task Write_ATupleTheModelRefuses_FailsNamingIt_AndWritesNothing()
    {
        await WriteModelAsync();
        var run = await Run("write", "-t", "document:1#viewer@user:anne", "-t", "document:1#owner@user:anne");
        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("owner");
        (await Run("read")).Out.Trim().ShouldBeEmpty();
        (await Run("changes")).Out.ShouldNotContain("revision 2");
    }

    [Fact]
    public async Task Write_Duplicates_FailOrAreIgnored_AndIdempotencyKeysReplay()
    {
        await WriteModelAsync();
        (await Run("write", "-t", "document:1#viewer@user:anne", "--idempotency-key", "k1")).ExitCode.ShouldBe(0);
        var again = await Run("write", "-t", "document:1#viewer@user:anne", "--idempotency-key", "k1");
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Out.ShouldContain("already written at revision 2");
        var duplicate = await Run("write", "-t", "document:1#viewer@user:anne");
        duplicate.ExitCode.ShouldBe(2);
        duplicate.Error.ShouldContain("already exists");
        var ignored = await Run("write", "-t", "document:1#viewer@user:anne", "-t", "document:3#viewer@user:anne", "--on-duplicate", "ignore", "--json");
        ignored.ExitCode.ShouldBe(0, ignored.ToString());
        JsonNode.Parse(ignored.Out)!["revision"]!.GetValue<long>().ShouldBe(3);
        (await Run("write", "-t", "document:1#viewer@user:anne", "--on-duplicate", "maybe")).Error.ShouldContain("use fail or ignore");
    }

    [Fact]
    public async Task Attributes_WrittenToTheStore_DecideRules()
    {
        await WriteModelAsync();
        var file = _dir.Write("attributes.yaml", """
            - entity: user:anne
              values: {department: eng}
            - entity: document:7
              values: {department: eng}
            """);
        var run = await Run("write", "--attributes", file);
        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain("2 attribute entries set");
        (await Run("check", "user:anne", "reader", "document:7")).ExitCode.ShouldBe(0);
        (await Run("write", "--clear-attributes", "document:7")).ExitCode.ShouldBe(0);
        // reading an attribute without a value is an error (never an allow)
        var cleared = await Run("check", "user:anne", "reader", "document:7");
        cleared.ExitCode.ShouldNotBe(0);
        cleared.Error.ShouldContain("'object.department' has no value");
    }

    [Fact]
    public async Task ReadAndChanges_PrintJson()
    {
        await WriteModelAsync();
        await Run("write", "-t", "document:1#viewer@user:anne", "-t", "document:2#viewer@user:bob");
        var read = await Run("read", "--user", "user:bob", "--json");
        read.ExitCode.ShouldBe(0, read.ToString());
        var tuples = JsonNode.Parse(read.Out)!["tuples"]!.AsArray();
        tuples.Count.ShouldBe(1);
        tuples[0]!["object"]!.GetValue<string>().ShouldBe("document:2");
        var paged = await Run("read", "--limit", "1");
        paged.Out.Trim().ShouldBe("document:1#viewer@user:anne");
        paged.Error.ShouldContain("--continuation-token");
        var changes = JsonNode.Parse((await Run("changes", "--json")).Out)!["changes"]!.AsArray();
        changes.Count.ShouldBe(2);
        changes[0]!["modelId"]!.GetValue<string>().Length.ShouldBe(26);
        changes[1]!["written"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Stores_AreCreatedListedDeleted_AndIsolated()
    {
        (await Run("store", "create", "tenant-a", "--name", "Tenant A")).ExitCode.ShouldBe(0);
        (await Run("store", "create", "tenant-a")).Error.ShouldContain("exists already");
        await WriteModelAsync();
        await Run("write", "-t", "document:1#viewer@user:anne");
        var list = await Run("store", "list");
        list.Out.ShouldContain("default\trevision 2");
        list.Out.ShouldContain("tenant-a\trevision 0\tTenant A");
        (await Run("read", "--store-id", "tenant-a")).Out.Trim().ShouldBeEmpty();
        (await Run("store", "delete", "tenant-a")).ExitCode.ShouldBe(0);
        (await Run("store", "delete", "tenant-a")).Error.ShouldContain("does not exist");
    }

    [Fact]
    public async Task MissingStoreOrModel_GetsAHint()
    {
        var noFile = await Run("check", "user:anne", "viewer", "document:1");
        noFile.ExitCode.ShouldBe(2, noFile.ToString());
        noFile.Error.ShouldContain("there is no store database at");
        noFile.Error.ShouldContain("arbiter model write");
        File.Exists(Path.Combine(_dir.Path, "arbiter.db")).ShouldBeFalse(); // reading never creates the file
        (await Run("store", "create", "other")).ExitCode.ShouldBe(0);
        var missing = await Run("check", "user:anne", "viewer", "document:1");
        missing.ExitCode.ShouldBe(2, missing.ToString());
        missing.Error.ShouldContain("store 'default' does not exist");
        (await Run("store", "create", "default")).ExitCode.ShouldBe(0);
        var noModel = await Run("write", "-t", "document:1#viewer@user:anne");
        noModel.ExitCode.ShouldBe(2);
        noModel.Error.ShouldContain("has no model yet");
    }

    [Fact]
    public async Task BadStoreOptions_AreClearErrors()
    {
        var scheme = await CliRun.RunAsync("read", "--store", "mysql:x");
        scheme.ExitCode.ShouldBe(2);
        scheme.Error.ShouldContain("use sqlite:PATH, postgres:CONNECTION-STRING or memory");
        var empty = await CliRun.RunAsync("read", "--store", "sqlite:");
        empty.Error.ShouldContain("give a file path");
        var id = await Run("read", "--store-id", "no spaces");
        id.ExitCode.ShouldBe(2);
        id.Error.ShouldContain("invalid --store-id");
        var tuplesWithStore = await Run("check", "user:anne", "viewer", "document:1", "--tuple", "document:1#viewer@user:anne");
        tuplesWithStore.ExitCode.ShouldBe(2);
        tuplesWithStore.Error.ShouldContain("arbiter write");
        var both = await Run("check", "user:anne", "viewer", "document:1", "--model", _dir.Write("m.fga", Model));
        both.Error.ShouldContain("not both");
    }

    [Fact]
    public async Task AnUnreachableDatabase_IsAStorageError()
    {
        var run = await CliRun.RunAsync("model", "write", _dir.Write("model.fga", Model), "--store", "sqlite:" + Path.Combine(_dir.Path, "no-such-dir", "x.db"));
        run.ExitCode.ShouldBe(4, run.ToString());
        run.Error.ShouldContain("storage error");
        var pg = await CliRun.RunAsync("read", "--store", "postgres:Host=127.0.0.1;Port=1;Username=u;Password=secret;Database=d;Timeout=2");
        pg.ExitCode.ShouldBe(4, pg.ToString());
        pg.Error.ShouldContain("transient");
        pg.Error.ShouldNotContain("secret");
    }
}
