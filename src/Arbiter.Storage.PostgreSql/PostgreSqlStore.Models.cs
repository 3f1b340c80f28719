using Arbiter.Model;
using Arbiter.Parsing;
using Npgsql;

namespace Arbiter.Storage.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    public ValueTask<StoredModel> WriteModelAsync(string storeId, AuthorizationModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        ArgumentNullException.ThrowIfNull(model);
        return RunAsync($"write a model to store '{storeId}'", async (connection, ct) =>
        {
            var id = _ids.Next();
            var stored = model with { Id = id };
            var json = ModelJson.Write(stored, indented: false);
            var now = Now();
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var revision = await NextRevisionAsync(connection, transaction, storeId, ct).ConfigureAwait(false);
            await using (var command = Command(
                $"""
                INSERT INTO {_s}.models (store, id, revision, created_at, json) VALUES (@store, @id, @revision, @at, @json);
                INSERT INTO {_s}.changes (store, revision, seq, kind, committed_at, object_id) VALUES (@store, @revision, 0, {ChangeKind.ModelWritten}, @at, @id);
                SELECT pg_notify(@channel, @payload);
                """, connection, transaction))
            {
                command.Parameters.AddWithValue("store", storeId);
                command.Parameters.AddWithValue("id", id);
                command.Parameters.AddWithValue("revision", revision);
                command.Parameters.AddWithValue("at", now);
                command.Parameters.AddWithValue("json", json);
                command.Parameters.AddWithValue("channel", _channel);
                command.Parameters.AddWithValue("payload", NotificationPayload(storeId, revision));
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            _signals.Signal(storeId, revision);
            return new StoredModel(id, revision, now, stored);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<StoredModel?> ReadModelAsync(string storeId, string? modelId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        return RunAsync($"read a model of store '{storeId}'", async (connection, ct) =>
        {
            await EnsureStoreAsync(connection, null, storeId, ct).ConfigureAwait(false);
            return await ReadModelAsync(connection, null, storeId, modelId, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StoredModelInfo>> ListModelsAsync(string storeId, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        if (limit < 1)
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, $"the limit must be at least 1 but is {limit}");
        }
        return await RunAsync<IReadOnlyList<StoredModelInfo>>($"list the models of store '{storeId}'", async (connection, ct) =>
        {
            await EnsureStoreAsync(connection, null, storeId, ct).ConfigureAwait(false);
            await using var command = Command(
                $"SELECT id, revision, created_at FROM {_s}.models WHERE store = @store ORDER BY revision DESC, id DESC LIMIT @limit", connection);
            command.Parameters.AddWithValue("store", storeId);
            command.Parameters.AddWithValue("limit", limit);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            var models = new List<StoredModelInfo>();
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                models.Add(new StoredModelInfo(reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2)));
            }
            return models;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<StoredModel?> ReadModelAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string storeId, string? modelId, CancellationToken cancellationToken)
    {
        await using var command = Command(modelId is null
            ? $"SELECT id, revision, created_at, json FROM {_s}.models WHERE store = @store ORDER BY revision DESC, id DESC LIMIT 1"
            : $"SELECT id, revision, created_at, json FROM {_s}.models WHERE store = @store AND id = @id", connection, transaction);
        command.Parameters.AddWithValue("store", storeId);
        if (modelId is not null)
        {
            command.Parameters.AddWithValue("id", modelId);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        var id = reader.GetString(0);
        var parsed = ModelJson.Parse(reader.GetString(3));
        if (!parsed.Success)
        {
            throw new ArbiterStorageException($"model '{id}' of store '{storeId}' on {Description} cannot be read back: its stored JSON is invalid", isTransient: false);
        }
        return new StoredModel(id, reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2), parsed.Model! with { Id = id });
    }

    /// <summary>Throws <see cref="ArbiterErrorCode.StoreNotFound"/> when the store does not exist.</summary>
    private async Task EnsureStoreAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string storeId, CancellationToken cancellationToken) =>
        await ReadRevisionAsync(connection, transaction, storeId, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Takes the store's next revision inside <paramref name="transaction"/>. The row lock it takes serializes the writers of
    /// one store until commit, so revisions commit in order and without gaps (also under READ COMMITTED).
    /// </summary>
    private async Task<long> NextRevisionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string storeId, CancellationToken cancellationToken)
    {
        await using var command = Command($"UPDATE {_s}.stores SET revision = revision + 1 WHERE id = @id RETURNING revision", connection, transaction);
        command.Parameters.AddWithValue("id", storeId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long revision
            ? revision
            : throw StoreNotFound(storeId);
    }

    private static string NotificationPayload(string storeId, long revision) =>
        storeId + ":" + revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
