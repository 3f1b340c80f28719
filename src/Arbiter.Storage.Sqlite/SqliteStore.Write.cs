using Microsoft.Data.Sqlite;

namespace Arbiter.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <inheritdoc />
    /// <remarks>
    /// The write is checked (<see cref="StoreWrites.Validate"/>) and its JSON built before the transaction opens, so the
    /// file's write lock is held only for the statements. Inside one <c>BEGIN IMMEDIATE</c> transaction: the idempotency
    /// key, the preconditions, the deletes, the writes, the attributes, the change rows and the revision bump; any error
    /// rolls all of it back.
    /// </remarks>
    public async ValueTask<WriteResult> WriteAsync(string storeId, StoreWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        StoreWrites.Validate(write, _options.MaxWriteOperations);
        var prepared = new PreparedWrite(write);
        var (result, committed) = await RunAsync($"write to store '{storeId}'",
            (connection, ct) => ValueTask.FromResult(Write(connection, storeId, prepared, ct)), cancellationToken).ConfigureAwait(false);
        if (committed)
        {
            _signals.Pulse(storeId);
        }
        return result;
    }

    private (WriteResult Result, bool Committed) Write(SqliteConnection connection, string storeId, PreparedWrite prepared, CancellationToken cancellationToken)
    {
        var write = prepared.Write;
        using var transaction = connection.BeginTransaction(deferred: false);
        var store = RequireStore(connection, transaction, storeId);
        if (write.IdempotencyKey is { } key && FindIdempotencyKey(connection, transaction, store.Key, key) is { } seen)
        {
            return seen.Fingerprint == prepared.Fingerprint
                ? (new WriteResult(seen.Revision, Replayed: true), false)
                : throw new ArbiterException(ArbiterErrorCode.IdempotencyConflict,
                    $"the idempotency key '{key}' was used by a different write (at revision {seen.Revision})");
        }
        var revision = store.Revision + 1;
        var now = NowTicks();
        using var rows = new TupleStatements(connection, transaction, store.Key);
        foreach (var precondition in write.Preconditions)
        {
            if (rows.Exists(TupleKey.Of(precondition.Tuple)) != (precondition.Kind == PreconditionKind.MustExist))
            {
                throw new ArbiterException(ArbiterErrorCode.PreconditionFailed, StoreWrites.ExplicitPreconditionMessage(precondition));
            }
        }
        using var changes = new ChangeWriter(connection, transaction, store.Key, revision, now);
        var step = 0;
        foreach (var tuple in write.Deletes)
        {
            CheckCancellation(ref step, cancellationToken);
            var tupleKey = TupleKey.Of(tuple);
            if (rows.Delete(tupleKey, out var conditionName, out var conditionContext))
            {
                changes.Tuple(SqliteSchema.TupleDeleted, tupleKey, conditionName, conditionContext);
            }
            else if (write.OnMissing == ConflictBehavior.Fail)
            {
                throw new ArbiterException(ArbiterErrorCode.PreconditionFailed, StoreWrites.PreconditionMessage(tuple, PreconditionKind.MustExist));
            }
        }
        for (var i = 0; i < write.Writes.Count; i++)
        {
            CheckCancellation(ref step, cancellationToken);
            var tuple = write.Writes[i];
            var tupleKey = TupleKey.Of(tuple);
            var conditionName = tuple.Condition?.Name;
            if (rows.Insert(tupleKey, conditionName, prepared.Contexts[i], revision))
            {
                changes.Tuple(SqliteSchema.TupleWritten, tupleKey, conditionName, prepared.Contexts[i]);
            }
            else if (write.OnDuplicate == ConflictBehavior.Fail)
            {
                throw new ArbiterException(ArbiterErrorCode.PreconditionFailed, StoreWrites.PreconditionMessage(tuple, PreconditionKind.MustNotExist));
            }
        }
        for (var i = 0; i < write.SetAttributes.Count; i++)
        {
            CheckCancellation(ref step, cancellationToken);
            var entity = write.SetAttributes[i].Entity;
            // an entity set to no values has none stored (ReadAttributesAsync gives null), the change still lists it
            rows.SetAttributes(entity, write.SetAttributes[i].Values.Count == 0 ? null : prepared.Values[i], revision);
            changes.Attributes(entity, prepared.Values[i]);
        }
        foreach (var entity in write.ClearAttributes)
        {
            CheckCancellation(ref step, cancellationToken);
            rows.SetAttributes(entity, null, revision);
            changes.Attributes(entity, null);
        }
        var committed = changes.Count > 0;
        var result = committed ? revision : store.Revision;
        if (committed)
        {
            SetRevision(connection, transaction, store.Key, revision);
        }
        if (write.IdempotencyKey is { } newKey)
        {
            // recorded also for a write that changed nothing: a retry replays the revision it returned
            AddIdempotencyKey(connection, transaction, store.Key, newKey, prepared.Fingerprint!, result, now);
        }
        if (committed || write.IdempotencyKey is not null)
        {
            transaction.Commit();
        }
        return (new WriteResult(result), committed);
    }

    private static void CheckCancellation(ref int step, CancellationToken cancellationToken)
    {
        if ((++step & 1023) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static (string Fingerprint, long Revision)? FindIdempotencyKey(SqliteConnection connection, SqliteTransaction transaction, long storeKey, string key)
    {
        using var select = Command(connection, transaction, "SELECT fingerprint, revision FROM idempotency WHERE store = $store AND key = $key");
        select.Parameters.AddWithValue("$store", storeKey);
        select.Parameters.AddWithValue("$key", key);
        using var reader = select.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetInt64(1)) : null;
    }

    private static void AddIdempotencyKey(SqliteConnection connection, SqliteTransaction transaction, long storeKey, string key, string fingerprint, long revision, long now)
    {
        using var insert = Command(connection, transaction,
            "INSERT INTO idempotency (store, key, fingerprint, revision, created_at) VALUES ($store, $key, $fingerprint, $revision, $created_at)");
        insert.Parameters.AddWithValue("$store", storeKey);
        insert.Parameters.AddWithValue("$key", key);
        insert.Parameters.AddWithValue("$fingerprint", fingerprint);
        insert.Parameters.AddWithValue("$revision", revision);
        insert.Parameters.AddWithValue("$created_at", now);
        insert.ExecuteNonQuery();
    }

    /// <summary>A checked write with its JSON and fingerprint computed ahead of the transaction.</summary>
    private sealed class PreparedWrite
    {
        internal PreparedWrite(StoreWrite write)
        {
            Write = write;
            Fingerprint = write.IdempotencyKey is null ? null : StoreWrites.Fingerprint(write);
            Contexts = new string?[write.Writes.Count];
            for (var i = 0; i < Contexts.Length; i++)
            {
                Contexts[i] = write.Writes[i].Condition?.Context is { } context ? StoredValues.ToJson(context) : null;
            }
            Values = new string[write.SetAttributes.Count];
            for (var i = 0; i < Values.Length; i++)
            {
                Values[i] = StoredValues.ToJson(write.SetAttributes[i].Values);
            }
        }

        internal StoreWrite Write { get; }

        internal string? Fingerprint { get; }

        internal string?[] Contexts { get; }

        internal string[] Values { get; }
    }
}
