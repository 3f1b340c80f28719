using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Arbiter.Storage.Sqlite;

/// <summary>
/// Arbiter's embedded default store: every store of a deployment in one SQLite file (Microsoft.Data.Sqlite), in WAL mode
/// so that readers never block the writer, with its schema created and migrated when it opens.
/// </summary>
/// <remarks>
/// <para>
/// Durability: <c>PRAGMA synchronous=FULL</c>. In WAL mode <c>NORMAL</c> already keeps every committed write through a
/// process crash or kill, but may lose the last writes on a power cut or OS crash, after their revisions were handed out
/// as consistency tokens; a token must never come to name a different write, so every commit syncs the WAL (one
/// <c>fsync</c> per write, not per tuple).
/// </para>
/// <para>
/// Concurrency: a write is one <c>BEGIN IMMEDIATE</c> transaction, so writers of every process serialize on the file's
/// write lock (waiting up to <see cref="SqliteStoreOptions.BusyTimeout"/>), and the revision is read and bumped inside it:
/// revisions are gap-free and distinct across processes. Readers take their own snapshot (WAL) and never wait.
/// </para>
/// <para>
/// Idempotency keys are kept without expiry. A write that changes nothing commits no revision; when it carries an
/// idempotency key, the key is still recorded with the store's current revision, so a retry replays that revision and a
/// different write under the same key is refused.
/// </para>
/// Thread-safe: every operation takes a pooled connection of its own.
/// </remarks>
public sealed partial class SqliteStore : IStore
{
    private readonly string _connectionString;
    private readonly string _fullPath;
    private readonly string _pragmas;
    private readonly SqliteStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly StoreIds _ids;
    private readonly RevisionSignals _signals;
    private int _disposed;

    /// <summary>Opens (creating and migrating when needed) the database that <paramref name="options"/> names.</summary>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="SqliteStoreOptions.Validate"/>).</exception>
    /// <exception cref="ArbiterStorageException">The file cannot be opened or migrated: its directory is missing, it is not a database or is corrupt, or its schema is newer than this code.</exception>
    public static async ValueTask<SqliteStore> OpenAsync(SqliteStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = new SqliteStore(options);
        await store.InitializeAsync(SqliteSchema.CurrentVersion, cancellationToken).ConfigureAwait(false);
        return store;
    }

    /// <summary>Opens a store migrated only to <paramref name="schemaVersion"/> (tests of migrations).</summary>
    internal static async ValueTask<SqliteStore> OpenAtVersionAsync(SqliteStoreOptions options, int schemaVersion, CancellationToken cancellationToken = default)
    {
        var store = new SqliteStore(options);
        await store.InitializeAsync(schemaVersion, cancellationToken).ConfigureAwait(false);
        return store;
    }

    private SqliteStore(SqliteStoreOptions options)
    {
        (_fullPath, _connectionString) = options.Resolve();
        _options = options;
        _time = options.TimeProvider;
        _ids = new StoreIds(_time);
        _signals = RevisionSignals.For(_fullPath);
        _pragmas = "PRAGMA busy_timeout = " + ((long)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)
            + "; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768;";
        Description = "sqlite:" + _fullPath;
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>The full path of the database file.</summary>
    public string FilePath => _fullPath;

    /// <summary>The schema version this code creates and reads (<c>PRAGMA user_version</c> of the file).</summary>
    public static int SchemaVersion => SqliteSchema.CurrentVersion;

    /// <summary>Releases the pooled connections of this file (so that it can be moved or deleted).</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }
        return ValueTask.CompletedTask;
    }

    private async ValueTask InitializeAsync(int schemaVersion, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(_fullPath);
        if (!string.IsNullOrEmpty(directory) && !System.IO.Directory.Exists(directory))
        {
            throw new ArbiterStorageException($"cannot open {Description}: the directory '{directory}' does not exist", isTransient: false);
        }
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL";
                var mode = Convert.ToString(wal.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArbiterStorageException($"cannot open {Description}: SQLite refused WAL mode (journal mode is '{mode}')", isTransient: false);
                }
            }
            SqliteSchema.Migrate(connection, Description, schemaVersion);
        }
        catch (SqliteException ex) when (!cancellationToken.IsCancellationRequested)
        {
            await DisposeAsync().ConfigureAwait(false);
            throw SqliteErrors.Map(ex, "open the database", Description);
        }
        catch
        {
            await DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A pooled connection with this store's per-connection settings applied.</summary>
    private async ValueTask<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = _pragmas;
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> on a connection of its own and turns SQLite's errors into storage exceptions naming
    /// <paramref name="operation"/> (and cancellation into <see cref="OperationCanceledException"/>).
    /// </summary>
    private async ValueTask<T> RunAsync<T>(string operation, Func<SqliteConnection, CancellationToken, ValueTask<T>> body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await body(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("the operation was canceled", ex, cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, operation, Description);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private long NowTicks() => _time.GetUtcNow().UtcTicks;

    private static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    private static ArbiterException StoreNotFound(string storeId) => StoreQueries.NotFound(storeId);

    /// <summary>The store's row, or <see langword="null"/>.</summary>
    private static StoreRow? FindStore(SqliteConnection connection, SqliteTransaction? transaction, string storeId)
    {
        using var command = Command(connection, transaction, "SELECT key, revision, first_revision, name, created_at FROM stores WHERE id = $id");
        command.Parameters.AddWithValue("$id", storeId);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new StoreRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), new StoreInfo(storeId, reader.GetString(3), FromTicks(reader.GetInt64(4))))
            : null;
    }

    /// <summary>The store's row; throws <see cref="ArbiterErrorCode.StoreNotFound"/> when there is none.</summary>
    private static StoreRow RequireStore(SqliteConnection connection, SqliteTransaction? transaction, string storeId) =>
        FindStore(connection, transaction, storeId) ?? throw StoreNotFound(storeId);

    /// <summary>A store's row in <c>stores</c>.</summary>
    private sealed record StoreRow(long Key, long Revision, long FirstRevision, StoreInfo Info);
}
