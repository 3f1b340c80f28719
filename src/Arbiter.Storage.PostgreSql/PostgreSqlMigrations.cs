using Npgsql;

namespace Arbiter.Storage.PostgreSql;

/// <summary>
/// The store's tables, as an ordered list of migrations. A database records the versions applied in
/// <c>schema_migrations</c>; opening a store applies the missing ones in one transaction under an advisory lock, so two
/// servers starting at once do not migrate twice. Append new migrations; never edit an applied one.
/// </summary>
internal static class PostgreSqlMigrations
{
    /// <summary>The migrations, version i+1 at index i. <c>{s}</c> is the quoted schema name.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        // 1: stores, models, tuples, attributes, the change feed and idempotency keys. Keys use COLLATE "C" so that
        // their order is code point order (TupleKey.Compare) whatever the database's collation.
        """
        CREATE TABLE {s}.stores (
            id text COLLATE "C" PRIMARY KEY,
            name text NOT NULL,
            created_at timestamptz NOT NULL,
            revision bigint NOT NULL DEFAULT 0,
            first_revision bigint NOT NULL DEFAULT 0);
        CREATE TABLE {s}.models (
            store text COLLATE "C" NOT NULL REFERENCES {s}.stores (id) ON DELETE CASCADE,
            id text COLLATE "C" NOT NULL,
            revision bigint NOT NULL,
            created_at timestamptz NOT NULL,
            json text NOT NULL,
            PRIMARY KEY (store, id));
        CREATE INDEX models_newest ON {s}.models (store, revision DESC, id DESC);
        CREATE TABLE {s}.tuples (
            store text COLLATE "C" NOT NULL REFERENCES {s}.stores (id) ON DELETE CASCADE,
            object_type text COLLATE "C" NOT NULL,
            object_id text COLLATE "C" NOT NULL,
            relation text COLLATE "C" NOT NULL,
            subject_type text COLLATE "C" NOT NULL,
            subject_id text COLLATE "C" NOT NULL,
            subject_relation text COLLATE "C" NOT NULL,
            condition_name text,
            condition_context text,
            revision bigint NOT NULL,
            PRIMARY KEY (store, object_type, object_id, relation, subject_type, subject_id, subject_relation));
        CREATE INDEX tuples_by_subject ON {s}.tuples (store, subject_type, subject_id, subject_relation, relation);
        CREATE INDEX tuples_by_relation ON {s}.tuples (store, relation);
        CREATE TABLE {s}.attributes (
            store text COLLATE "C" NOT NULL REFERENCES {s}.stores (id) ON DELETE CASCADE,
            entity_type text COLLATE "C" NOT NULL,
            entity_id text COLLATE "C" NOT NULL,
            attribute_values text NOT NULL,
            revision bigint NOT NULL,
            PRIMARY KEY (store, entity_type, entity_id));
        CREATE TABLE {s}.changes (
            store text COLLATE "C" NOT NULL REFERENCES {s}.stores (id) ON DELETE CASCADE,
            revision bigint NOT NULL,
            seq bigint NOT NULL,
            kind smallint NOT NULL,
            committed_at timestamptz NOT NULL,
            object_type text,
            object_id text,
            relation text,
            subject_type text,
            subject_id text,
            subject_relation text,
            condition_name text,
            payload text,
            PRIMARY KEY (store, revision, seq));
        CREATE TABLE {s}.idempotency (
            store text COLLATE "C" NOT NULL REFERENCES {s}.stores (id) ON DELETE CASCADE,
            key text COLLATE "C" NOT NULL,
            fingerprint text NOT NULL,
            revision bigint NOT NULL,
            PRIMARY KEY (store, key));
        """,

        // 2: when each idempotency key was recorded, so that old keys can be pruned. Rows from before get the migration's
        // time (kept for a whole retention period from now); new rows get the store's clock (TimeProvider) from the insert.
        """
        ALTER TABLE {s}.idempotency ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
        ALTER TABLE {s}.idempotency ALTER COLUMN created_at DROP DEFAULT;
        """,
    ];

    /// <summary>Creates the schema and applies the missing migrations; refuses a database newer than this code.</summary>
    public static async Task MigrateAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        var s = Quote(schema);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(
            $"""
            SELECT pg_advisory_xact_lock(728354011, hashtext(@schema));
            CREATE SCHEMA IF NOT EXISTS {s};
            CREATE TABLE IF NOT EXISTS {s}.schema_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("schema", schema);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        int current;
        await using (var command = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {s}.schema_migrations", connection, transaction))
        {
            current = (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        if (current > All.Count)
        {
            throw new ArbiterStorageException(
                $"the PostgreSQL schema '{schema}' is at version {current} but this version of Arbiter knows versions up to {All.Count}: upgrade Arbiter",
                isTransient: false);
        }
        for (var version = current + 1; version <= All.Count; version++)
        {
            await using var command = new NpgsqlCommand(
                All[version - 1].Replace("{s}", s, StringComparison.Ordinal)
                + $";\nINSERT INTO {s}.schema_migrations (version) VALUES ({version});",
                connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A schema name (already checked to be lower-case letters, digits and <c>_</c>) as a quoted identifier.</summary>
    public static string Quote(string schema) => "\"" + schema + "\"";
}
