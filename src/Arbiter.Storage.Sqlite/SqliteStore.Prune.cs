using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Arbiter.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <inheritdoc />
    /// <remarks>
    /// One <c>BEGIN IMMEDIATE</c> transaction (so no write interleaves): moves <c>first_revision</c> (the last revision
    /// without a change row) forward, deletes the change rows up to it and the idempotency keys whose <c>created_at</c>
    /// is before the cutoff. The revision is not touched and no waiter is woken.
    /// </remarks>
    public async ValueTask<PruneResult> PruneAsync(string storeId, StorePrune prune, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        StoreQueries.Validate(prune);
        return await RunAsync($"prune store '{storeId}'", (connection, ct) => ValueTask.FromResult(Prune(connection, storeId, prune)), cancellationToken)
            .ConfigureAwait(false);
    }

    private PruneResult Prune(SqliteConnection connection, string storeId, StorePrune prune)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var store = RequireStore(connection, transaction, storeId);
        var horizon = store.FirstRevision;
        long changesRemoved = 0, keysRemoved = 0;
        if (prune.ChangesThrough is { } through)
        {
            StoreQueries.CheckPruneHorizon(storeId, through, store.Revision);
            if (through > horizon)
            {
                using (var count = Command(connection, transaction, "SELECT count(DISTINCT revision) FROM changes WHERE store = $store AND revision <= $through"))
                {
                    count.Parameters.AddWithValue("$store", store.Key);
                    count.Parameters.AddWithValue("$through", through);
                    changesRemoved = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
                }
                using var delete = Command(connection, transaction, """
                    DELETE FROM changes WHERE store = $store AND revision <= $through;
                    UPDATE stores SET first_revision = $through WHERE key = $store;
                    """);
                delete.Parameters.AddWithValue("$store", store.Key);
                delete.Parameters.AddWithValue("$through", through);
                delete.ExecuteNonQuery();
                horizon = through;
            }
        }
        if (prune.KeysOlderThan is { } age)
        {
            using var delete = Command(connection, transaction, "DELETE FROM idempotency WHERE store = $store AND created_at < $cutoff");
            delete.Parameters.AddWithValue("$store", store.Key);
            delete.Parameters.AddWithValue("$cutoff", StoreQueries.KeyCutoff(_time.GetUtcNow(), age).UtcTicks);
            keysRemoved = delete.ExecuteNonQuery();
        }
        transaction.Commit();
        return new PruneResult(changesRemoved, keysRemoved, horizon + 1);
    }
}
