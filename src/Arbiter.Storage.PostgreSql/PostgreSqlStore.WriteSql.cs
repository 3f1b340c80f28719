using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Arbiter.Storage.PostgreSql;

public sealed partial class PostgreSqlStore
{
    private const string KeyColumns = "object_type, object_id, relation, subject_type, subject_id, subject_relation";

    /// <summary>
    /// Checks and applies a write in one statement of data-modifying CTEs (all of them see the state before the write,
    /// so preconditions are checked before anything changes), then records the idempotency key and notifies.
    /// Failures are found afterwards from the returned row, and the caller rolls back.
    /// </summary>
    private async Task<WriteOutcome> ApplyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string storeId, long revision, StoreWrite write, string? fingerprint,
        string? writeSource, string? deleteSource, CancellationToken cancellationToken)
    {
        await using var command = Command(string.Empty, connection, transaction);
        var p = command.Parameters;
        p.AddWithValue("store", storeId);
        p.AddWithValue("revision", revision);
        p.AddWithValue("at", Now());
        var ctes = new List<string>();
        var results = new List<string>();
        long seq = 0;

        if (write.Preconditions.Count > 0)
        {
            AddKeyArrays(p, "p", write.Preconditions.Select(static x => x.Tuple).ToList(), withCondition: false);
            p.AddWithValue("p_kind", write.Preconditions.Select(static x => (short)x.Kind).ToArray());
            ctes.Add($"""
                pu AS (SELECT * FROM unnest(@p_kind, @p_ot, @p_oi, @p_rel, @p_st, @p_si, @p_sr) WITH ORDINALITY AS u(kind, ot, oi, rel, st, si, sr, ord))
                """);
            results.Add($"(SELECT min(pu.ord) FROM pu WHERE (pu.kind = {(short)PreconditionKind.MustExist}) <> EXISTS (SELECT 1 FROM {_s}.tuples t WHERE {Match("pu")}))");
        }
        else
        {
            results.Add("NULL::bigint");
        }

        if (write.Deletes.Count > 0)
        {
            ctes.Add($"du AS ({deleteSource ?? UnnestSource(p, "d", write.Deletes, withCondition: false)})");
            ctes.Add($"""
                del AS (DELETE FROM {_s}.tuples t USING du WHERE {Match("du")}
                    RETURNING du.ord, t.object_type, t.object_id, t.relation, t.subject_type, t.subject_id, t.subject_relation, t.condition_name, t.condition_context)
                """);
            ctes.Add($"""
                delc AS (INSERT INTO {_s}.changes (store, revision, seq, kind, committed_at, {KeyColumns}, condition_name, payload)
                    SELECT @store, @revision, {seq} + ord, {ChangeKind.TupleDeleted}, @at, {KeyColumns}, condition_name, condition_context FROM del)
                """);
            results.Add("(SELECT min(du.ord) FROM du WHERE NOT EXISTS (SELECT 1 FROM del WHERE del.ord = du.ord))");
            results.Add("(SELECT count(*) FROM del)");
            seq += write.Deletes.Count;
        }
        else
        {
            results.Add("NULL::bigint");
            results.Add("0::bigint");
        }

        if (write.Writes.Count > 0)
        {
            ctes.Add($"wu AS ({writeSource ?? UnnestSource(p, "w", write.Writes, withCondition: true)})");
            ctes.Add($"wn AS (SELECT wu.* FROM wu WHERE NOT EXISTS (SELECT 1 FROM {_s}.tuples t WHERE {Match("wu")}))");
            ctes.Add($"""
                wi AS (INSERT INTO {_s}.tuples (store, {KeyColumns}, condition_name, condition_context, revision)
                    SELECT @store, ot, oi, rel, st, si, sr, cn, cc, @revision FROM wn)
                """);
            ctes.Add($"""
                wc AS (INSERT INTO {_s}.changes (store, revision, seq, kind, committed_at, {KeyColumns}, condition_name, payload)
                    SELECT @store, @revision, {seq} + ord, {ChangeKind.TupleWritten}, @at, ot, oi, rel, st, si, sr, cn, cc FROM wn)
                """);
            results.Add("(SELECT min(wu.ord) FROM wu WHERE NOT EXISTS (SELECT 1 FROM wn WHERE wn.ord = wu.ord))");
            results.Add("(SELECT count(*) FROM wn)");
            seq += write.Writes.Count;
        }
        else
        {
            results.Add("NULL::bigint");
            results.Add("0::bigint");
        }

        if (write.SetAttributes.Count > 0)
        {
            p.AddWithValue("a_type", write.SetAttributes.Select(static a => a.Entity.Type).ToArray());
            p.AddWithValue("a_id", write.SetAttributes.Select(static a => a.Entity.Id).ToArray());
            p.AddWithValue("a_values", write.SetAttributes.Select(static a => StoredValues.ToJson(a.Values)).ToArray());
            ctes.Add("au AS (SELECT * FROM unnest(@a_type, @a_id, @a_values) WITH ORDINALITY AS u(et, ei, v, ord))");
            ctes.Add($"""
                ai AS (INSERT INTO {_s}.attributes (store, entity_type, entity_id, attribute_values, revision)
                    SELECT @store, et, ei, v, @revision FROM au
                    ON CONFLICT (store, entity_type, entity_id) DO UPDATE SET attribute_values = excluded.attribute_values, revision = excluded.revision)
                """);
            ctes.Add($"""
                ac AS (INSERT INTO {_s}.changes (store, revision, seq, kind, committed_at, object_type, object_id, payload)
                    SELECT @store, @revision, {seq} + ord, {ChangeKind.AttributesSet}, @at, et, ei, v FROM au)
                """);
            seq += write.SetAttributes.Count;
        }

        if (write.ClearAttributes.Count > 0)
        {
            p.AddWithValue("c_type", write.ClearAttributes.Select(static a => a.Type).ToArray());
            p.AddWithValue("c_id", write.ClearAttributes.Select(static a => a.Id).ToArray());
            ctes.Add("cu AS (SELECT * FROM unnest(@c_type, @c_id) WITH ORDINALITY AS u(et, ei, ord))");
            ctes.Add($"""
                cd AS (DELETE FROM {_s}.attributes a USING cu WHERE a.store = @store AND a.entity_type = cu.et AND a.entity_id = cu.ei)
                """);
            ctes.Add($"""
                cc AS (INSERT INTO {_s}.changes (store, revision, seq, kind, committed_at, object_type, object_id)
                    SELECT @store, @revision, {seq} + ord, {ChangeKind.AttributesCleared}, @at, et, ei FROM cu)
                """);
            results.Add($"{write.ClearAttributes.Count}::bigint");
        }
        else
        {
            results.Add("0::bigint");
        }

        var sql = new StringBuilder();
        sql.Append("WITH ").AppendJoin(",\n", ctes).Append("\nSELECT ").AppendJoin(", ", results).Append(";\n");
        if (write.IdempotencyKey is { } key)
        {
            p.AddWithValue("key", key);
            p.AddWithValue("fingerprint", fingerprint!);
            sql.Append($"INSERT INTO {_s}.idempotency (store, key, fingerprint, revision, created_at) VALUES (@store, @key, @fingerprint, @revision, @at);\n");
        }
        p.AddWithValue("channel", _channel);
        p.AddWithValue("payload", NotificationPayload(storeId, revision));
        sql.Append("SELECT pg_notify(@channel, @payload);");
        command.CommandText = sql.ToString();

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var outcome = new WriteOutcome(
            FailedPrecondition: reader.IsDBNull(0) ? null : (int)reader.GetInt64(0),
            FirstMissingDelete: reader.IsDBNull(1) ? null : (int)reader.GetInt64(1),
            FirstExistingWrite: reader.IsDBNull(3) ? null : (int)reader.GetInt64(3),
            Changed: reader.GetInt64(2) + reader.GetInt64(4) + write.SetAttributes.Count + reader.GetInt64(5));
        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
            // run the idempotency insert and the notification, surfacing their errors
        }
        return outcome;
    }

    /// <summary>The join condition of a stored tuple <c>t</c> with a staged row of <paramref name="alias"/>.</summary>
    private static string Match(string alias) =>
        $"t.store = @store AND t.object_type = {alias}.ot AND t.object_id = {alias}.oi AND t.relation = {alias}.rel"
        + $" AND t.subject_type = {alias}.st AND t.subject_id = {alias}.si AND t.subject_relation = {alias}.sr";

    /// <summary>The tuples as array parameters, and the query that turns them into rows (ot, oi, rel, st, si, sr[, cn, cc], ord).</summary>
    private static string UnnestSource(NpgsqlParameterCollection parameters, string prefix, IReadOnlyList<RelationshipTuple> tuples, bool withCondition)
    {
        AddKeyArrays(parameters, prefix, tuples, withCondition);
        var p = "@" + prefix + "_";
        return withCondition
            ? $"SELECT * FROM unnest({p}ot, {p}oi, {p}rel, {p}st, {p}si, {p}sr, {p}cn, {p}cc) WITH ORDINALITY AS u(ot, oi, rel, st, si, sr, cn, cc, ord)"
            : $"SELECT * FROM unnest({p}ot, {p}oi, {p}rel, {p}st, {p}si, {p}sr) WITH ORDINALITY AS u(ot, oi, rel, st, si, sr, ord)";
    }

    private static void AddKeyArrays(NpgsqlParameterCollection parameters, string prefix, IReadOnlyList<RelationshipTuple> tuples, bool withCondition)
    {
        var n = tuples.Count;
        string[] ot = new string[n], oi = new string[n], rel = new string[n], st = new string[n], si = new string[n], sr = new string[n];
        string?[] cn = new string?[withCondition ? n : 0], cc = new string?[withCondition ? n : 0];
        for (var i = 0; i < n; i++)
        {
            var t = tuples[i];
            (ot[i], oi[i], rel[i], st[i], si[i], sr[i]) = (t.Object.Type, t.Object.Id, t.Relation, t.Subject.Type, t.Subject.Id, t.Subject.Relation ?? string.Empty);
            if (withCondition)
            {
                (cn[i], cc[i]) = ConditionColumns(t);
            }
        }
        AddTextArray(parameters, prefix + "_ot", ot);
        AddTextArray(parameters, prefix + "_oi", oi);
        AddTextArray(parameters, prefix + "_rel", rel);
        AddTextArray(parameters, prefix + "_st", st);
        AddTextArray(parameters, prefix + "_si", si);
        AddTextArray(parameters, prefix + "_sr", sr);
        if (withCondition)
        {
            AddTextArray(parameters, prefix + "_cn", cn);
            AddTextArray(parameters, prefix + "_cc", cc);
        }
    }

    private static void AddTextArray(NpgsqlParameterCollection parameters, string name, string?[] values) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values });

    /// <summary>The stored condition name and context JSON of a tuple.</summary>
    private static (string? Name, string? Context) ConditionColumns(RelationshipTuple tuple) =>
        tuple.Condition is { } c ? (c.Name, c.Context is null ? null : StoredValues.ToJson(c.Context)) : (null, null);

    /// <summary>
    /// Sends the tuples with binary <c>COPY</c> into a temporary table dropped at the end of the transaction, and returns
    /// the query that reads them back as rows (ot, oi, rel, st, si, sr[, cn, cc], ord).
    /// </summary>
    private static async Task<string> StageByCopyAsync(
        NpgsqlConnection connection, string table, IReadOnlyList<RelationshipTuple> tuples, bool withCondition, CancellationToken cancellationToken)
    {
        await using (var create = Command(
            $"CREATE TEMP TABLE {table} (ot text, oi text, rel text, st text, si text, sr text, cn text, cc text, ord bigint) ON COMMIT DROP", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} (ot, oi, rel, st, si, sr, cn, cc, ord) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            for (var i = 0; i < tuples.Count; i++)
            {
                var t = tuples[i];
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await WriteTupleKeyAsync(importer, t, cancellationToken).ConfigureAwait(false);
                var (name, context) = withCondition ? ConditionColumns(t) : (null, null);
                await WriteTextAsync(importer, name, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(importer, context, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync((long)i + 1, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            }
            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var analyze = Command($"ANALYZE {table}", connection))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        return withCondition
            ? $"SELECT ot, oi, rel, st, si, sr, cn, cc, ord FROM {table}"
            : $"SELECT ot, oi, rel, st, si, sr, ord FROM {table}";
    }

    private static async Task WriteTupleKeyAsync(NpgsqlBinaryImporter importer, RelationshipTuple t, CancellationToken cancellationToken)
    {
        await importer.WriteAsync(t.Object.Type, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(t.Object.Id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(t.Relation, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(t.Subject.Type, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(t.Subject.Id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(t.Subject.Relation ?? string.Empty, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteTextAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        }
    }
}
