using Arbiter.Storage.Sqlite;
using Arbiter.Storage.Tests.Engine;
using Microsoft.Data.Sqlite;

namespace Arbiter.Storage.Tests.Sqlite;

/// <summary>
/// An engine following a <see cref="SqliteStore"/> on a temporary file; the second provider is another
/// <see cref="SqliteStore"/> on the same file with a connection pool of its own, as another process would have.
/// </summary>
public sealed class SqliteEngineFollowerTests : EngineFollowerTests, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "arbiter-follower-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly List<SqliteStore> _second = [];

    protected override async ValueTask<IStore> OpenProviderAsync() =>
        await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = _path, PollInterval = TimeSpan.FromMilliseconds(20) });

    protected override async ValueTask<IStore> OpenSecondProviderAsync(IStore first)
    {
        var second = await SqliteStore.OpenAsync(new SqliteStoreOptions
        {
            ConnectionString = $"Data Source={_path};Cache=Private",
            PollInterval = TimeSpan.FromMilliseconds(20),
        });
        _second.Add(second);
        return second;
    }

    public void Dispose()
    {
        foreach (var store in _second)
        {
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in (string[])["", "-wal", "-shm"])
        {
            File.Delete(_path + suffix);
        }
    }
}
