using Arbiter.Storage;
using Arbiter.Storage.PostgreSql;
using Arbiter.Storage.Sqlite;
using Npgsql;

namespace Arbiter.Benchmarks;

/// <summary>
/// Opens and removes the stores the storage benchmarks use: a fresh SQLite file in the temp directory, or a fresh schema on
/// the PostgreSQL server named by <c>ARBITER_POSTGRES</c> (run <c>.ci/postgres.sh</c> and export its output).
/// </summary>
internal static class BenchStores
{
    public const string StoreId = "bench";

    /// <summary>The PostgreSQL connection string, or <see langword="null"/> when the PostgreSQL cases are skipped.</summary>
    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable("ARBITER_POSTGRES") is { Length: > 0 } value ? value : null;

    /// <summary>
    /// The store kinds that can run here (for <c>[ParamsSource]</c>): PostgreSQL only when <c>ARBITER_POSTGRES</c> is set.
    /// Says so on the console when it is not, so that a report without PostgreSQL rows is explained in the log.
    /// </summary>
    public static IEnumerable<StoreKind> Available()
    {
        yield return StoreKind.Sqlite;
        if (PostgresConnectionString is not null)
        {
            yield return StoreKind.PostgreSql;
        }
        else
        {
            Console.WriteLine("// PostgreSQL cases skipped: ARBITER_POSTGRES is not set (run .ci/postgres.sh and export its connection string)");
        }
    }

    /// <summary>A new, empty database for <paramref name="kind"/>: a SQLite file name or a PostgreSQL schema name.</summary>
    public static string NewLocation(StoreKind kind) => kind == StoreKind.Sqlite
        ? Path.Combine(Path.GetTempPath(), "arbiter-bench-" + Guid.NewGuid().ToString("N")[..12] + ".db")
        : "bench_" + Guid.NewGuid().ToString("N")[..20];

    /// <summary>
    /// Opens a provider on <paramref name="location"/> (from <see cref="NewLocation"/>). Every call gives a separate
    /// instance: for PostgreSQL its own connection pool and <c>LISTEN</c> connection, as a second server would have.
    /// </summary>
    public static async Task<IStore> OpenAsync(StoreKind kind, string location, TimeSpan? pollInterval = null)
    {
        if (kind == StoreKind.Sqlite)
        {
            return await SqliteStore.OpenAsync(new SqliteStoreOptions
            {
                Path = location,
                PollInterval = pollInterval ?? TimeSpan.FromMilliseconds(100),
            }).ConfigureAwait(false);
        }
        var connectionString = PostgresConnectionString
            ?? throw new InvalidOperationException("ARBITER_POSTGRES is not set: run .ci/postgres.sh and export its connection string");
        return new PostgreSqlStore(new PostgreSqlStoreOptions
        {
            // distinct application names keep the two "servers" of the propagation benchmark in separate pools
            ConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "arbiter-bench-" + Guid.NewGuid().ToString("N")[..8] }.ConnectionString,
            Schema = location,
            PollInterval = pollInterval ?? TimeSpan.FromSeconds(1),
        });
    }

    /// <summary>Deletes what <see cref="NewLocation"/> named (after every provider on it was disposed).</summary>
    public static async Task DeleteAsync(StoreKind kind, string location)
    {
        if (kind == StoreKind.Sqlite)
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(location + suffix);
            }
            return;
        }
        if (PostgresConnectionString is { } connectionString)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{location}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Creates the benchmark store with the storage model as its first model version.</summary>
    public static async Task CreateWithModelAsync(IStore store)
    {
        await store.CreateStoreAsync(StoreId, "benchmark").ConfigureAwait(false);
        await store.WriteModelAsync(StoreId, StorageModel.Model).ConfigureAwait(false);
    }
}
