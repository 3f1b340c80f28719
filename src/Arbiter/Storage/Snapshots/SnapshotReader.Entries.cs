using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Arbiter.Storage;

internal sealed partial class SnapshotReader
{
    private async Task ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var token = await _json.ReadTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token != JsonTokenType.StartObject)
        {
            throw At($"this is not an Arbiter snapshot: a snapshot is one JSON object that starts with \"format\": \"{StoreSnapshot.FormatName}\", but this file starts with {Describe(token)}");
        }
        token = await _json.ReadTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token != JsonTokenType.PropertyName || !string.Equals(_json.TokenString, "format", StringComparison.Ordinal))
        {
            throw At($"this is not an Arbiter snapshot: its first member must be \"format\": \"{StoreSnapshot.FormatName}\", but it is {Describe(token)}");
        }
        using (var format = await ValueAsync("format", cancellationToken).ConfigureAwait(false))
        {
            if (format.RootElement.ValueKind != JsonValueKind.String || !format.RootElement.ValueEquals(StoreSnapshot.FormatName))
            {
                throw At($"unknown format {format.RootElement.GetRawText()}: an Arbiter snapshot has \"format\": \"{StoreSnapshot.FormatName}\"");
            }
        }
        using (var version = await MemberAsync("formatVersion", cancellationToken).ConfigureAwait(false))
        {
            if (!version.RootElement.TryGetInt32(out var v) || v != StoreSnapshot.FormatVersion)
            {
                throw At($"unsupported format version {version.RootElement.GetRawText()}: this version of Arbiter reads snapshots of format version {StoreSnapshot.FormatVersion}");
            }
            FormatVersion = v;
        }
        using (var store = await MemberAsync("store", cancellationToken).ConfigureAwait(false))
        {
            var root = store.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                || root.EnumerateObject().Count() != 2)
            {
                throw At("\"store\" must be {\"id\": \"…\", \"name\": \"…\"}");
            }
            if (!StoreIds.IsValidStoreId(id.GetString(), out var error))
            {
                throw At($"\"store\" has an invalid id: {error}");
            }
            StoreId = id.GetString()!;
            StoreName = name.GetString()!;
        }
        using (var revision = await MemberAsync("revision", cancellationToken).ConfigureAwait(false))
        {
            if (!revision.RootElement.TryGetInt64(out var r) || r < 0)
            {
                throw At("\"revision\" must be an integer of 0 or more");
            }
            Revision = r;
        }
        using (var created = await MemberAsync("createdAt", cancellationToken).ConfigureAwait(false))
        {
            if (!SnapshotEntries.TryReadTime(created.RootElement, out var createdAt))
            {
                throw At("\"createdAt\" must be an RFC 3339 time, e.g. \"2025-01-31T12:00:00.0000000+00:00\"");
            }
            CreatedAt = createdAt;
        }
        using (var model = await MemberAsync("model", cancellationToken).ConfigureAwait(false))
        {
            if (!SnapshotEntries.TryReadModel(model.RootElement, out var stored, out var problem))
            {
                throw At("\"model\" is malformed: " + problem);
            }
            if (stored is not null && stored.Revision > Revision)
            {
                throw At($"the model was written at revision {stored.Revision}, after the snapshot's revision {Revision}");
            }
            Model = stored;
        }
        await ExpectArrayAsync("tuples", cancellationToken).ConfigureAwait(false);
        _tuplesMark = _json.GetMark();
    }

    /// <summary>Reads the member <paramref name="name"/> (it must come next) and adds it to the hash.</summary>
    private async Task<JsonDocument> MemberAsync(string name, CancellationToken cancellationToken)
    {
        var token = await _json.ReadTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token != JsonTokenType.PropertyName || !string.Equals(_json.TokenString, name, StringComparison.Ordinal))
        {
            throw At(token == JsonTokenType.EndObject
                ? $"the member \"{name}\" is missing"
                : $"expected the member \"{name}\" but found {Describe(token)} (members come in the order format, formatVersion, store, revision, createdAt, model, tuples, attributes, counts, hash)");
        }
        return await ValueAsync(name, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonDocument> ValueAsync(string name, CancellationToken cancellationToken)
    {
        var document = await _json.ReadValueAsync(cancellationToken).ConfigureAwait(false)
            ?? throw At($"the member \"{name}\" has no value");
        Hash(name, document);
        return document;
    }

    private void Hash(string name, JsonDocument document) =>
        _hasher.Add(System.Text.Encoding.UTF8.GetBytes(name), _hasher.Canonical(document.RootElement));

    private async Task ExpectArrayAsync(string name, CancellationToken cancellationToken)
    {
        var token = await _json.ReadTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token != JsonTokenType.PropertyName || !string.Equals(_json.TokenString, name, StringComparison.Ordinal))
        {
            throw At(token == JsonTokenType.EndObject ? $"the member \"{name}\" is missing" : $"expected the member \"{name}\" but found {Describe(token)}");
        }
        token = await _json.ReadTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token != JsonTokenType.StartArray)
        {
            throw At($"\"{name}\" must be an array");
        }
    }

    private async IAsyncEnumerable<RelationshipTuple> ReadTupleEntriesAsync(SnapshotHasher hasher, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TupleKey? previous = null;
        while (await _json.ReadValueAsync(cancellationToken).ConfigureAwait(false) is { } document)
        {
            var tuple = AcceptTuple(hasher, document, ref previous);
            _index++;
            yield return tuple;
        }
    }

    private RelationshipTuple AcceptTuple(SnapshotHasher hasher, JsonDocument document, ref TupleKey? previous)
    {
        using (document)
        {
            var element = document.RootElement;
            hasher.Add("tuples"u8, hasher.Canonical(element), arrayEntry: true);
            if (!SnapshotEntries.TryReadTuple(element, out var tuple, out var problem))
            {
                throw At($"tuple {_index + 1} is malformed: {problem}");
            }
            var key = TupleKey.Of(tuple);
            if (previous is { } p && TupleKey.Compare(p, key) >= 0)
            {
                throw At(TupleKey.Compare(p, key) == 0
                    ? $"tuple {_index + 1} '{key}' appears twice"
                    : $"tuple {_index + 1} '{key}' is out of order: tuples are sorted by object type, object id, relation, subject type, subject id and subject relation (code point order)");
            }
            previous = key;
            return tuple;
        }
    }

    private async IAsyncEnumerable<EntityAttributes> ReadAttributeEntriesAsync(SnapshotHasher hasher, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ObjectRef? previous = null;
        while (await _json.ReadValueAsync(cancellationToken).ConfigureAwait(false) is { } document)
        {
            var entry = AcceptAttributes(hasher, document, ref previous);
            _index++;
            yield return entry;
        }
    }

    private EntityAttributes AcceptAttributes(SnapshotHasher hasher, JsonDocument document, ref ObjectRef? previous)
    {
        using (document)
        {
            var element = document.RootElement;
            hasher.Add("attributes"u8, hasher.Canonical(element), arrayEntry: true);
            if (!SnapshotEntries.TryReadAttributes(element, out var entry, out var problem))
            {
                throw At($"attribute entry {_index + 1} is malformed: {problem}");
            }
            if (!StoredValues.CanStore(entry.Values, out var error))
            {
                throw At($"attribute entry {_index + 1} of '{entry.Entity}' is malformed: {error}");
            }
            if (previous is { } p && SnapshotEntries.CompareEntities(p, entry.Entity) >= 0)
            {
                throw At(SnapshotEntries.CompareEntities(p, entry.Entity) == 0
                    ? $"attribute entry {_index + 1} '{entry.Entity}' appears twice"
                    : $"attribute entry {_index + 1} '{entry.Entity}' is out of order: entries are sorted by entity type, then id (code point order)");
            }
            previous = entry.Entity;
            return entry;
        }
    }
}
