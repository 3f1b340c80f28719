using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Arbiter.Storage.Sqlite;

/// <summary>
/// The database schema as an ordered list of migrations. The applied version is <c>PRAGMA user_version</c> (kept in the
/// database header, changed in the migration's transaction). A later version appends a step; steps never change.
/// </summary>
/// <remarks>
/// Tables are <c>STRICT</c> and, except <c>stores</c>, <c>WITHOUT ROWID</c> (clustered by their primary key, so a
/// full read in key order is one sequential scan). Stores are referenced by an integer key so that the store id is
/// not repeated in every row. Times are UTC ticks (100 ns since 0001-01-01), exact round trips of
/// <see cref="DateTimeOffset"/>. Text compares with <c>BINARY</c>, the byte order of UTF-8, which is
/// <see cref="TupleKey.Compare"/>'s code point order.
/// </remarks>
internal static class SqliteSchema
{
    /// <summary>Change kinds in <c>changes.kind</c>.</summary>
    internal const int TupleWritten = 1, TupleDeleted = 2, AttributesSet = 3, AttributesCleared = 4, ModelWritten = 5;

    /// <summary>The migrations; version n is reached by applying the first n.</summary>
    internal static readonly string[] Migrations =
    [
        // 1: the first schema
        """
        CREATE TABLE stores (
            key INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            revision INTEGER NOT NULL DEFAULT 0,
            first_revision INTEGER NOT NULL DEFAULT 0
        ) STRICT;

        CREATE TABLE models (
            store INTEGER NOT NULL REFERENCES stores(key) ON DELETE CASCADE,
            id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (store, id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX models_by_revision ON models(store, revision);

        CREATE TABLE tuples (
            store INTEGER NOT NULL REFERENCES stores(key) ON DELETE CASCADE,
            object_type TEXT NOT NULL,
            object_id TEXT NOT NULL,
            relation TEXT NOT NULL,
            subject_type TEXT NOT NULL,
            subject_id TEXT NOT NULL,
            subject_relation TEXT NOT NULL,
            condition_name TEXT,
            condition_context TEXT,
            revision INTEGER NOT NULL,
            PRIMARY KEY (store, object_type, object_id, relation, subject_type, subject_id, subject_relation)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX tuples_by_subject ON tuples(store, subject_type, subject_id, subject_relation, object_type, object_id, relation);

        CREATE TABLE attributes (
            store INTEGER NOT NULL REFERENCES stores(key) ON DELETE CASCADE,
            entity_type TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            "values" TEXT NOT NULL,
            revision INTEGER NOT NULL,
            PRIMARY KEY (store, entity_type, entity_id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE changes (
            store INTEGER NOT NULL REFERENCES stores(key) ON DELETE CASCADE,
            revision INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            committed_at INTEGER NOT NULL,
            object_type TEXT,
            object_id TEXT,
            relation TEXT,
            subject_type TEXT,
            subject_id TEXT,
            subject_relation TEXT,
            name TEXT,
            payload TEXT,
            PRIMARY KEY (store, revision, seq)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE idempotency (
            store INTEGER NOT NULL REFERENCES stores(key) ON DELETE CASCADE,
            key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            revision INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (store, key)
        ) STRICT, WITHOUT ROWID;
        """,
    ];

    /// <summary>The schema version this code writes and reads.</summary>
    internal static int CurrentVersion => Migrations.Length;

    /// <summary>
    /// Brings the database to <see cref="CurrentVersion"/> in one immediate transaction (so that processes opening the
    /// file at once migrate it once). Returns the version found before.
    /// </summary>
    /// <exception cref="ArbiterStorageException">The file has a newer schema than this code knows.</exception>
    internal static int Migrate(SqliteConnection connection, string description, int targetVersion)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var found = ReadVersion(connection, transaction);
        if (found > CurrentVersion)
        {
            throw new ArbiterStorageException(
                $"cannot open {description}: its schema version is {found} but this version of Arbiter knows versions up to {CurrentVersion}; upgrade Arbiter",
                isTransient: false);
        }
        for (var version = found; version < targetVersion; version++)
        {
            using var step = connection.CreateCommand();
            step.Transaction = transaction;
            step.CommandText = Migrations[version];
            step.ExecuteNonQuery();
        }
        if (targetVersion > found)
        {
            using var set = connection.CreateCommand();
            set.Transaction = transaction;
            set.CommandText = "PRAGMA user_version = " + targetVersion.ToString(CultureInfo.InvariantCulture);
            set.ExecuteNonQuery();
        }
        transaction.Commit();
        return found;
    }

    /// <summary>The schema version recorded in the database (0 for a new file).</summary>
    internal static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
