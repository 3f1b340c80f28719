namespace Arbiter.Storage.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StoreChange>> ReadChangesAsync(string storeId, long afterRevision, int limit = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        if (limit < 1)
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, $"the limit must be at least 1 but is {limit}");
        }
        return await RunAsync<IReadOnlyList<StoreChange>>($"read the changes of store '{storeId}'", async (connection, ct) =>
        {
            // One statement: the store row and its change rows come from one snapshot. Revisions after first_revision have
            // no gaps (each committed one has at least one row), so a revision range selects `limit` changes.
            await using var command = Command(
                $"""
                SELECT s.revision, s.first_revision, c.revision, c.kind, c.committed_at, c.object_type, c.object_id, c.relation,
                       c.subject_type, c.subject_id, c.subject_relation, c.condition_name, c.payload
                FROM {_s}.stores s
                LEFT JOIN {_s}.changes c ON c.store = s.id AND c.revision > @after AND c.revision <= @last
                WHERE s.id = @store
                ORDER BY c.revision, c.seq
                """, connection);
            command.Parameters.AddWithValue("store", storeId);
            command.Parameters.AddWithValue("after", afterRevision);
            command.Parameters.AddWithValue("last", afterRevision > long.MaxValue - limit ? long.MaxValue : afterRevision + limit);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            var changes = new List<StoreChange>();
            ChangeBuilder? current = null;
            var found = false;
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                if (!found)
                {
                    found = true;
                    // first_revision is the last revision without change rows (imported or pruned; 0 if none)
                    StoreQueries.CheckChangesAvailable(storeId, afterRevision, reader.GetInt64(1) + 1);
                }
                if (reader.IsDBNull(2))
                {
                    break;
                }
                var revision = reader.GetInt64(2);
                if (current is null || current.Revision != revision)
                {
                    if (current is not null)
                    {
                        changes.Add(current.Build());
                    }
                    current = new ChangeBuilder(revision, reader.GetFieldValue<DateTimeOffset>(4));
                }
                current.Add(reader);
            }
            if (!found)
            {
                throw StoreNotFound(storeId);
            }
            if (current is not null)
            {
                changes.Add(current.Build());
            }
            return changes;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Collects the operation rows of one revision into a <see cref="StoreChange"/>.</summary>
    private sealed class ChangeBuilder(long revision, DateTimeOffset committedAt)
    {
        private readonly List<RelationshipTuple> _written = [];
        private readonly List<RelationshipTuple> _deleted = [];
        private readonly List<EntityAttributes> _set = [];
        private readonly List<ObjectRef> _cleared = [];
        private string? _modelId;

        public long Revision => revision;

        /// <summary>Adds a row whose change columns start at column 3 (kind).</summary>
        public void Add(Npgsql.NpgsqlDataReader reader)
        {
            switch (reader.GetInt16(3))
            {
                case ChangeKind.TupleWritten:
                    _written.Add(ReadTuple(reader, first: 5));
                    break;
                case ChangeKind.TupleDeleted:
                    _deleted.Add(ReadTuple(reader, first: 5));
                    break;
                case ChangeKind.AttributesSet:
                    _set.Add(new EntityAttributes(new ObjectRef(reader.GetString(5), reader.GetString(6)), StoredValues.FromJson(reader.GetString(12))));
                    break;
                case ChangeKind.AttributesCleared:
                    _cleared.Add(new ObjectRef(reader.GetString(5), reader.GetString(6)));
                    break;
                case ChangeKind.ModelWritten:
                    _modelId = reader.GetString(6);
                    break;
                default:
                    throw new ArbiterStorageException($"the change feed holds a row of unknown kind {reader.GetInt16(3)} at revision {revision}", isTransient: false);
            }
        }

        public StoreChange Build() => new()
        {
            Revision = revision,
            CommittedAt = committedAt,
            Written = _written,
            Deleted = _deleted,
            AttributesSet = _set,
            AttributesCleared = _cleared,
            ModelId = _modelId,
        };
    }
}
