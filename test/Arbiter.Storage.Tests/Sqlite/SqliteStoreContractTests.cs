using Arbiter.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Arbiter.Storage.Tests.Sqlite;

/// <summary>The store contract on <see cref="SqliteStore"/>, each provider on a fresh temporary file.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests, IDisposable
{
    private readonly List<string> _paths = [];

    protected override async ValueTask<IStore> OpenProviderAsync(int maxWriteOperations, TimeProvider time)
    {
        var path = Path.Combine(Path.GetTempPath(), "arbiter-contract-" + Guid.NewGuid().ToString("N") + ".db");
        _paths.Add(path);
        return await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = path, MaxWriteOperations = maxWriteOperations, PollInterval = TimeSpan.FromMilliseconds(20), TimeProvider = time });
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in _paths)
        {
            foreach (var suffix in (string[])["", "-wal", "-shm"])
            {
                File.Delete(path + suffix);
            }
        }
    }
}
