using Npgsql;

namespace Arbiter.Storage.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    /// <remarks>
    /// One transaction under the store row's lock (<c>SELECT … FOR UPDATE</c>, the lock every write takes), so a prune
    /// never races a write: moves <c>first_revision</c> (the last revision without change rows) forward, deletes the change
    /// rows up to it and the idempotency keys whose <c>created_at</c> is before the cutoff. Sends no notification.
    /// </remarks>
    public async ValueTask<PruneResult> PruneAsync(string storeId, StorePrune prune, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        StoreQueries.Validate(prune);
        return await RunAsync($"prune store '{storeId}'", (connection, ct) => PruneAsync(connection, storeId, prune, ct), cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<PruneResult> PruneAsync(NpgsqlConnection connection, string storeId, StorePrune prune, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        long revision, horizon;
        await using (var select = Command($"SELECT revision, first_revision FROM {_s}.stores WHERE id = @store FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue("store", storeId);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw StoreNotFound(storeId);
            }
            (revision, horizon) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        long changesRemoved = 0, keysRemoved = 0;
        if (prune.ChangesThrough is { } through)
        {
            StoreQueries.CheckPruneHorizon(storeId, through, revision);
            if (through > horizon)
            {
                await using var delete = Command(
                    $"""
                    UPDATE {_s}.stores SET first_revision = @through WHERE id = @store;
                    WITH removed AS (DELETE FROM {_s}.changes WHERE store = @store AND revision <= @through RETURNING revision)
                    SELECT count(DISTINCT revision) FROM removed;
                    """, connection, transaction);
                delete.Parameters.AddWithValue("store", storeId);
                delete.Parameters.AddWithValue("through", through);
                changesRemoved = (long)(await delete.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                horizon = through;
            }
        }
        if (prune.KeysOlderThan is { } age && StoreQueries.KeyCutoff(Now(), age) is var cutoff && cutoff != DateTimeOffset.MinValue)
        {
            await using var delete = Command($"DELETE FROM {_s}.idempotency WHERE store = @store AND created_at < @cutoff", connection, transaction);
            delete.Parameters.AddWithValue("store", storeId);
            delete.Parameters.AddWithValue("cutoff", cutoff);
            keysRemoved = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new PruneResult(changesRemoved, keysRemoved, horizon + 1);
    }
}
