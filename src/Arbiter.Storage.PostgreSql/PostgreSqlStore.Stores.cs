using Npgsql;

namespace Arbiter.Storage.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    public async ValueTask<StoreInfo> CreateStoreAsync(string? id = null, string? name = null, CancellationToken cancellationToken = default)
    {
        id ??= _ids.Next();
        if (!StoreIds.IsValidStoreId(id, out var error))
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, error!);
        }
        var store = new StoreInfo(id, name ?? id, Now());
        return await RunAsync($"create store '{id}'", async (connection, ct) =>
        {
            await using var command = Command(
                $"INSERT INTO {_s}.stores (id, name, created_at) VALUES (@id, @name, @at) ON CONFLICT (id) DO NOTHING", connection);
            command.Parameters.AddWithValue("id", store.Id);
            command.Parameters.AddWithValue("name", store.Name);
            command.Parameters.AddWithValue("at", store.CreatedAt);
            if (await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
            {
                throw new ArbiterException(ArbiterErrorCode.StoreExists, $"store '{store.Id}' exists already");
            }
            return store;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteStoreAsync(string storeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        return RunAsync($"delete store '{storeId}'", async (connection, ct) =>
        {
            await using var command = Command($"DELETE FROM {_s}.stores WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", storeId);
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<StoreInfo?> GetStoreAsync(string storeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        return RunAsync($"read store '{storeId}'", async (connection, ct) =>
        {
            await using var command = Command($"SELECT id, name, created_at FROM {_s}.stores WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", storeId);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await reader.ReadAsync(ct).ConfigureAwait(false) ? ReadStore(reader) : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoreInfo>> ListStoresAsync(CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<StoreInfo>>("list the stores", async (connection, ct) =>
        {
            await using var command = Command($"SELECT id, name, created_at FROM {_s}.stores ORDER BY id", connection);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            var stores = new List<StoreInfo>();
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                stores.Add(ReadStore(reader));
            }
            return stores;
        }, cancellationToken);

    /// <inheritdoc />
    public ValueTask<long> ReadRevisionAsync(string storeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        return RunAsync($"read the revision of store '{storeId}'",
            (connection, ct) => ReadRevisionAsync(connection, null, storeId, ct), cancellationToken);
    }

    private async Task<long> ReadRevisionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string storeId, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT revision FROM {_s}.stores WHERE id = @id", connection, transaction);
        command.Parameters.AddWithValue("id", storeId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long revision
            ? revision
            : throw StoreNotFound(storeId);
    }

    private static StoreInfo ReadStore(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2));
}
