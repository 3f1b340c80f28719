using Arbiter.Parsing;
using Npgsql;
using NpgsqlTypes;

namespace Arbiter.Storage.PostgreSql;

public sealed partial class PostgreSqlStore
{
    private const int ImportCheckChunk = 4096;

    /// <inheritdoc />
    /// <remarks>One transaction; tuples and attributes go in by binary <c>COPY</c>. A key given twice fails the whole import.</remarks>
    public async ValueTask ImportAsync(string storeId, StoreImport import, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        ArgumentNullException.ThrowIfNull(import);
        if (import.Revision < 0)
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, $"an import's revision must be 0 or more but is {import.Revision}");
        }
        ArgumentNullException.ThrowIfNull(import.Tuples);
        ArgumentNullException.ThrowIfNull(import.Attributes);
        await RunAsync<bool>($"import into store '{storeId}'", async (connection, ct) =>
        {
            await ImportAsync(connection, storeId, import, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task ImportAsync(NpgsqlConnection connection, string storeId, StoreImport import, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var check = Command(
            $"""
            SELECT s.revision = 0
               AND NOT EXISTS (SELECT 1 FROM {_s}.models WHERE store = s.id)
               AND NOT EXISTS (SELECT 1 FROM {_s}.tuples WHERE store = s.id)
               AND NOT EXISTS (SELECT 1 FROM {_s}.attributes WHERE store = s.id)
            FROM {_s}.stores s WHERE s.id = @id FOR UPDATE
            """, connection, transaction))
        {
            check.Parameters.AddWithValue("id", storeId);
            switch (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))
            {
                case null:
                    throw StoreNotFound(storeId);
                case false:
                    throw new ArbiterException(ArbiterErrorCode.StoreNotEmpty, $"store '{storeId}' has data: an import needs an empty store");
            }
        }
        if (import.Model is { } model)
        {
            await using var insert = Command(
                $"INSERT INTO {_s}.models (store, id, revision, created_at, json) VALUES (@store, @id, @revision, @at, @json)", connection, transaction);
            insert.Parameters.AddWithValue("store", storeId);
            insert.Parameters.AddWithValue("id", model.Id);
            insert.Parameters.AddWithValue("revision", import.Revision);
            insert.Parameters.AddWithValue("at", model.CreatedAt);
            insert.Parameters.AddWithValue("json", ModelJson.Write(model.Model with { Id = model.Id }, indented: false));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        try
        {
            await CopyTuplesAsync(connection, storeId, import, cancellationToken).ConfigureAwait(false);
            await CopyAttributesAsync(connection, storeId, import, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            var entity = string.Equals(ex.TableName, "attributes", StringComparison.Ordinal);
            throw new ArbiterException(entity ? ArbiterErrorCode.ValidationError : ArbiterErrorCode.InvalidTuple,
                $"the import into store '{storeId}' has the same {(entity ? "entity" : "tuple key")} more than once: nothing was imported");
        }
        await using (var finish = Command(
            $"UPDATE {_s}.stores SET revision = @revision, first_revision = @revision WHERE id = @store; SELECT pg_notify(@channel, @payload);",
            connection, transaction))
        {
            finish.Parameters.AddWithValue("store", storeId);
            finish.Parameters.AddWithValue("revision", import.Revision);
            finish.Parameters.AddWithValue("channel", _channel);
            finish.Parameters.AddWithValue("payload", NotificationPayload(storeId, import.Revision));
            await finish.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _signals.Signal(storeId, import.Revision);
    }

    private async Task CopyTuplesAsync(NpgsqlConnection connection, string storeId, StoreImport import, CancellationToken cancellationToken)
    {
        var importer = await connection.BeginBinaryImportAsync(
            $"COPY {_s}.tuples (store, {KeyColumns}, condition_name, condition_context, revision) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            await foreach (var chunk in import.Tuples.Chunk(ImportCheckChunk).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await WriteChunkAsync(importer, storeId, import.Revision, chunk, cancellationToken).ConfigureAwait(false);
            }
            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Checks a chunk of imported tuples as a write would (well-formed, storable conditions) and copies it.</summary>
    private static async Task WriteChunkAsync(NpgsqlBinaryImporter importer, string storeId, long revision, RelationshipTuple[] chunk, CancellationToken cancellationToken)
    {
        StoreWrites.Validate(new StoreWrite { Writes = chunk }, int.MaxValue);
        foreach (var tuple in chunk)
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(storeId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await WriteTupleKeyAsync(importer, tuple, cancellationToken).ConfigureAwait(false);
            var (name, context) = ConditionColumns(tuple);
            await WriteTextAsync(importer, name, cancellationToken).ConfigureAwait(false);
            await WriteTextAsync(importer, context, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(revision, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CopyAttributesAsync(NpgsqlConnection connection, string storeId, StoreImport import, CancellationToken cancellationToken)
    {
        var importer = await connection.BeginBinaryImportAsync(
            $"COPY {_s}.attributes (store, entity_type, entity_id, attribute_values, revision) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            var chunk = new List<EntityAttributes>(1);
            await foreach (var entry in import.Attributes.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                chunk.Add(entry);
                StoreWrites.Validate(new StoreWrite { SetAttributes = chunk }, int.MaxValue);
                chunk.Clear();
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(storeId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(entry.Entity.Type, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(entry.Entity.Id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(StoredValues.ToJson(entry.Values), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(import.Revision, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            }
            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
