using Microsoft.Data.Sqlite;

namespace Arbiter.Storage.Sqlite;

/// <summary>
/// Appends the operation rows of one revision to <c>changes</c> with one prepared statement reused for every row.
/// </summary>
internal sealed class ChangeWriter : IDisposable
{
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _seq, _kind, _objectType, _objectId, _relation, _subjectType, _subjectId, _subjectRelation, _name, _payload;

    /// <summary>Prepares the statement for the rows of <paramref name="revision"/> of the store.</summary>
    internal ChangeWriter(SqliteConnection connection, SqliteTransaction transaction, long storeKey, long revision, long committedAtTicks)
    {
        _insert = connection.CreateCommand();
        _insert.Transaction = transaction;
        _insert.CommandText = """
            INSERT INTO changes (store, revision, seq, kind, committed_at, object_type, object_id, relation, subject_type, subject_id, subject_relation, name, payload)
            VALUES ($store, $revision, $seq, $kind, $committed_at, $object_type, $object_id, $relation, $subject_type, $subject_id, $subject_relation, $name, $payload)
            """;
        _insert.Parameters.AddWithValue("$store", storeKey);
        _insert.Parameters.AddWithValue("$revision", revision);
        _insert.Parameters.AddWithValue("$committed_at", committedAtTicks);
        _seq = _insert.Parameters.Add("$seq", SqliteType.Integer);
        _kind = _insert.Parameters.Add("$kind", SqliteType.Integer);
        _objectType = _insert.Parameters.Add("$object_type", SqliteType.Text);
        _objectId = _insert.Parameters.Add("$object_id", SqliteType.Text);
        _relation = _insert.Parameters.Add("$relation", SqliteType.Text);
        _subjectType = _insert.Parameters.Add("$subject_type", SqliteType.Text);
        _subjectId = _insert.Parameters.Add("$subject_id", SqliteType.Text);
        _subjectRelation = _insert.Parameters.Add("$subject_relation", SqliteType.Text);
        _name = _insert.Parameters.Add("$name", SqliteType.Text);
        _payload = _insert.Parameters.Add("$payload", SqliteType.Text);
    }

    /// <summary>How many rows were appended.</summary>
    internal int Count { get; private set; }

    /// <summary>A tuple written or deleted, with its condition (name and context JSON, or nulls).</summary>
    internal void Tuple(int kind, TupleKey key, string? conditionName, string? conditionContext)
    {
        _objectType.Value = key.ObjectType;
        _objectId.Value = key.ObjectId;
        _relation.Value = key.Relation;
        _subjectType.Value = key.SubjectType;
        _subjectId.Value = key.SubjectId;
        _subjectRelation.Value = key.SubjectRelation;
        Append(kind, conditionName, conditionContext);
    }

    /// <summary>An entity's attributes set (with the values' JSON) or cleared (<paramref name="values"/> null).</summary>
    internal void Attributes(ObjectRef entity, string? values)
    {
        _objectType.Value = entity.Type;
        _objectId.Value = entity.Id;
        _relation.Value = _subjectType.Value = _subjectId.Value = _subjectRelation.Value = DBNull.Value;
        Append(values is null ? SqliteSchema.AttributesCleared : SqliteSchema.AttributesSet, null, values);
    }

    /// <summary>A model version written.</summary>
    internal void Model(string modelId)
    {
        _objectType.Value = _objectId.Value = _relation.Value = _subjectType.Value = _subjectId.Value = _subjectRelation.Value = DBNull.Value;
        Append(SqliteSchema.ModelWritten, modelId, null);
    }

    private void Append(int kind, string? name, string? payload)
    {
        _seq.Value = Count;
        _kind.Value = kind;
        _name.Value = (object?)name ?? DBNull.Value;
        _payload.Value = (object?)payload ?? DBNull.Value;
        _insert.ExecuteNonQuery();
        Count++;
    }

    /// <inheritdoc />
    public void Dispose() => _insert.Dispose();
}
