using System.Text.RegularExpressions;
using Arbiter.Storage;
using Npgsql;

namespace Arbiter.Storage.PostgreSql;

/// <summary>Settings of a <see cref="PostgreSqlStore"/>. Set either <see cref="ConnectionString"/> or <see cref="DataSource"/>.</summary>
public sealed partial class PostgreSqlStoreOptions
{
    /// <summary>The Npgsql connection string, e.g. <c>Host=db;Username=arbiter;Password=...;Database=arbiter</c>.</summary>
    /// <value>Default: <see langword="null"/>; required unless <see cref="DataSource"/> is set. The store creates and disposes its own data source.</value>
    public string? ConnectionString { get; set; }

    /// <summary>A data source the application owns (the store uses it and never disposes it).</summary>
    /// <value>Default: <see langword="null"/>; required unless <see cref="ConnectionString"/> is set.</value>
    public NpgsqlDataSource? DataSource { get; set; }

    /// <summary>
    /// The PostgreSQL schema that holds the store's tables; created and migrated when the store is first used.
    /// Lower-case letters, digits and <c>_</c>, starting with a letter or <c>_</c>, at most 48 characters.
    /// </summary>
    /// <value>Default: <c>arbiter</c>.</value>
    public string Schema { get; set; } = "arbiter";

    /// <summary>The largest number of operations one write may carry (see <see cref="StoreWrites.Validate"/>).</summary>
    /// <value>Default: <see cref="StoreWrites.DefaultMaxOperations"/> (100,000).</value>
    public int MaxWriteOperations { get; set; } = StoreWrites.DefaultMaxOperations;

    /// <summary>
    /// How often <see cref="PostgreSqlStore.WaitForRevisionAsync"/> reads the revision when no notification arrives: the fallback
    /// for a lost <c>LISTEN</c> connection or a database without <c>LISTEN/NOTIFY</c>.
    /// </summary>
    /// <value>Default: 1 second. Must be positive.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether the store keeps a connection that <c>LISTEN</c>s for commits of other servers, so that waiters wake at once.
    /// Turn it off for databases without <c>LISTEN/NOTIFY</c> (e.g. CockroachDB); waiters then poll at <see cref="PollInterval"/>.
    /// </summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool ListenForChanges { get; set; } = true;

    /// <summary>
    /// The number of tuples (to write, or to delete) from which a write sends them with binary <c>COPY</c> into a temporary
    /// table instead of as array parameters.
    /// </summary>
    /// <value>
    /// Default: 20,000. Must be at least 1. At 10,000 tuples both ways measured the same (about 0.3 s on a small test server);
    /// arrays save the temporary table's catalog work, so <c>COPY</c> is kept for the largest batches.
    /// </value>
    public int CopyThreshold { get; set; } = 20_000;

    /// <summary>The clock for creation and commit times.</summary>
    /// <value>Default: <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range; the message names it.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) == (DataSource is null))
        {
            throw new ArgumentException($"set exactly one of {nameof(ConnectionString)} and {nameof(DataSource)}");
        }
        if (Schema is null || !SchemaName().IsMatch(Schema))
        {
            throw new ArgumentException(
                $"{nameof(Schema)} must be 1 to 48 of lower-case letters, digits and '_', starting with a letter or '_', but is '{Schema}'");
        }
        if (MaxWriteOperations < 1)
        {
            throw new ArgumentException($"{nameof(MaxWriteOperations)} must be at least 1 but is {MaxWriteOperations}");
        }
        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(PollInterval)} must be positive but is {PollInterval}");
        }
        if (CopyThreshold < 1)
        {
            throw new ArgumentException($"{nameof(CopyThreshold)} must be at least 1 but is {CopyThreshold}");
        }
        if (TimeProvider is null)
        {
            throw new ArgumentException($"{nameof(TimeProvider)} must not be null");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,47}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
