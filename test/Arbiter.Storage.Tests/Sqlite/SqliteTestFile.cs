using Arbiter.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Arbiter.Storage.Tests.Sqlite;

/// <summary>A temporary database file, deleted (with its WAL and shared-memory files) at the end of a test.</summary>
internal sealed class SqliteTestFile : IAsyncDisposable
{
    private readonly List<SqliteStore> _stores = [];

    public SqliteTestFile()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "arbiter-test-" + Guid.NewGuid().ToString("N") + ".db");
    }

    public string Path { get; }

    public SqliteStoreOptions Options(TimeProvider? time = null, TimeSpan? pollInterval = null) => new()
    {
        Path = Path,
        TimeProvider = time ?? TimeProvider.System,
        PollInterval = pollInterval ?? TimeSpan.FromMilliseconds(100),
    };

    /// <summary>Opens a store on the file; it is disposed with the file.</summary>
    public async Task<SqliteStore> OpenAsync(SqliteStoreOptions? options = null)
    {
        var store = await SqliteStore.OpenAsync(options ?? Options());
        _stores.Add(store);
        return store;
    }

    /// <summary>A raw connection to the file (not pooled), for looking under the store.</summary>
    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public object? Scalar(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in (string[])["", "-wal", "-shm", "-journal"])
        {
            try
            {
                File.Delete(Path + suffix);
            }
            catch (IOException)
            {
                // best effort
            }
        }
    }
}
