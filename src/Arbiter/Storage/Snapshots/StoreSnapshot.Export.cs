using System.Text.Json;

namespace Arbiter.Storage;

public static partial class StoreSnapshot
{
    private static readonly SnapshotExportOptions DefaultExportOptions = new();

    /// <summary>
    /// Writes the store's whole state at one revision (read through <see cref="IStoreReader.OpenStateAsync"/>, so writes
    /// going on meanwhile are not in it) to <paramref name="destination"/> as a snapshot (format: see <see cref="StoreSnapshot"/>).
    /// Streams: memory does not grow with the number of tuples.
    /// </summary>
    /// <param name="store">The store provider.</param>
    /// <param name="storeId">The store.</param>
    /// <param name="destination">Where to write; written from its current position, flushed, not closed.</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the export (the destination then holds an incomplete snapshot, which verification refuses).</param>
    /// <returns>What the snapshot holds, with its content hash.</returns>
    /// <exception cref="ArbiterException"><see cref="ArbiterErrorCode.StoreNotFound"/>.</exception>
    /// <exception cref="ArbiterStorageException">The store cannot be read, or returned tuples or attributes out of order or twice.</exception>
    public static async Task<SnapshotInfo> ExportAsync(IStoreReader store, string storeId, Stream destination, SnapshotExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(storeId);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("the destination stream is not writable", nameof(destination));
        }
        options ??= DefaultExportOptions;
        var state = await store.OpenStateAsync(storeId, cancellationToken).ConfigureAwait(false);
        await using (state.ConfigureAwait(false))
        {
            using var hasher = new SnapshotHasher();
            var createdAt = options.TimeProvider.GetUtcNow();
            var writer = new SnapshotFileWriter(destination, options.Indented);
            long tuples = 0, attributes = 0;
            writer.StartDocument();
            WriteHeader(writer, hasher, state, createdAt);
            writer.StartArray("tuples"u8);
            TupleKey? previousKey = null;
            await foreach (var tuple in state.ReadTuplesAsync(cancellationToken).ConfigureAwait(false))
            {
                var key = TupleKey.Of(tuple);
                if (previousKey is { } p && TupleKey.Compare(p, key) >= 0)
                {
                    throw new ArbiterStorageException($"store '{storeId}' returned tuple '{key}' {(TupleKey.Compare(p, key) == 0 ? "twice" : "out of order")} while exporting a snapshot", isTransient: false);
                }
                previousKey = key;
                WriteTuple(writer, hasher, tuple);
                tuples++;
                await writer.FlushAsync(force: false, cancellationToken).ConfigureAwait(false);
            }
            writer.EndArray();
            writer.StartArray("attributes"u8);
            ObjectRef? previousEntity = null;
            await foreach (var entry in state.ReadAttributesAsync(cancellationToken).ConfigureAwait(false))
            {
                if (previousEntity is { } p && SnapshotEntries.CompareEntities(p, entry.Entity) >= 0)
                {
                    throw new ArbiterStorageException($"store '{storeId}' returned the attributes of '{entry.Entity}' {(SnapshotEntries.CompareEntities(p, entry.Entity) == 0 ? "twice" : "out of order")} while exporting a snapshot", isTransient: false);
                }
                previousEntity = entry.Entity;
                WriteAttributes(writer, hasher, entry);
                attributes++;
                await writer.FlushAsync(force: false, cancellationToken).ConfigureAwait(false);
            }
            writer.EndArray();
            var hash = WriteTrailer(writer, hasher, tuples, attributes);
            writer.EndDocument();
            await writer.FlushAsync(force: true, cancellationToken).ConfigureAwait(false);
            return new SnapshotInfo
            {
                FormatVersion = FormatVersion,
                StoreId = state.Store.Id,
                StoreName = state.Store.Name,
                Revision = state.Revision,
                CreatedAt = createdAt,
                ModelId = state.Model?.Id,
                TupleCount = tuples,
                AttributeCount = attributes,
                Hash = hash,
            };
        }
    }

    /// <summary>
    /// Writes a snapshot of the store to the file <paramref name="path"/>: first to a temporary file beside it, which then
    /// replaces <paramref name="path"/> at once, so the file is never seen half-written and a failed export leaves any
    /// earlier file in place.
    /// </summary>
    /// <inheritdoc cref="ExportAsync(IStoreReader, string, Stream, SnapshotExportOptions?, CancellationToken)"/>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static async Task<SnapshotInfo> ExportAsync(IStoreReader store, string storeId, string path, SnapshotExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(storeId);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            SnapshotInfo info;
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                info = await ExportAsync(store, storeId, file, options, cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
            return info;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static void WriteHeader(SnapshotFileWriter writer, SnapshotHasher hasher, IStoreState state, DateTimeOffset createdAt)
    {
        hasher.Begin().WriteStringValue(FormatName);
        Member(writer, hasher, "format"u8);
        hasher.Begin().WriteNumberValue(FormatVersion);
        Member(writer, hasher, "formatVersion"u8);
        var w = hasher.Begin();
        w.WriteStartObject();
        w.WriteString("id"u8, state.Store.Id);
        w.WriteString("name"u8, state.Store.Name);
        w.WriteEndObject();
        Member(writer, hasher, "store"u8);
        hasher.Begin().WriteNumberValue(state.Revision);
        Member(writer, hasher, "revision"u8);
        hasher.Begin().WriteStringValue(SnapshotEntries.FormatTime(createdAt));
        Member(writer, hasher, "createdAt"u8);
        using var definition = state.Model is { } m ? JsonDocument.Parse(StoreQueries.ModelToJson(m.Model, m.Id)) : null;
        w = hasher.Begin();
        if (state.Model is { } model)
        {
            // members in canonical (ordinal) order
            w.WriteStartObject();
            w.WriteString("createdAt"u8, SnapshotEntries.FormatTime(model.CreatedAt));
            w.WritePropertyName("definition"u8);
            SnapshotHasher.WriteCanonical(w, definition!.RootElement);
            w.WriteString("id"u8, model.Id);
            w.WriteNumber("revision"u8, model.Revision);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }
        Member(writer, hasher, "model"u8);
    }

    private static string WriteTrailer(SnapshotFileWriter writer, SnapshotHasher hasher, long tuples, long attributes)
    {
        var c = hasher.Begin();
        c.WriteStartObject();
        c.WriteNumber("attributes"u8, attributes);
        c.WriteNumber("tuples"u8, tuples);
        c.WriteEndObject();
        Member(writer, hasher, "counts"u8);
        var hash = hasher.Finish();
        var w = hasher.Begin();
        w.WriteStringValue(hash);
        writer.Member("hash"u8, hasher.Written());
        return hash;
    }

    /// <summary>Writes the canonical value just written to the hasher as member <paramref name="name"/> of the file, and hashes it.</summary>
    private static void Member(SnapshotFileWriter writer, SnapshotHasher hasher, ReadOnlySpan<byte> name)
    {
        var value = hasher.Written();
        hasher.Add(name, value);
        writer.Member(name, value);
    }

    private static void WriteTuple(SnapshotFileWriter writer, SnapshotHasher hasher, RelationshipTuple tuple)
    {
        // members in canonical (ordinal) order; StoredValues writes contexts with sorted keys
        var w = hasher.Begin();
        w.WriteStartObject();
        if (tuple.Condition is { } condition)
        {
            w.WriteStartObject("condition"u8);
            if (condition.Context is { } context)
            {
                w.WritePropertyName("context"u8);
                StoredValues.Write(w, context);
            }
            w.WriteString("name"u8, condition.Name);
            w.WriteEndObject();
        }
        w.WriteString("object"u8, tuple.Object.ToString());
        w.WriteString("relation"u8, tuple.Relation);
        w.WriteString("user"u8, tuple.Subject.ToString());
        w.WriteEndObject();
        var value = hasher.Written();
        hasher.Add("tuples"u8, value, arrayEntry: true);
        writer.Entry(value);
    }

    private static void WriteAttributes(SnapshotFileWriter writer, SnapshotHasher hasher, EntityAttributes entry)
    {
        var w = hasher.Begin();
        w.WriteStartObject();
        w.WriteString("entity"u8, entry.Entity.ToString());
        w.WritePropertyName("values"u8);
        StoredValues.Write(w, entry.Values);
        w.WriteEndObject();
        var value = hasher.Written();
        hasher.Add("attributes"u8, value, arrayEntry: true);
        writer.Entry(value);
    }
}
