namespace Arbiter.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <inheritdoc />
    public async ValueTask<StoreInfo> CreateStoreAsync(string? id = null, string? name = null, CancellationToken cancellationToken = default)
    {
        var storeId = id ?? _ids.Next();
        if (!StoreIds.IsValidStoreId(storeId, out var error))
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, error ?? "invalid store id");
        }
        var info = new StoreInfo(storeId, name ?? storeId, FromTicks(NowTicks()));
        return await RunAsync($"create store '{storeId}'", (connection, ct) =>
        {
            using var insert = Command(connection, null,
                "INSERT INTO stores (id, name, created_at) VALUES ($id, $name, $created_at) ON CONFLICT (id) DO NOTHING");
            insert.Parameters.AddWithValue("$id", info.Id);
            insert.Parameters.AddWithValue("$name", info.Name);
            insert.Parameters.AddWithValue("$created_at", info.CreatedAt.UtcTicks);
            if (insert.ExecuteNonQuery() == 0)
            {
                throw new ArbiterException(ArbiterErrorCode.StoreExists, $"store '{info.Id}' exists already");
            }
            return ValueTask.FromResult(info);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteStoreAsync(string storeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        var deleted = await RunAsync($"delete store '{storeId}'", (connection, ct) =>
        {
            // the store's models, tuples, attributes, changes and idempotency keys go with it (ON DELETE CASCADE)
            using var transaction = connection.BeginTransaction(deferred: false);
            using var delete = Command(connection, transaction, "DELETE FROM stores WHERE id = $id");
            delete.Parameters.AddWithValue("$id", storeId);
            var count = delete.ExecuteNonQuery();
            transaction.Commit();
            return ValueTask.FromResult(count > 0);
        }, cancellationToken).ConfigureAwait(false);
        if (deleted)
        {
            _signals.Pulse(storeId);
        }
        return deleted;
    }

    /// <inheritdoc />
    public async ValueTask<StoreInfo?> GetStoreAsync(string storeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        return await RunAsync($"read store '{storeId}'",
            (connection, ct) => ValueTask.FromResult(FindStore(connection, null, storeId)?.Info), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoreInfo>> ListStoresAsync(CancellationToken cancellationToken = default) =>
        RunAsync("list the stores", (connection, ct) =>
        {
            using var select = Command(connection, null, "SELECT id, name, created_at FROM stores ORDER BY id");
            using var reader = select.ExecuteReader();
            var stores = new List<StoreInfo>();
            while (reader.Read())
            {
                stores.Add(new StoreInfo(reader.GetString(0), reader.GetString(1), FromTicks(reader.GetInt64(2))));
            }
            return ValueTask.FromResult<IReadOnlyList<StoreInfo>>(stores);
        }, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<long> ReadRevisionAsync(string storeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        return await RunAsync($"read the revision of store '{storeId}'",
            (connection, ct) => ValueTask.FromResult(ReadRevision(connection, storeId)), cancellationToken).ConfigureAwait(false);
    }

    private static long ReadRevision(Microsoft.Data.Sqlite.SqliteConnection connection, string storeId)
    {
        using var select = Command(connection, null, "SELECT revision FROM stores WHERE id = $id");
        select.Parameters.AddWithValue("$id", storeId);
        return select.ExecuteScalar() is long revision ? revision : throw StoreNotFound(storeId);
    }
}
