using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Arbiter.Storage.Sqlite;

/// <summary>
/// Reads tuples row by row straight from SQLite (SQLitePCLRaw on the Microsoft.Data.Sqlite connection, so inside its
/// transaction): column bytes are read in place and repeated values decoded once (<see cref="Utf8StringCache"/>).
/// Streaming a whole store this way takes about half the time of <see cref="SqliteDataReader"/>'s <c>GetString</c>.
/// </summary>
internal sealed class TupleCursor : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly Utf8StringCache _objectType = new(16), _objectId = new(1), _relation = new(16),
        _subjectType = new(16), _subjectId = new(1), _subjectRelation = new(16), _conditionName = new(16);

    /// <summary>Prepares <paramref name="sql"/>, which selects <see cref="SqliteRows.TupleColumns"/> and has one parameter, the store key.</summary>
    /// <exception cref="SqliteException">SQLite refused the statement.</exception>
    internal TupleCursor(SqliteConnection connection, string sql, long storeKey)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out _statement), _db);
        try
        {
            SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(_statement, 1, storeKey), _db);
        }
        catch
        {
            _statement.Dispose();
            throw;
        }
    }

    /// <summary>The next tuple, or <see langword="null"/> after the last.</summary>
    /// <exception cref="SqliteException">SQLite failed.</exception>
    /// <exception cref="System.Text.Json.JsonException">A stored condition context is not a JSON object.</exception>
    internal RelationshipTuple? Next()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_DONE)
        {
            return null;
        }
        if (rc != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
        TupleCondition? condition = null;
        if (raw.sqlite3_column_type(_statement, 6) != raw.SQLITE_NULL)
        {
            condition = new TupleCondition(_conditionName.Get(raw.sqlite3_column_blob(_statement, 6)),
                raw.sqlite3_column_type(_statement, 7) == raw.SQLITE_NULL
                    ? null
                    : StoredValues.FromJson(raw.sqlite3_column_text(_statement, 7).utf8_to_string()));
        }
        var subjectRelation = _subjectRelation.Get(raw.sqlite3_column_blob(_statement, 5));
        return new RelationshipTuple(
            new ObjectRef(_objectType.Get(raw.sqlite3_column_blob(_statement, 0)), _objectId.Get(raw.sqlite3_column_blob(_statement, 1))),
            _relation.Get(raw.sqlite3_column_blob(_statement, 2)),
            new SubjectRef(_subjectType.Get(raw.sqlite3_column_blob(_statement, 3)), _subjectId.Get(raw.sqlite3_column_blob(_statement, 4)),
                subjectRelation.Length == 0 ? null : subjectRelation),
            condition);
    }

    /// <inheritdoc />
    public void Dispose() => _statement.Dispose();
}
