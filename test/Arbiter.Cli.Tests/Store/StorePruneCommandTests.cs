using System.Text.Json.Nodes;
using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Store;

/// <summary><c>arbiter store prune</c> on a SQLite file: the feed's oldest changes and old idempotency keys go, the state stays.</summary>
public sealed class StorePruneCommandTests : IDisposable
{
    private const string Model = """
        model
          schema 1.1
        type user
        type document
          relations
            define viewer: [user]
        """;

    private readonly TempDirectory _dir = new();
    private readonly string _store;

    public StorePruneCommandTests() => _store = "sqlite:" + Path.Combine(_dir.Path, "arbiter.db");

    public void Dispose() => _dir.Dispose();

    private Task<CliRun> Run(params string[] args) => CliRun.RunAsync([.. args, "--store", _store]);

    private async Task ArrangeAsync()
    {
        (await Run("model", "write", _dir.Write("model.fga", Model))).ExitCode.ShouldBe(0);                                // 1
        (await Run("write", "-t", "document:1#viewer@user:anne", "--idempotency-key", "req-1")).ExitCode.ShouldBe(0);      // 2
        (await Run("write", "-t", "document:2#viewer@user:bob")).ExitCode.ShouldBe(0);                                     // 3
    }

    [Fact]
    public async Task Prune_ChangesThrough_DropsTheOldFeed_AndKeepsTheState()
    {
        await ArrangeAsync();

        var prune = await Run("store", "prune", "--changes-through", "2");

        prune.ExitCode.ShouldBe(0, prune.ToString());
        prune.Out.Trim().ShouldBe("pruned store 'default': 2 changes removed (the feed starts at revision 3), 0 idempotency keys forgotten");
        var gone = await Run("changes");
        gone.ExitCode.ShouldBe(2, gone.ToString());
        gone.Error.ShouldContain("pruned");
        var rest = await Run("changes", "--after", "2");
        rest.ExitCode.ShouldBe(0, rest.ToString());
        rest.Out.ShouldContain("revision 3");
        (await Run("check", "user:anne", "viewer", "document:1")).ExitCode.ShouldBe(0);
        (await Run("write", "-t", "document:3#viewer@user:carl")).Out.ShouldContain("revision 4");
    }

    [Fact]
    public async Task Prune_KeysOlderThan_ForgetsKeys_AsJson()
    {
        await ArrangeAsync();
        var kept = JsonNode.Parse((await Run("store", "prune", "--keys-older-than", "7d", "--json")).Out)!;
        kept["keysRemoved"]!.GetValue<long>().ShouldBe(0);

        var run = await Run("store", "prune", "--keys-older-than", "0s", "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        var result = JsonNode.Parse(run.Out)!;
        (result["store"]!.GetValue<string>(), result["changesRemoved"]!.GetValue<long>(), result["keysRemoved"]!.GetValue<long>(), result["firstRevision"]!.GetValue<long>())
            .ShouldBe(("default", 0L, 1L, 1L));
        // the forgotten key now makes a new write instead of a conflict
        var reused = await Run("write", "-t", "document:9#viewer@user:anne", "--idempotency-key", "req-1");
        reused.ExitCode.ShouldBe(0, reused.ToString());
        reused.Out.ShouldContain("revision 4");
    }

    [Theory]
    [InlineData("no options", new string[0], "nothing to prune")]
    [InlineData("beyond the revision", new[] { "--changes-through", "9" }, "the store is at revision 3")]
    [InlineData("not a revision", new[] { "--changes-through", "-1" }, "--changes-through '-1'")]
    [InlineData("not a duration", new[] { "--keys-older-than", "7w" }, "e.g. 7d, 12h, 30m")]
    public async Task Prune_WithBadArguments_ExitsTwo_AndRemovesNothing(string _, string[] options, string message)
    {
        await ArrangeAsync();

        var run = await Run(["store", "prune", .. options]);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain(message);
        (await Run("changes")).Out.ShouldContain("revision 1");
    }
}
