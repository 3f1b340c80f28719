using Microsoft.Data.Sqlite;

namespace Arbiter.Storage.Sqlite;

/// <summary>
/// The per-row statements of a write or an import in one store, each prepared once (on first use) and reused with new
/// parameter values for every row.
/// </summary>
internal sealed class TupleStatements : IDisposable
{
    private const string KeyMatch = """
        store = $store AND object_type = $object_type AND object_id = $object_id AND relation = $relation
        AND subject_type = $subject_type AND subject_id = $subject_id AND subject_relation = $subject_relation
        """;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly long _storeKey;
    private SqliteCommand? _exists, _delete, _insert, _setAttributes, _clearAttributes, _insertAttributes;

    internal TupleStatements(SqliteConnection connection, SqliteTransaction transaction, long storeKey)
    {
        _connection = connection;
        _transaction = transaction;
        _storeKey = storeKey;
    }

    /// <summary>Whether the tuple is stored.</summary>
    internal bool Exists(TupleKey key)
    {
        _exists ??= Prepare("SELECT 1 FROM tuples WHERE " + KeyMatch, withKey: true);
        Bind(_exists, key);
        return _exists.ExecuteScalar() is not null;
    }

    /// <summary>Deletes the tuple; <see langword="false"/> when it was not stored, else its condition (name and context JSON).</summary>
    internal bool Delete(TupleKey key, out string? conditionName, out string? conditionContext)
    {
        _delete ??= Prepare("DELETE FROM tuples WHERE " + KeyMatch + " RETURNING condition_name, condition_context", withKey: true);
        Bind(_delete, key);
        using var reader = _delete.ExecuteReader();
        if (!reader.Read())
        {
            conditionName = conditionContext = null;
            return false;
        }
        conditionName = reader.IsDBNull(0) ? null : reader.GetString(0);
        conditionContext = reader.IsDBNull(1) ? null : reader.GetString(1);
        return true;
    }

    /// <summary>Stores the tuple; <see langword="false"/> when one with its key is stored already (nothing changes then).</summary>
    internal bool Insert(TupleKey key, string? conditionName, string? conditionContext, long revision)
    {
        if (_insert is null)
        {
            _insert = Prepare("""
                INSERT INTO tuples (store, object_type, object_id, relation, subject_type, subject_id, subject_relation, condition_name, condition_context, revision)
                VALUES ($store, $object_type, $object_id, $relation, $subject_type, $subject_id, $subject_relation, $condition_name, $condition_context, $revision)
                ON CONFLICT DO NOTHING
                """, withKey: true);
            _insert.Parameters.Add("$condition_name", SqliteType.Text);
            _insert.Parameters.Add("$condition_context", SqliteType.Text);
            _insert.Parameters.Add("$revision", SqliteType.Integer);
        }
        Bind(_insert, key);
        _insert.Parameters[7].Value = (object?)conditionName ?? DBNull.Value;
        _insert.Parameters[8].Value = (object?)conditionContext ?? DBNull.Value;
        _insert.Parameters[9].Value = revision;
        return _insert.ExecuteNonQuery() > 0;
    }

    /// <summary>Replaces an entity's attribute values (JSON), or removes them when <paramref name="values"/> is <see langword="null"/>.</summary>
    /// <returns>Whether a row was written or removed.</returns>
    internal bool SetAttributes(ObjectRef entity, string? values, long revision)
    {
        SqliteCommand command;
        if (values is null)
        {
            command = _clearAttributes ??= PrepareEntity("DELETE FROM attributes WHERE store = $store AND entity_type = $entity_type AND entity_id = $entity_id");
        }
        else
        {
            if (_setAttributes is null)
            {
                _setAttributes = PrepareEntity("""
                    INSERT INTO attributes (store, entity_type, entity_id, "values", revision) VALUES ($store, $entity_type, $entity_id, $values, $revision)
                    ON CONFLICT (store, entity_type, entity_id) DO UPDATE SET "values" = excluded."values", revision = excluded.revision
                    """);
                _setAttributes.Parameters.Add("$values", SqliteType.Text);
                _setAttributes.Parameters.Add("$revision", SqliteType.Integer);
            }
            command = _setAttributes;
            command.Parameters[3].Value = values;
            command.Parameters[4].Value = revision;
        }
        command.Parameters[1].Value = entity.Type;
        command.Parameters[2].Value = entity.Id;
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>Stores an entity's attribute values (JSON); <see langword="false"/> when it has values stored already.</summary>
    internal bool InsertAttributes(ObjectRef entity, string values, long revision)
    {
        if (_insertAttributes is null)
        {
            _insertAttributes = PrepareEntity("""
                INSERT INTO attributes (store, entity_type, entity_id, "values", revision) VALUES ($store, $entity_type, $entity_id, $values, $revision)
                ON CONFLICT DO NOTHING
                """);
            _insertAttributes.Parameters.Add("$values", SqliteType.Text);
            _insertAttributes.Parameters.Add("$revision", SqliteType.Integer);
        }
        _insertAttributes.Parameters[1].Value = entity.Type;
        _insertAttributes.Parameters[2].Value = entity.Id;
        _insertAttributes.Parameters[3].Value = values;
        _insertAttributes.Parameters[4].Value = revision;
        return _insertAttributes.ExecuteNonQuery() > 0;
    }

    private SqliteCommand Prepare(string sql, bool withKey)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$store", _storeKey);
        if (withKey)
        {
            foreach (var name in (ReadOnlySpan<string>)["$object_type", "$object_id", "$relation", "$subject_type", "$subject_id", "$subject_relation"])
            {
                command.Parameters.Add(name, SqliteType.Text);
            }
        }
        return command;
    }

    private SqliteCommand PrepareEntity(string sql)
    {
        var command = Prepare(sql, withKey: false);
        command.Parameters.Add("$entity_type", SqliteType.Text);
        command.Parameters.Add("$entity_id", SqliteType.Text);
        return command;
    }

    private static void Bind(SqliteCommand command, TupleKey key)
    {
        var parameters = command.Parameters;
        parameters[1].Value = key.ObjectType;
        parameters[2].Value = key.ObjectId;
        parameters[3].Value = key.Relation;
        parameters[4].Value = key.SubjectType;
        parameters[5].Value = key.SubjectId;
        parameters[6].Value = key.SubjectRelation;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _exists?.Dispose();
        _delete?.Dispose();
        _insert?.Dispose();
        _setAttributes?.Dispose();
        _clearAttributes?.Dispose();
        _insertAttributes?.Dispose();
    }
}
