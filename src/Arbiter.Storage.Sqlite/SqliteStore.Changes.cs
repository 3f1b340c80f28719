using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Arbiter.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StoreChange>> ReadChangesAsync(string storeId, long afterRevision, int limit = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterRevision);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return await RunAsync<IReadOnlyList<StoreChange>>($"read the changes of store '{storeId}'", (connection, ct) =>
        {
            using var transaction = connection.BeginTransaction(deferred: true);
            var store = RequireStore(connection, transaction, storeId);
            // first_revision is the revision of the imported state (0 if none): its changes start right after it
            StoreQueries.CheckChangesAvailable(storeId, afterRevision, store.FirstRevision + 1);
            // revisions are gap-free, so the next `limit` of them are afterRevision + 1 .. afterRevision + limit
            var last = Math.Min(store.Revision, afterRevision > long.MaxValue - limit ? long.MaxValue : afterRevision + limit);
            if (last <= afterRevision)
            {
                return ValueTask.FromResult<IReadOnlyList<StoreChange>>([]);
            }
            using var select = Command(connection, transaction, """
                SELECT revision, kind, committed_at, object_type, object_id, relation, subject_type, subject_id, subject_relation, name, payload
                FROM changes WHERE store = $store AND revision > $after AND revision <= $last ORDER BY revision, seq
                """);
            select.Parameters.AddWithValue("$store", store.Key);
            select.Parameters.AddWithValue("$after", afterRevision);
            select.Parameters.AddWithValue("$last", last);
            using var reader = select.ExecuteReader();
            try
            {
                return ValueTask.FromResult<IReadOnlyList<StoreChange>>(ReadChanges(reader));
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException)
            {
                throw SqliteErrors.BadValues("changes", storeId, Description, ex);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Commits of this process wake the waiter at once. Commits of other processes are found by polling
    /// <c>PRAGMA data_version</c> every <see cref="SqliteStoreOptions.PollInterval"/>. Times (timeout, poll) follow
    /// <see cref="SqliteStoreOptions.TimeProvider"/>.
    /// </remarks>
    public async ValueTask<long> WaitForRevisionAsync(string storeId, long afterRevision, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be zero or more, or infinite.");
        }
        return await RunAsync<long>($"wait for a revision of store '{storeId}'", async (connection, ct) =>
        {
            using var timeoutSource = timeout == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutSource.Token);
            using var dataVersion = Command(connection, null, "PRAGMA data_version");
            long seenVersion = -1, revision = -1;
            while (true)
            {
                var signal = _signals.Next(storeId);
                var version = (long)dataVersion.ExecuteScalar()!;
                if (version != seenVersion)
                {
                    seenVersion = version;
                    revision = ReadRevision(connection, storeId);
                }
                if (revision > afterRevision || timeoutSource.IsCancellationRequested)
                {
                    return revision;
                }
                await Task.WhenAny(signal, Task.Delay(_options.PollInterval, _time, linked.Token)).ConfigureAwait(false);
                ct.ThrowIfCancellationRequested();
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    private static List<StoreChange> ReadChanges(SqliteDataReader reader)
    {
        var result = new List<StoreChange>();
        long revision = -1, committedAt = 0;
        List<RelationshipTuple>? written = null, deleted = null;
        List<EntityAttributes>? set = null;
        List<ObjectRef>? cleared = null;
        string? modelId = null;
        void Flush()
        {
            if (revision >= 0)
            {
                result.Add(new StoreChange
                {
                    Revision = revision,
                    CommittedAt = FromTicks(committedAt),
                    Written = written ?? [],
                    Deleted = deleted ?? [],
                    AttributesSet = set ?? [],
                    AttributesCleared = cleared ?? [],
                    ModelId = modelId,
                });
            }
            written = deleted = null;
            set = null;
            cleared = null;
            modelId = null;
        }
        while (reader.Read())
        {
            var rowRevision = reader.GetInt64(0);
            if (rowRevision != revision)
            {
                Flush();
                revision = rowRevision;
                committedAt = reader.GetInt64(2);
            }
            switch (reader.GetInt32(1))
            {
                case SqliteSchema.TupleWritten:
                    (written ??= []).Add(SqliteRows.Tuple(reader, first: 3));
                    break;
                case SqliteSchema.TupleDeleted:
                    (deleted ??= []).Add(SqliteRows.Tuple(reader, first: 3));
                    break;
                case SqliteSchema.AttributesSet:
                    (set ??= []).Add(new EntityAttributes(new ObjectRef(reader.GetString(3), reader.GetString(4)), SqliteRows.Values(reader.GetString(10))));
                    break;
                case SqliteSchema.AttributesCleared:
                    (cleared ??= []).Add(new ObjectRef(reader.GetString(3), reader.GetString(4)));
                    break;
                case SqliteSchema.ModelWritten:
                    modelId = reader.GetString(9);
                    break;
                default:
                    throw new InvalidDataException($"unknown change kind {reader.GetInt32(1)}");
            }
        }
        Flush();
        return result;
    }
}
