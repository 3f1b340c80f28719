using Npgsql;

namespace Arbiter.Storage.PostgreSql;

/// <summary>
/// A store provider on PostgreSQL, for many servers sharing one database: each write is one transaction that takes the
/// store's next revision under a row lock (so revisions commit in order, without gaps), large writes travel by binary
/// <c>COPY</c>, and commits are announced with <c>NOTIFY</c> so that waiting servers wake at once (with polling as a fallback).
/// The tables live in their own schema (<see cref="PostgreSqlStoreOptions.Schema"/>), created and migrated on first use.
/// Thread-safe; dispose it to close its listening connection (and its data source when it made it).
/// </summary>
public sealed partial class PostgreSqlStore : IStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly string _schema;
    private readonly string _s;
    private readonly string _channel;
    private readonly int _maxOperations;
    private readonly int _copyThreshold;
    private readonly TimeSpan _pollInterval;
    private readonly bool _listen;
    private readonly TimeProvider _time;
    private readonly StoreIds _ids;
    private readonly SemaphoreSlim _migrationLock = new(1, 1);
    private readonly RevisionSignals _signals = new();
    private readonly Lock _listenerLock = new();
    private readonly CancellationTokenSource _disposing = new();
    private volatile bool _migrated;
    private ChangeListener? _listener;
    private int _disposed;

    /// <summary>Creates the store provider. No connection is made until the first operation.</summary>
    /// <param name="options">The settings; checked with <see cref="PostgreSqlStoreOptions.Validate"/>.</param>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public PostgreSqlStore(PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _ownsDataSource = options.DataSource is null;
        _dataSource = options.DataSource ?? NpgsqlDataSource.Create(options.ConnectionString!);
        _schema = options.Schema;
        _s = PostgreSqlMigrations.Quote(_schema);
        _channel = _schema + "_changes";
        _maxOperations = options.MaxWriteOperations;
        _copyThreshold = options.CopyThreshold;
        _pollInterval = options.PollInterval;
        _listen = options.ListenForChanges;
        _time = options.TimeProvider;
        _ids = new StoreIds(_time);
        var builder = new NpgsqlConnectionStringBuilder(_dataSource.ConnectionString);
        Description = $"postgresql:host={builder.Host};port={builder.Port};database={builder.Database};schema={_schema}";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>The notification channel of this schema's commits (payload <c>storeId:revision</c>).</summary>
    internal string Channel => _channel;

    /// <summary>The quoted schema name, for tests that look at the tables.</summary>
    internal string QuotedSchema => _s;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _disposing.CancelAsync().ConfigureAwait(false);
        ChangeListener? listener;
        lock (_listenerLock)
        {
            listener = _listener;
        }
        if (listener is not null)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
        _migrationLock.Dispose();
        _disposing.Dispose();
    }

    /// <summary>Opens a connection, creating or migrating the schema first when this provider has not done so yet.</summary>
    private async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (!_migrated)
        {
            await _migrationLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!_migrated)
                {
                    await using var migrating = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                    await PostgreSqlMigrations.MigrateAsync(migrating, _schema, cancellationToken).ConfigureAwait(false);
                    _migrated = true;
                }
            }
            finally
            {
                _migrationLock.Release();
            }
        }
        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="body"/> on an open connection, turning database failures into <see cref="ArbiterStorageException"/>s.</summary>
    private async ValueTask<T> RunAsync<T>(string what, Func<NpgsqlConnection, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await body(connection, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (PostgreSqlErrors.IsDatabaseFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw PostgreSqlErrors.Wrap(ex, what, Description);
        }
    }

    /// <summary>The store's clock, to the microsecond (what <c>timestamptz</c> keeps).</summary>
    private DateTimeOffset Now()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero);
    }

    private static ArbiterException StoreNotFound(string storeId) =>
        new(ArbiterErrorCode.StoreNotFound, $"store '{storeId}' not found");

    private static NpgsqlCommand Command(string sql, NpgsqlConnection connection, NpgsqlTransaction? transaction = null) =>
        new(sql, connection, transaction);
}
