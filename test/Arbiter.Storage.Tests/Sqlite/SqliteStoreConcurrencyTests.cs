using System.Collections.Concurrent;
using System.Diagnostics;
using Arbiter.Storage.Sqlite;
using static Arbiter.Storage.Tests.Sqlite.SqliteTestData;

namespace Arbiter.Storage.Tests.Sqlite;

public sealed class SqliteStoreConcurrencyTests : IAsyncLifetime
{
    private readonly SqliteTestFile _file = new();
    private SqliteStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await _file.OpenAsync();
        await _store.CreateStoreAsync("s");
    }

    public async Task DisposeAsync() => await _file.DisposeAsync();

    [Fact]
    public async Task ConcurrentWriters_OnSeveralConnectionPools_GetDistinctGapFreeRevisions()
    {
        // different connection strings: different pools, as separate processes would have
        SqliteStore[] stores =
        [
            _store,
            await _file.OpenAsync(new SqliteStoreOptions { ConnectionString = $"Data Source={_file.Path};Cache=Private" }),
            await _file.OpenAsync(new SqliteStoreOptions { ConnectionString = $"Data Source={_file.Path};Cache=Default" }),
        ];
        var results = new ConcurrentBag<(long Revision, int Writer, int Index)>();

        await Task.WhenAll(Enumerable.Range(0, 9).Select(writer => Task.Run(async () =>
        {
            var store = stores[writer % stores.Length];
            for (var i = 0; i < 20; i++)
            {
                var result = await store.WriteAsync("s", Writes([Tuple($"document:w{writer}-{i}#viewer@user:x")]));
                results.Add((result.Revision, writer, i));
            }
        })));

        results.Select(static r => r.Revision).Order().ShouldBe(Enumerable.Range(1, 180).Select(static r => (long)r));
        var changes = await _store.ReadChangesAsync("s", 0);
        changes.Select(static c => c.Revision).ShouldBe(Enumerable.Range(1, 180).Select(static r => (long)r));
        foreach (var (revision, writer, index) in results)
        {
            Text(changes[(int)revision - 1].Written.ShouldHaveSingleItem()).ShouldBe($"document:w{writer}-{index}#viewer@user:x");
        }
    }

    [Fact]
    public async Task Write_WhileAnotherConnectionHoldsTheLock_WaitsForIt()
    {
        using var other = _file.Connect();
        using var transaction = other.BeginTransaction(deferred: false);

        // Microsoft.Data.Sqlite does its I/O synchronously: the write blocks its thread while it waits for the lock
        var write = Task.Run(async () => await _store.WriteAsync("s", Writes(Viewers(1))));
        await Task.Delay(300);
        write.IsCompleted.ShouldBeFalse();
        transaction.Commit();

        (await write).Revision.ShouldBe(1);
    }

    [Fact]
    public async Task Write_LockHeldPastTheBusyTimeout_IsATransientStorageError()
    {
        var impatient = await _file.OpenAsync(new SqliteStoreOptions { Path = _file.Path, BusyTimeout = TimeSpan.FromMilliseconds(200) });
        using var other = _file.Connect();
        using var transaction = other.BeginTransaction(deferred: false);

        var error = await Should.ThrowAsync<ArbiterStorageException>(async () => await impatient.WriteAsync("s", Writes(Viewers(1))));

        error.IsTransient.ShouldBeTrue();
        error.Message.ShouldContain("store 's'");
        error.Message.ShouldContain(_file.Path);
        error.Message.ShouldNotContain("user:u0");
    }

    [Fact]
    public async Task WaitForRevision_WriteInThisProcess_WakesTheWaiterAtOnce()
    {
        var patient = await _file.OpenAsync(_file.Options(pollInterval: TimeSpan.FromMinutes(5)));
        var clock = Stopwatch.StartNew();
        var wait = patient.WaitForRevisionAsync("s", 0, TimeSpan.FromMinutes(1)).AsTask();
        await Task.Delay(100);
        wait.IsCompleted.ShouldBeFalse();

        await _store.WriteAsync("s", Writes(Viewers(1)));

        (await wait.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(1);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitForRevision_CommitByAnotherConnection_IsFoundByPolling()
    {
        var polling = await _file.OpenAsync(_file.Options(pollInterval: TimeSpan.FromMilliseconds(20)));
        var wait = polling.WaitForRevisionAsync("s", 0, TimeSpan.FromMinutes(1)).AsTask();
        await Task.Delay(100);
        wait.IsCompleted.ShouldBeFalse();

        // what another process's commit looks like to this one: no in-process signal, only a new data_version
        _file.Scalar("UPDATE stores SET revision = revision + 1 WHERE id = 's'");

        (await wait.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(1);
    }

    [Fact]
    public async Task WaitForRevision_NothingCommitted_ReturnsTheRevisionAtTheTimeout()
    {
        await _store.WriteAsync("s", Writes(Viewers(1)));
        var clock = Stopwatch.StartNew();

        var revision = await _store.WaitForRevisionAsync("s", 1, TimeSpan.FromMilliseconds(300));

        revision.ShouldBe(1);
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250));
        (await _store.WaitForRevisionAsync("s", 0, TimeSpan.FromMinutes(1))).ShouldBe(1);
        (await _store.WaitForRevisionAsync("s", 1, TimeSpan.Zero)).ShouldBe(1);
    }

    [Fact]
    public async Task WaitForRevision_Canceled_Throws()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Should.ThrowAsync<OperationCanceledException>(async () =>
            await _store.WaitForRevisionAsync("s", 0, TimeSpan.FromMinutes(1), cancel.Token));
    }
}
