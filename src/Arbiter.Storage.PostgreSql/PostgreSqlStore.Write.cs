using Npgsql;

namespace Arbiter.Storage.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    /// <remarks>
    /// One transaction of few round trips whatever the size: take the revision (row lock) and look up the idempotency key;
    /// for large lists, send the tuples with binary <c>COPY</c> into temporary tables; then one statement checks the
    /// preconditions and existence rules and applies every operation with its change rows, set-based.
    /// </remarks>
    public async ValueTask<WriteResult> WriteAsync(string storeId, StoreWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        StoreWrites.Validate(write, _maxOperations);
        if (write.OperationCount == 0)
        {
            return await RunAsync($"write to store '{storeId}'",
                async (connection, ct) => new WriteResult(await ReadRevisionAsync(connection, null, storeId, ct).ConfigureAwait(false)),
                cancellationToken).ConfigureAwait(false);
        }
        var fingerprint = write.IdempotencyKey is null ? null : StoreWrites.Fingerprint(write);
        return await RunAsync($"write to store '{storeId}'", (connection, ct) => WriteAsync(connection, storeId, write, fingerprint, ct), cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<WriteResult> WriteAsync(NpgsqlConnection connection, string storeId, StoreWrite write, string? fingerprint, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var revision = await NextRevisionAsync(connection, transaction, storeId, cancellationToken).ConfigureAwait(false);
        if (write.IdempotencyKey is { } key && await FindIdempotencyKeyAsync(connection, transaction, storeId, key, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return string.Equals(earlier.Fingerprint, fingerprint, StringComparison.Ordinal)
                ? new WriteResult(earlier.Revision, Replayed: true)
                : throw new ArbiterException(ArbiterErrorCode.IdempotencyConflict,
                    $"the idempotency key '{key}' was used by a different write (revision {earlier.Revision}) in store '{storeId}'");
        }

        var writeSource = write.Writes.Count >= _copyThreshold
            ? await StageByCopyAsync(connection, "arbiter_stage_writes", write.Writes, withCondition: true, cancellationToken).ConfigureAwait(false)
            : null;
        var deleteSource = write.Deletes.Count >= _copyThreshold
            ? await StageByCopyAsync(connection, "arbiter_stage_deletes", write.Deletes, withCondition: false, cancellationToken).ConfigureAwait(false)
            : null;

        var outcome = await ApplyAsync(connection, transaction, storeId, revision, write, fingerprint, writeSource, deleteSource, cancellationToken).ConfigureAwait(false);
        if (outcome.FailedPrecondition is { } p)
        {
            throw new ArbiterException(ArbiterErrorCode.PreconditionFailed, StoreWrites.ExplicitPreconditionMessage(write.Preconditions[p - 1]));
        }
        if (outcome.FirstMissingDelete is { } d && write.OnMissing == ConflictBehavior.Fail)
        {
            throw new ArbiterException(ArbiterErrorCode.PreconditionFailed, StoreWrites.PreconditionMessage(write.Deletes[d - 1], PreconditionKind.MustExist));
        }
        if (outcome.FirstExistingWrite is { } w && write.OnDuplicate == ConflictBehavior.Fail)
        {
            throw new ArbiterException(ArbiterErrorCode.PreconditionFailed, StoreWrites.PreconditionMessage(write.Writes[w - 1], PreconditionKind.MustNotExist));
        }
        if (outcome.Changed == 0)
        {
            // nothing changed: no revision (and no notification) is committed, but the key is kept, as by every store
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new WriteResult(write.IdempotencyKey is { } noOpKey
                ? await RecordKeyAsync(connection, storeId, noOpKey, fingerprint!, cancellationToken).ConfigureAwait(false)
                : revision - 1);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _signals.Signal(storeId, revision);
        return new WriteResult(revision);
    }

    /// <summary>Records the key of a write that changed nothing, at the store's current revision (under the store's row lock).</summary>
    private async Task<long> RecordKeyAsync(NpgsqlConnection connection, string storeId, string key, string fingerprint, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            $"""
            WITH current AS (SELECT revision FROM {_s}.stores WHERE id = @store FOR UPDATE)
            INSERT INTO {_s}.idempotency (store, key, fingerprint, revision, created_at)
            SELECT @store, @key, @fingerprint, revision, @at FROM current
            ON CONFLICT DO NOTHING;
            SELECT revision FROM {_s}.stores WHERE id = @store;
            """, connection, transaction);
        command.Parameters.AddWithValue("store", storeId);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("fingerprint", fingerprint);
        command.Parameters.AddWithValue("at", Now());
        var revision = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return revision;
    }

    private async Task<(string Fingerprint, long Revision)?> FindIdempotencyKeyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string storeId, string key, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT fingerprint, revision FROM {_s}.idempotency WHERE store = @store AND key = @key", connection, transaction);
        command.Parameters.AddWithValue("store", storeId);
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetString(0), reader.GetInt64(1)) : null;
    }

    /// <summary>What the write's statement found and did.</summary>
    /// <param name="FailedPrecondition">The 1-based index of the first explicit precondition that does not hold.</param>
    /// <param name="FirstMissingDelete">The 1-based index of the first tuple to delete that was not stored.</param>
    /// <param name="FirstExistingWrite">The 1-based index of the first tuple to write that was stored already.</param>
    /// <param name="Changed">The number of change rows written.</param>
    private readonly record struct WriteOutcome(int? FailedPrecondition, int? FirstMissingDelete, int? FirstExistingWrite, long Changed);
}
