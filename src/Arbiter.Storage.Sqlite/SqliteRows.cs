using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Arbiter.Storage.Sqlite;

/// <summary>Reads tuples and attribute values from result rows by column ordinal.</summary>
internal static class SqliteRows
{
    /// <summary>The tuple columns in key order, then the condition: what <see cref="Tuple"/> reads.</summary>
    internal const string TupleColumns =
        "object_type, object_id, relation, subject_type, subject_id, subject_relation, condition_name, condition_context";

    /// <summary>The primary key order of <c>tuples</c> within a store.</summary>
    internal const string TupleOrder = "object_type, object_id, relation, subject_type, subject_id, subject_relation";

    /// <summary>The tuple in columns <paramref name="first"/> to <paramref name="first"/> + 7 (<see cref="TupleColumns"/>).</summary>
    /// <exception cref="JsonException">The stored condition context is not a JSON object.</exception>
    internal static RelationshipTuple Tuple(SqliteDataReader reader, int first = 0)
    {
        var subjectRelation = reader.GetString(first + 5);
        TupleCondition? condition = null;
        if (!reader.IsDBNull(first + 6))
        {
            condition = new TupleCondition(reader.GetString(first + 6),
                reader.IsDBNull(first + 7) ? null : StoredValues.FromJson(reader.GetString(first + 7)));
        }
        return new RelationshipTuple(
            new ObjectRef(reader.GetString(first), reader.GetString(first + 1)),
            reader.GetString(first + 2),
            new SubjectRef(reader.GetString(first + 3), reader.GetString(first + 4), subjectRelation.Length == 0 ? null : subjectRelation),
            condition);
    }

    /// <summary>Attribute values stored as JSON.</summary>
    /// <exception cref="JsonException">The text is not a JSON object.</exception>
    internal static IReadOnlyDictionary<string, object?> Values(string json) => StoredValues.FromJson(json);
}
