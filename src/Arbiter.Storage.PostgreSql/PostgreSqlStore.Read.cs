using System.Text;
using Npgsql;

namespace Arbiter.Storage.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <summary>The largest page of <see cref="ReadTuplesAsync(string, TupleQuery, CancellationToken)"/>.</summary>
    internal const int MaxPageSize = 10_000;

    private const string TupleColumns = "object_type, object_id, relation, subject_type, subject_id, subject_relation, condition_name, condition_context";

    /// <inheritdoc />
    public async ValueTask<TuplePage> ReadTuplesAsync(string storeId, TupleQuery filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Limit is < 1 or > MaxPageSize)
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, $"the page size must be 1 to {MaxPageSize} but is {filter.Limit}");
        }
        TupleKey? after = null;
        if (filter.ContinuationToken is not null)
        {
            after = TupleKey.TryParseToken(filter.ContinuationToken, out var key)
                ? key
                : throw new ArbiterException(ArbiterErrorCode.ValidationError, "the continuation token is not valid");
        }
        if (filter.ObjectId is not null && filter.ObjectType is null)
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, "a tuple filter with an object id needs the object type");
        }
        return await RunAsync($"read the tuples of store '{storeId}'", async (connection, ct) =>
        {
            await using var command = Command(string.Empty, connection);
            var p = command.Parameters;
            var sql = new StringBuilder($"SELECT {TupleColumns} FROM {_s}.tuples WHERE store = @store");
            p.AddWithValue("store", storeId);
            AddFilter(sql, p, "object_type", filter.ObjectType);
            AddFilter(sql, p, "object_id", filter.ObjectId);
            AddFilter(sql, p, "relation", filter.Relation);
            if (filter.Subject is { } subject)
            {
                AddFilter(sql, p, "subject_type", subject.Type);
                AddFilter(sql, p, "subject_id", subject.Id);
                AddFilter(sql, p, "subject_relation", subject.Relation ?? string.Empty);
            }
            if (after is { } a)
            {
                sql.Append($" AND ({KeyColumns}) > (@a0, @a1, @a2, @a3, @a4, @a5)");
                p.AddWithValue("a0", a.ObjectType);
                p.AddWithValue("a1", a.ObjectId);
                p.AddWithValue("a2", a.Relation);
                p.AddWithValue("a3", a.SubjectType);
                p.AddWithValue("a4", a.SubjectId);
                p.AddWithValue("a5", a.SubjectRelation);
            }
            sql.Append($" ORDER BY {KeyColumns} LIMIT @limit");
            p.AddWithValue("limit", filter.Limit + 1);
            command.CommandText = sql.ToString();
            var tuples = new List<RelationshipTuple>(Math.Min(filter.Limit + 1, 1024));
            await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    tuples.Add(ReadTuple(reader));
                }
            }
            if (tuples.Count == 0)
            {
                // an empty page may mean a missing store
                await EnsureStoreAsync(connection, null, storeId, ct).ConfigureAwait(false);
            }
            string? token = null;
            if (tuples.Count > filter.Limit)
            {
                tuples.RemoveAt(tuples.Count - 1);
                token = TupleKey.Of(tuples[^1]).ToToken();
            }
            return new TuplePage(tuples, token);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<EntityAttributes?> ReadAttributesAsync(string storeId, ObjectRef entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        return RunAsync($"read attributes in store '{storeId}'", async (connection, ct) =>
        {
            await using var command = Command(
                $"SELECT attribute_values FROM {_s}.attributes WHERE store = @store AND entity_type = @type AND entity_id = @id", connection);
            command.Parameters.AddWithValue("store", storeId);
            command.Parameters.AddWithValue("type", entity.Type ?? string.Empty);
            command.Parameters.AddWithValue("id", entity.Id ?? string.Empty);
            if (await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is string json)
            {
                return new EntityAttributes(entity, StoredValues.FromJson(json));
            }
            await EnsureStoreAsync(connection, null, storeId, ct).ConfigureAwait(false);
            return null;
        }, cancellationToken);
    }

    private static void AddFilter(StringBuilder sql, NpgsqlParameterCollection parameters, string column, string? value)
    {
        if (value is not null)
        {
            sql.Append(" AND ").Append(column).Append(" = @").Append(column);
            parameters.AddWithValue(column, value);
        }
    }

    /// <summary>Reads a tuple from the columns <see cref="TupleColumns"/> starting at <paramref name="first"/>.</summary>
    private static RelationshipTuple ReadTuple(NpgsqlDataReader reader, int first = 0)
    {
        // columns in order, so that this works with CommandBehavior.SequentialAccess
        var objectType = reader.GetString(first);
        var objectId = reader.GetString(first + 1);
        var relation = reader.GetString(first + 2);
        var subjectType = reader.GetString(first + 3);
        var subjectId = reader.GetString(first + 4);
        var subjectRelation = reader.GetString(first + 5);
        var conditionName = reader.IsDBNull(first + 6) ? null : reader.GetString(first + 6);
        var context = reader.IsDBNull(first + 7) ? null : reader.GetString(first + 7);
        return new RelationshipTuple(
            new ObjectRef(objectType, objectId),
            relation,
            new SubjectRef(subjectType, subjectId, subjectRelation.Length == 0 ? null : subjectRelation),
            conditionName is null ? null : new TupleCondition(conditionName, context is null ? null : StoredValues.FromJson(context)));
    }
}
