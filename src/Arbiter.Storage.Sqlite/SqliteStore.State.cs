using Arbiter.Parsing;
using Microsoft.Data.Sqlite;

namespace Arbiter.Storage.Sqlite;

public sealed partial class SqliteStore
{
    private const int ImportChunk = 1024;

    /// <inheritdoc />
    /// <remarks>
    /// The view holds a connection and a deferred read transaction (a WAL snapshot) until it is disposed. While it is
    /// open, writers go on, but SQLite cannot checkpoint the WAL past its snapshot, so the WAL file grows.
    /// </remarks>
    public async ValueTask<IStoreState> OpenStateAsync(string storeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        cancellationToken.ThrowIfCancellationRequested();
        SqliteConnection? connection = null;
        SqliteTransaction? transaction = null;
        try
        {
            connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            transaction = connection.BeginTransaction(deferred: true);
            // the first read starts the snapshot: the store row, the model and every row read later are of one revision
            var store = RequireStore(connection, transaction, storeId);
            var model = ReadModel(connection, transaction, store.Key, modelId: null);
            return new SqliteStoreState(connection, transaction, store.Key, store.Info, store.Revision, model, Description);
        }
        catch (Exception ex)
        {
            transaction?.Dispose();
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            if (ex is SqliteException sqlite)
            {
                throw SqliteErrors.Map(sqlite, $"read the state of store '{storeId}'", Description);
            }
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask ImportAsync(string storeId, StoreImport import, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(import.Tuples);
        ArgumentNullException.ThrowIfNull(import.Attributes);
        if (import.Revision < 0)
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, $"an import's revision must be 0 or more but is {import.Revision}");
        }
        string? modelJson = null;
        if (import.Model is { } model)
        {
            if (string.IsNullOrEmpty(model.Id) || model.Model is null || model.Revision < 0 || model.Revision > import.Revision)
            {
                throw new ArbiterException(ArbiterErrorCode.ValidationError,
                    $"an imported model needs an id, a model and a revision from 0 to the import's revision {import.Revision}");
            }
            modelJson = StoreQueries.ModelToJson(model.Model, model.Id);
        }
        await RunAsync($"import into store '{storeId}'", async (connection, ct) =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var store = RequireStore(connection, transaction, storeId);
            if (store.Revision != 0 || HasData(connection, transaction, store.Key))
            {
                throw new ArbiterException(ArbiterErrorCode.StoreNotEmpty, $"store '{storeId}' is not empty: a snapshot is imported only into an empty store");
            }
            if (import.Model is { } stored)
            {
                using var insert = Command(connection, transaction,
                    "INSERT INTO models (store, id, revision, created_at, json) VALUES ($store, $id, $revision, $created_at, $json)");
                insert.Parameters.AddWithValue("$store", store.Key);
                insert.Parameters.AddWithValue("$id", stored.Id);
                insert.Parameters.AddWithValue("$revision", stored.Revision);
                insert.Parameters.AddWithValue("$created_at", stored.CreatedAt.UtcTicks);
                insert.Parameters.AddWithValue("$json", modelJson);
                insert.ExecuteNonQuery();
            }
            using var rows = new TupleStatements(connection, transaction, store.Key);
            await ImportTuplesAsync(rows, import, ct).ConfigureAwait(false);
            await ImportAttributesAsync(rows, import, ct).ConfigureAwait(false);
            using (var update = Command(connection, transaction, "UPDATE stores SET revision = $revision, first_revision = $revision WHERE key = $store"))
            {
                update.Parameters.AddWithValue("$revision", import.Revision);
                update.Parameters.AddWithValue("$store", store.Key);
                update.ExecuteNonQuery();
            }
            transaction.Commit();
            return true;
        }, cancellationToken).ConfigureAwait(false);
        _signals.Pulse(storeId);
    }

    private static bool HasData(SqliteConnection connection, SqliteTransaction transaction, long storeKey)
    {
        using var select = Command(connection, transaction, """
            SELECT EXISTS (SELECT 1 FROM models WHERE store = $store) OR EXISTS (SELECT 1 FROM tuples WHERE store = $store)
                OR EXISTS (SELECT 1 FROM attributes WHERE store = $store) OR EXISTS (SELECT 1 FROM changes WHERE store = $store)
            """);
        select.Parameters.AddWithValue("$store", storeKey);
        return (long)select.ExecuteScalar()! != 0;
    }

    private static async ValueTask ImportTuplesAsync(TupleStatements rows, StoreImport import, CancellationToken cancellationToken)
    {
        await foreach (var chunk in import.Tuples.Chunk(ImportChunk).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            InsertTuples(rows, chunk, import.Revision, cancellationToken);
        }
    }

    private static void InsertTuples(TupleStatements rows, RelationshipTuple[] chunk, long revision, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // the write checks: well-formed tuples, storable condition contexts, no key twice within the chunk
        StoreWrites.Validate(new StoreWrite { Writes = chunk }, int.MaxValue);
        foreach (var tuple in chunk)
        {
            var context = tuple.Condition?.Context is { } values ? StoredValues.ToJson(values) : null;
            if (!rows.Insert(TupleKey.Of(tuple), tuple.Condition?.Name, context, revision))
            {
                throw new ArbiterException(ArbiterErrorCode.InvalidTuple, $"cannot import tuple '{TupleKey.Of(tuple)}': the import has it more than once");
            }
        }
    }

    private static async ValueTask ImportAttributesAsync(TupleStatements rows, StoreImport import, CancellationToken cancellationToken)
    {
        await foreach (var chunk in import.Attributes.Chunk(ImportChunk).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            InsertAttributes(rows, chunk, import.Revision, cancellationToken);
        }
    }

    private static void InsertAttributes(TupleStatements rows, EntityAttributes[] chunk, long revision, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        StoreWrites.Validate(new StoreWrite { SetAttributes = chunk }, int.MaxValue);
        foreach (var entry in chunk)
        {
            if (entry.Values.Count > 0 && !rows.InsertAttributes(entry.Entity, StoredValues.ToJson(entry.Values), revision))
            {
                throw new ArbiterException(ArbiterErrorCode.ValidationError, $"cannot import the attributes of '{entry.Entity}': the import has that entity more than once");
            }
        }
    }
}
