using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Arbiter.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <inheritdoc />
    public async ValueTask<TuplePage> ReadTuplesAsync(string storeId, TupleQuery filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        var after = StoreQueries.Validate(filter);
        return await RunAsync($"read the tuples of store '{storeId}'", (connection, ct) =>
        {
            using var transaction = connection.BeginTransaction(deferred: true);
            var store = RequireStore(connection, transaction, storeId);
            using var select = TupleSelect(connection, transaction, store.Key, filter, after);
            using var reader = select.ExecuteReader();
            var tuples = new List<RelationshipTuple>(Math.Min(filter.Limit, 1024));
            string? next = null;
            try
            {
                while (reader.Read())
                {
                    if (tuples.Count == filter.Limit)
                    {
                        next = TupleKey.Of(tuples[^1]).ToToken();
                        break;
                    }
                    tuples.Add(SqliteRows.Tuple(reader));
                }
            }
            catch (JsonException ex)
            {
                throw SqliteErrors.BadValues("tuples", storeId, Description, ex);
            }
            return ValueTask.FromResult(new TuplePage(tuples, next));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<EntityAttributes?> ReadAttributesAsync(string storeId, ObjectRef entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        return await RunAsync($"read attributes in store '{storeId}'", (connection, ct) =>
        {
            using var transaction = connection.BeginTransaction(deferred: true);
            var store = RequireStore(connection, transaction, storeId);
            using var select = Command(connection, transaction,
                "SELECT \"values\" FROM attributes WHERE store = $store AND entity_type = $type AND entity_id = $id");
            select.Parameters.AddWithValue("$store", store.Key);
            select.Parameters.AddWithValue("$type", entity.Type ?? string.Empty);
            select.Parameters.AddWithValue("$id", entity.Id ?? string.Empty);
            if (select.ExecuteScalar() is not string json)
            {
                return ValueTask.FromResult<EntityAttributes?>(null);
            }
            try
            {
                return ValueTask.FromResult<EntityAttributes?>(new EntityAttributes(entity, SqliteRows.Values(json)));
            }
            catch (JsonException ex)
            {
                throw SqliteErrors.BadValues("attributes", storeId, Description, ex);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The query of one page (one row more than the limit, to learn whether there is a next page).</summary>
    private static SqliteCommand TupleSelect(SqliteConnection connection, SqliteTransaction transaction, long storeKey, TupleQuery filter, TupleKey? after)
    {
        var sql = new StringBuilder("SELECT ").Append(SqliteRows.TupleColumns).Append(" FROM tuples WHERE store = $store");
        var command = Command(connection, transaction, string.Empty);
        command.Parameters.AddWithValue("$store", storeKey);
        void Equal(string column, string? value)
        {
            if (value is not null)
            {
                sql.Append(" AND ").Append(column).Append(" = $").Append(column);
                command.Parameters.AddWithValue("$" + column, value);
            }
        }
        Equal("object_type", filter.ObjectType);
        Equal("object_id", filter.ObjectId);
        Equal("relation", filter.Relation);
        if (filter.Subject is { } subject)
        {
            Equal("subject_type", subject.Type ?? string.Empty);
            Equal("subject_id", subject.Id ?? string.Empty);
            Equal("subject_relation", subject.Relation ?? string.Empty);
        }
        if (after is { } key)
        {
            // a row value comparison: SQLite walks the primary key from the token's key on
            sql.Append(" AND (").Append(SqliteRows.TupleOrder).Append(") > ($a0, $a1, $a2, $a3, $a4, $a5)");
            command.Parameters.AddWithValue("$a0", key.ObjectType);
            command.Parameters.AddWithValue("$a1", key.ObjectId);
            command.Parameters.AddWithValue("$a2", key.Relation);
            command.Parameters.AddWithValue("$a3", key.SubjectType);
            command.Parameters.AddWithValue("$a4", key.SubjectId);
            command.Parameters.AddWithValue("$a5", key.SubjectRelation);
        }
        sql.Append(" ORDER BY ").Append(SqliteRows.TupleOrder).Append(" LIMIT $limit");
        command.Parameters.AddWithValue("$limit", filter.Limit + 1);
        command.CommandText = sql.ToString();
        return command;
    }
}
