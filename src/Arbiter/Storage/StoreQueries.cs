using System.Text.Json;
using Arbiter.Model;
using Arbiter.Parsing;

namespace Arbiter.Storage;

/// <summary>Reading helpers every provider shares, so that all of them accept and refuse the same queries with the same messages.</summary>
public static class StoreQueries
{
    /// <summary>The largest page of <see cref="IStoreReader.ReadTuplesAsync"/>.</summary>
    public const int MaxPageSize = 10_000;

    /// <summary>Checks a tuple query and returns the key its continuation token resumes after (or <see langword="null"/>).</summary>
    /// <exception cref="ArbiterException"><see cref="ArbiterErrorCode.ValidationError"/>: a bad limit, token or filter.</exception>
    public static TupleKey? Validate(TupleQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > MaxPageSize)
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, $"a page holds 1 to {MaxPageSize} tuples but {query.Limit} were asked for");
        }
        if (query.ObjectId is not null && query.ObjectType is null)
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, "a tuple query with an object id needs the object type");
        }
        if (query.ContinuationToken is null)
        {
            return null;
        }
        return TupleKey.TryParseToken(query.ContinuationToken, out var key)
            ? key
            : throw new ArbiterException(ArbiterErrorCode.ValidationError, $"invalid continuation token '{Shorten(query.ContinuationToken)}': it was not made by this store");
    }

    /// <summary>Whether a stored tuple's key matches a query's filters.</summary>
    public static bool Matches(TupleQuery query, TupleKey key)
    {
        ArgumentNullException.ThrowIfNull(query);
        return (query.ObjectType is null || string.Equals(query.ObjectType, key.ObjectType, StringComparison.Ordinal))
            && (query.ObjectId is null || string.Equals(query.ObjectId, key.ObjectId, StringComparison.Ordinal))
            && (query.Relation is null || string.Equals(query.Relation, key.Relation, StringComparison.Ordinal))
            && (query.Subject is not { } s || (string.Equals(s.Type, key.SubjectType, StringComparison.Ordinal)
                && string.Equals(s.Id, key.SubjectId, StringComparison.Ordinal)
                && string.Equals(s.Relation ?? string.Empty, key.SubjectRelation, StringComparison.Ordinal)));
    }

    /// <summary>Throws <see cref="ArbiterErrorCode.ChangesUnavailable"/> when the changes right after <paramref name="afterRevision"/> are gone.</summary>
    /// <param name="storeId">The store.</param>
    /// <param name="afterRevision">The revision asked for.</param>
    /// <param name="firstRevision">The first revision whose change the store has (1 unless it was imported).</param>
    public static void CheckChangesAvailable(string storeId, long afterRevision, long firstRevision)
    {
        if (afterRevision < firstRevision - 1)
        {
            throw new ArbiterException(ArbiterErrorCode.ChangesUnavailable,
                $"store '{storeId}' has no changes before revision {firstRevision} (they were pruned, or it was imported from a snapshot at revision {firstRevision - 1}); load its state or a snapshot instead of reading changes after revision {afterRevision}");
        }
    }

    /// <summary>Checks a prune's arguments (before any storage is touched).</summary>
    /// <exception cref="ArbiterException"><see cref="ArbiterErrorCode.ValidationError"/>: a negative revision or age.</exception>
    public static void Validate(StorePrune prune)
    {
        ArgumentNullException.ThrowIfNull(prune);
        if (prune.ChangesThrough is < 0)
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, $"changes can be pruned through revision 0 or later, not {prune.ChangesThrough}");
        }
        if (prune.KeysOlderThan is { } age && age < TimeSpan.Zero)
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, $"idempotency keys can be pruned by an age of zero or more, not {age}");
        }
    }

    /// <summary>The time before which idempotency keys are older than <paramref name="age"/> (the earliest time when the age reaches past it).</summary>
    public static DateTimeOffset KeyCutoff(DateTimeOffset now, TimeSpan age) =>
        age >= now - DateTimeOffset.MinValue ? DateTimeOffset.MinValue : now - age;

    /// <summary>Checks, inside the prune's transaction, that the changes to prune are not beyond the store's revision.</summary>
    /// <exception cref="ArbiterException"><see cref="ArbiterErrorCode.ValidationError"/> naming both revisions.</exception>
    public static void CheckPruneHorizon(string storeId, long changesThrough, long revision)
    {
        if (changesThrough > revision)
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError,
                $"cannot prune the changes of store '{storeId}' through revision {changesThrough}: the store is at revision {revision}");
        }
    }

    /// <summary>The exception for a store that does not exist.</summary>
    public static ArbiterException NotFound(string? storeId) =>
        new(ArbiterErrorCode.StoreNotFound, $"store '{storeId}' does not exist");

    /// <summary>Reads a stored model's JSON; a model that no longer parses is a non-transient storage error.</summary>
    /// <exception cref="ArbiterStorageException">The JSON is not a valid model.</exception>
    public static AuthorizationModel ParseModel(string json, string id, string description)
    {
        var parsed = ModelJson.Parse(json);
        if (!parsed.Success)
        {
            throw new ArbiterStorageException(
                $"the stored model version '{id}' in {description} cannot be read: {string.Join("; ", parsed.Diagnostics.Take(3).Select(static d => d.Message))}",
                isTransient: false);
        }
        return parsed.Model! with { Id = id };
    }

    /// <summary>The JSON a provider stores for a model version.</summary>
    public static string ModelToJson(AuthorizationModel model, string id)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ModelJson.Write(model with { Id = id }, indented: false);
    }

    /// <summary>A tuple condition as one JSON text (<c>{"name":…,"context":{…}}</c>), or <see langword="null"/>.</summary>
    public static string? WriteCondition(TupleCondition? condition) => condition is null
        ? null
        : $"{{\"name\":{JsonSerializerString(condition.Name)},\"context\":{(condition.Context is null ? "null" : StoredValues.ToJson(condition.Context))}}}";

    /// <summary>Reads <see cref="WriteCondition"/>'s text.</summary>
    public static TupleCondition? ReadCondition(string? json)
    {
        if (json is null)
        {
            return null;
        }
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var context = root.GetProperty("context");
        return new TupleCondition(root.GetProperty("name").GetString()!,
            context.ValueKind == JsonValueKind.Null ? null : StoredValues.FromElement(context));
    }

    private static string JsonSerializerString(string value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(value);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
