using Microsoft.Data.Sqlite;

namespace Arbiter.Storage.Sqlite;

/// <summary>
/// Settings of a <see cref="SqliteStore"/>: which file, how long to wait for other writers, how often to look for
/// commits of other processes. Set either <see cref="Path"/> or <see cref="ConnectionString"/>; <see cref="Validate"/>
/// checks them when the store opens.
/// </summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file; created (with its schema) when it does not exist. Its directory must exist.</summary>
    /// <value>Default: <see langword="null"/>; set this or <see cref="ConnectionString"/>.</value>
    public string? Path { get; init; }

    /// <summary>
    /// A Microsoft.Data.Sqlite connection string naming a file (<c>Data Source=/var/lib/arbiter/arbiter.db</c>), for settings
    /// beyond the path (e.g. <c>Password</c> with SQLCipher). In-memory databases are refused: use <c>InMemoryStore</c>.
    /// </summary>
    /// <value>Default: <see langword="null"/>; set this or <see cref="Path"/>.</value>
    public string? ConnectionString { get; init; }

    /// <summary>The largest number of operations (tuples, attribute entries, preconditions) one write may carry.</summary>
    /// <value>Default: <see cref="StoreWrites.DefaultMaxOperations"/> (100,000).</value>
    public int MaxWriteOperations { get; init; } = StoreWrites.DefaultMaxOperations;

    /// <summary>
    /// How often <see cref="SqliteStore.WaitForRevisionAsync"/> looks for commits made by other processes (writes of this
    /// process wake waiters at once). Each look is one <c>PRAGMA data_version</c>, a few microseconds.
    /// </summary>
    /// <value>Default: 100 milliseconds.</value>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long a statement waits for the database lock held by another writer (of this or another process) before it
    /// fails with a transient <see cref="ArbiterStorageException"/>.
    /// </summary>
    /// <value>Default: 5 seconds.</value>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock for commit times, creation times and the ids of stores and model versions.</summary>
    /// <value>Default: <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws when the settings make no sense.</summary>
    /// <exception cref="ArgumentException">Neither or both of <see cref="Path"/> and <see cref="ConnectionString"/> are set, the connection string is malformed or names an in-memory database.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit or interval is zero or negative.</exception>
    /// <exception cref="ArgumentNullException"><see cref="TimeProvider"/> is <see langword="null"/>.</exception>
    public void Validate() => _ = Resolve();

    /// <summary>Validates and returns the file's full path and the connection string the store uses.</summary>
    internal (string FullPath, string ConnectionString) Resolve()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxWriteOperations);
        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "The poll interval must be positive.");
        }
        if (BusyTimeout <= TimeSpan.Zero || BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(BusyTimeout), BusyTimeout, "The busy timeout must be positive and at most 24 days.");
        }
        if (string.IsNullOrWhiteSpace(Path) == string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("Set either Path or ConnectionString of the SQLite store (exactly one).", nameof(Path));
        }
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = ConnectionString is { Length: > 0 } text ? new SqliteConnectionStringBuilder(text) : new SqliteConnectionStringBuilder { DataSource = Path };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new ArgumentException("The SQLite connection string is malformed: " + ex.Message, nameof(ConnectionString), ex);
        }
        var dataSource = builder.DataSource;
        if (string.IsNullOrWhiteSpace(dataSource) || builder.Mode == SqliteOpenMode.Memory
            || string.Equals(dataSource, ":memory:", StringComparison.Ordinal))
        {
            throw new ArgumentException("The SQLite store needs a database file (an in-memory or unnamed database is not shared between connections; use InMemoryStore).", nameof(ConnectionString));
        }
        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            throw new ArgumentException("The SQLite store writes its schema and revisions: Mode=ReadOnly is not supported.", nameof(ConnectionString));
        }
        var fullPath = System.IO.Path.GetFullPath(dataSource);
        builder.DataSource = fullPath;
        builder.Pooling = true;
        builder.DefaultTimeout = (int)Math.Ceiling(BusyTimeout.TotalSeconds);
        return (fullPath, builder.ToString());
    }
}
