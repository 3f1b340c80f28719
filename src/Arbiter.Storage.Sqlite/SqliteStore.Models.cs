using Arbiter.Model;
using Arbiter.Parsing;
using Microsoft.Data.Sqlite;

namespace Arbiter.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <inheritdoc />
    public async ValueTask<StoredModel> WriteModelAsync(string storeId, AuthorizationModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        ArgumentNullException.ThrowIfNull(model);
        var id = _ids.Next();
        var stored = model with { Id = id };
        var json = StoreQueries.ModelToJson(model, id);
        var result = await RunAsync($"write a model version to store '{storeId}'", (connection, ct) =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var store = RequireStore(connection, transaction, storeId);
            var revision = store.Revision + 1;
            var now = NowTicks();
            using (var insert = Command(connection, transaction,
                "INSERT INTO models (store, id, revision, created_at, json) VALUES ($store, $id, $revision, $created_at, $json)"))
            {
                insert.Parameters.AddWithValue("$store", store.Key);
                insert.Parameters.AddWithValue("$id", id);
                insert.Parameters.AddWithValue("$revision", revision);
                insert.Parameters.AddWithValue("$created_at", now);
                insert.Parameters.AddWithValue("$json", json);
                insert.ExecuteNonQuery();
            }
            using (var changes = new ChangeWriter(connection, transaction, store.Key, revision, now))
            {
                changes.Model(id);
            }
            SetRevision(connection, transaction, store.Key, revision);
            transaction.Commit();
            return ValueTask.FromResult(new StoredModel(id, revision, FromTicks(now), stored));
        }, cancellationToken).ConfigureAwait(false);
        _signals.Pulse(storeId);
        return result;
    }

    /// <inheritdoc />
    public async ValueTask<StoredModel?> ReadModelAsync(string storeId, string? modelId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        return await RunAsync($"read a model version of store '{storeId}'", (connection, ct) =>
        {
            using var transaction = connection.BeginTransaction(deferred: true);
            var store = RequireStore(connection, transaction, storeId);
            return ValueTask.FromResult(ReadModel(connection, transaction, store.Key, modelId));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StoredModelInfo>> ListModelsAsync(string storeId, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return await RunAsync($"list the model versions of store '{storeId}'", (connection, ct) =>
        {
            using var transaction = connection.BeginTransaction(deferred: true);
            var store = RequireStore(connection, transaction, storeId);
            using var select = Command(connection, transaction,
                "SELECT id, revision, created_at FROM models WHERE store = $store ORDER BY revision DESC, id DESC LIMIT $limit");
            select.Parameters.AddWithValue("$store", store.Key);
            select.Parameters.AddWithValue("$limit", limit);
            using var reader = select.ExecuteReader();
            var models = new List<StoredModelInfo>();
            while (reader.Read())
            {
                models.Add(new StoredModelInfo(reader.GetString(0), reader.GetInt64(1), FromTicks(reader.GetInt64(2))));
            }
            return ValueTask.FromResult<IReadOnlyList<StoredModelInfo>>(models);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A model version (the newest when <paramref name="modelId"/> is <see langword="null"/>), parsed.</summary>
    private StoredModel? ReadModel(SqliteConnection connection, SqliteTransaction transaction, long storeKey, string? modelId)
    {
        using var select = Command(connection, transaction, modelId is null
            ? "SELECT id, revision, created_at, json FROM models WHERE store = $store ORDER BY revision DESC, id DESC LIMIT 1"
            : "SELECT id, revision, created_at, json FROM models WHERE store = $store AND id = $id");
        select.Parameters.AddWithValue("$store", storeKey);
        if (modelId is not null)
        {
            select.Parameters.AddWithValue("$id", modelId);
        }
        using var reader = select.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        var id = reader.GetString(0);
        var model = StoreQueries.ParseModel(reader.GetString(3), id, Description);
        return new StoredModel(id, reader.GetInt64(1), FromTicks(reader.GetInt64(2)), model);
    }

    private static void SetRevision(SqliteConnection connection, SqliteTransaction transaction, long storeKey, long revision)
    {
        using var update = Command(connection, transaction, "UPDATE stores SET revision = $revision WHERE key = $store");
        update.Parameters.AddWithValue("$revision", revision);
        update.Parameters.AddWithValue("$store", storeKey);
        update.ExecuteNonQuery();
    }
}
