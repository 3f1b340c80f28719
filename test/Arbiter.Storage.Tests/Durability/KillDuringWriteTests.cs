using Arbiter.Parsing;
using Arbiter.Storage.Tests.MultiProcess;
using Arbiter.Storage.Tests.PostgreSql;
using Arbiter.Storage.Tests.Sqlite;

namespace Arbiter.Storage.Tests.Durability;

/// <summary>
/// A process killed (SIGKILL) in the middle of a large batch write leaves the store with the whole batch or none of it,
/// and an engine opened afterwards resumes from the last committed revision.
/// </summary>
public sealed class KillDuringWriteTests : IClassFixture<PostgresSchema>
{
    private const int BatchSize = 100_000;
    private const string Model = "model\n  schema 1.1\ntype user\ntype document\n  relations\n    define viewer: [user]\n";
    private readonly PostgresSchema _schema;

    public KillDuringWriteTests(PostgresSchema schema) => _schema = schema;

    [Fact]
    public async Task Sqlite_KilledMidBatch_LeavesAllOrNothing_AndAnEngineResumes()
    {
        await using var file = new SqliteTestFile();
        await using (var setup = await file.OpenAsync())
        {
            await PrepareAsync(setup);
        }
        var wal = file.Path + "-wal";
        var killedInside = 0;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var before = File.Exists(wal) ? new FileInfo(wal).Length : 0;
            await using var writer = HostProcess.Start(null, "write-batch", "sqlite:" + file.Path, "s", BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), $"k{attempt}");
            (await writer.ReadLineAsync(TimeSpan.FromSeconds(60))).ShouldBe("writing");
            // the transaction is under way once the write-ahead log grows past what it held before
            var started = await UntilAsync(() => (File.Exists(wal) ? new FileInfo(wal).Length : 0) > before + (1 << 20) || writer.HasExited, TimeSpan.FromSeconds(30));
            if (!writer.HasExited && started)
            {
                writer.Kill();
                killedInside++;
            }
            await using var store = await file.OpenAsync();
            await AssertAllOrNothingAsync(store, $"k{attempt}");
        }
        killedInside.ShouldBeGreaterThan(0, "no attempt was killed inside its transaction");
    }

    [PostgresFact]
    public async Task PostgreSql_KilledMidBatch_LeavesAllOrNothing_AndAnEngineResumes()
    {
        await PrepareAsync(_schema.CreateStore());
        var killedInside = 0;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var application = $"arbiter-kill-{Guid.NewGuid():N}"[..40];
            var connection = PostgresTestEnvironment.RequireConnectionString() + $";Application Name={application}";
            var environment = new Dictionary<string, string> { ["ARBITER_PG_SCHEMA"] = _schema.Name };
            await using var writer = HostProcess.Start(environment, "write-batch", "postgres:" + connection, "s", BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), $"p{attempt}");
            (await writer.ReadLineAsync(TimeSpan.FromSeconds(60))).ShouldBe("writing");
            // the server shows the writer's transaction as open: kill the client in the middle of it
            var started = await UntilAsync(async () => writer.HasExited || Convert.ToInt64(await PostgresSchema.ScalarAsync(
                $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{application}' AND xact_start IS NOT NULL AND state <> 'idle'"), System.Globalization.CultureInfo.InvariantCulture) > 0, TimeSpan.FromSeconds(30));
            if (!writer.HasExited && started)
            {
                writer.Kill();
                killedInside++;
            }
            // the server rolls the transaction back when it notices the client is gone
            await UntilAsync(async () => Convert.ToInt64(await PostgresSchema.ScalarAsync(
                $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{application}'"), System.Globalization.CultureInfo.InvariantCulture) == 0, TimeSpan.FromSeconds(30));
            await AssertAllOrNothingAsync(_schema.CreateStore(), $"p{attempt}");
        }
        killedInside.ShouldBeGreaterThan(0, "no attempt was killed inside its transaction");
    }

    private static async Task PrepareAsync(IStore store)
    {
        await store.CreateStoreAsync("s");
        await store.WriteModelAsync("s", ModelParser.Parse(Model).GetModelOrThrow());
        await store.WriteAsync("s", new StoreWrite { Writes = [RelationshipTuple.Parse("document:before#viewer@user:anne")] });
    }

    /// <summary>The batch is there whole (and its revision) or not at all; an engine opens at the store's last revision and goes on writing.</summary>
    private static async Task AssertAllOrNothingAsync(IStore store, string prefix)
    {
        var revision = await store.ReadRevisionAsync("s");
        long count = 0;
        await using (var state = await store.OpenStateAsync("s"))
        {
            state.Revision.ShouldBe(revision);
            await foreach (var tuple in state.ReadTuplesAsync())
            {
                if (tuple.Object.Id.StartsWith(prefix + "-", StringComparison.Ordinal))
                {
                    count++;
                }
            }
        }
        var changes = await store.ReadChangesAsync("s", 0, limit: 10_000);
        var committed = changes.Any(c => c.Written.Count > 0 && c.Written[0].Object.Id.StartsWith(prefix + "-", StringComparison.Ordinal));
        count.ShouldBe(committed ? BatchSize : 0, $"revision {revision}: {count} of the batch's {BatchSize} tuples are stored");
        changes.Select(c => c.Revision).ShouldBe(Enumerable.Range(1, (int)revision).Select(i => (long)i));

        await using var engine = await AuthorizationEngine.OpenAsync(store, "s");
        engine.Revision.ShouldBe(revision);
        (await engine.CheckAsync(CheckRequest.Create("user:anne", "viewer", "document:before"))).Allowed.ShouldBeTrue();
        var next = await engine.WriteAsync(new StoreWrite { Writes = [RelationshipTuple.Parse($"document:after-{prefix}#viewer@user:anne")] });
        next.Revision.ShouldBe(revision + 1);
    }

    private static Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout) => UntilAsync(() => Task.FromResult(condition()), timeout);

    private static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(2);
        }
        return false;
    }
}
