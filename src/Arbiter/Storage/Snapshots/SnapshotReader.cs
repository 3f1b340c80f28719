using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace Arbiter.Storage;

/// <summary>
/// Reads and verifies a snapshot in one forward pass (header and model, tuples, attribute entries, then counts and hash),
/// and, on a seekable stream after that pass, reads the tuples or attribute entries again, each checked against the
/// digest of the first pass. Nothing is trusted before <see cref="FinishAsync"/> has compared the content hash.
/// </summary>
internal sealed partial class SnapshotReader : IDisposable
{
    private readonly SnapshotJsonReader _json;
    private readonly SnapshotHasher _hasher = new();
    private string? _section;
    private long _index;
    private SnapshotJsonReader.Mark _tuplesMark;
    private SnapshotJsonReader.Mark _attributesMark;
    private byte[]? _tuplesDigest;
    private byte[]? _attributesDigest;
    private int _stage;
    private int _busy;

    private SnapshotReader(Stream stream)
    {
        _json = new SnapshotJsonReader(stream) { Where = Where };
    }

    public int FormatVersion { get; private set; }

    public string StoreId { get; private set; } = string.Empty;

    public string StoreName { get; private set; } = string.Empty;

    public long Revision { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public StoredModel? Model { get; private set; }

    public long TupleCount { get; private set; }

    public long AttributeCount { get; private set; }

    /// <summary>The verified snapshot, once <see cref="FinishAsync"/> returned.</summary>
    public SnapshotInfo? Info { get; private set; }

    /// <summary>Reads the header and the model; the tuples come next.</summary>
    public static async Task<SnapshotReader> OpenAsync(Stream stream, CancellationToken cancellationToken)
    {
        var reader = new SnapshotReader(stream);
        try
        {
            await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Reads a whole snapshot and checks it.</summary>
    public static async Task<SnapshotInfo> VerifyAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = await OpenAsync(stream, cancellationToken).ConfigureAwait(false);
        return await reader.DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the tuples and attribute entries of an opened reader, then checks counts and hash.</summary>
    public async Task<SnapshotInfo> DrainAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in ReadTuplesAsync(cancellationToken).ConfigureAwait(false))
        {
        }
        await foreach (var _ in ReadAttributesAsync(cancellationToken).ConfigureAwait(false))
        {
        }
        return await FinishAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The tuples, on the first pass (call once, right after <see cref="OpenAsync"/>).</summary>
    public async IAsyncEnumerable<RelationshipTuple> ReadTuplesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Advance(0, "tuple");
        await foreach (var tuple in ReadTupleEntriesAsync(_hasher, cancellationToken).ConfigureAwait(false))
        {
            yield return tuple;
        }
        TupleCount = _index;
        _tuplesDigest = _hasher.TakeSectionDigest();
        _section = null;
        await ExpectArrayAsync("attributes", cancellationToken).ConfigureAwait(false);
        _attributesMark = _json.GetMark();
        _stage = 2;
    }

    /// <summary>The attribute entries, on the first pass (after <see cref="ReadTuplesAsync"/>).</summary>
    public async IAsyncEnumerable<EntityAttributes> ReadAttributesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Advance(2, "attribute entry");
        await foreach (var entry in ReadAttributeEntriesAsync(_hasher, cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
        }
        AttributeCount = _index;
        _attributesDigest = _hasher.TakeSectionDigest();
        _section = null;
        _stage = 4;
    }

    /// <summary>Reads the counts and the hash and checks them (after <see cref="ReadAttributesAsync"/>).</summary>
    public async Task<SnapshotInfo> FinishAsync(CancellationToken cancellationToken)
    {
        Advance(4, null);
        using (var counts = await MemberAsync("counts", cancellationToken).ConfigureAwait(false))
        {
            var root = counts.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("tuples", out var t) || !t.TryGetInt64(out var tuples)
                || !root.TryGetProperty("attributes", out var a) || !a.TryGetInt64(out var attributes))
            {
                throw At("\"counts\" must be {\"tuples\": n, \"attributes\": m}");
            }
            if (tuples != TupleCount || attributes != AttributeCount)
            {
                throw At($"the counts do not match the content: \"counts\" says {tuples} tuples and {attributes} attribute entries but the file has {TupleCount} and {AttributeCount}");
            }
        }
        var token = await _json.ReadTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token != JsonTokenType.PropertyName || !string.Equals(_json.TokenString, "hash", StringComparison.Ordinal))
        {
            throw At(token == JsonTokenType.EndObject
                ? "the content hash is missing: there is no \"hash\" member after \"counts\""
                : $"expected the member \"hash\" but found {Describe(token)}");
        }
        string? written;
        using (var hash = await _json.ReadValueAsync(cancellationToken).ConfigureAwait(false))
        {
            written = hash?.RootElement.ValueKind == JsonValueKind.String ? hash.RootElement.GetString() : null;
        }
        var computed = _hasher.Finish();
        if (!string.Equals(written, computed, StringComparison.OrdinalIgnoreCase))
        {
            throw SnapshotJsonReader.Invalid(written is null || !written.StartsWith("sha256:", StringComparison.Ordinal)
                ? $"\"hash\" at line {_json.TokenLine} must be a string \"sha256:\" followed by 64 hex digits"
                : "the content hash does not match: the file was changed or damaged after it was written");
        }
        token = await _json.ReadTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token != JsonTokenType.EndObject)
        {
            throw At($"expected the end of the snapshot after \"hash\" but found {Describe(token)}");
        }
        await _json.ReadEndAsync(cancellationToken).ConfigureAwait(false);
        _stage = 5;
        Info = new SnapshotInfo
        {
            FormatVersion = FormatVersion,
            StoreId = StoreId,
            StoreName = StoreName,
            Revision = Revision,
            CreatedAt = CreatedAt,
            ModelId = Model?.Id,
            TupleCount = TupleCount,
            AttributeCount = AttributeCount,
            Hash = computed,
        };
        return Info;
    }

    /// <summary>The tuples again, from a seekable stream after <see cref="FinishAsync"/>; fails if they changed since.</summary>
    public async IAsyncEnumerable<RelationshipTuple> ReplayTuplesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BeginReplay(_tuplesMark, "tuple");
        try
        {
            using var hasher = new SnapshotHasher(wholeFile: false);
            await foreach (var tuple in ReadTupleEntriesAsync(hasher, cancellationToken).ConfigureAwait(false))
            {
                yield return tuple;
            }
            EndReplay(hasher, _tuplesDigest!, TupleCount);
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>The attribute entries again, from a seekable stream after <see cref="FinishAsync"/>; fails if they changed since.</summary>
    public async IAsyncEnumerable<EntityAttributes> ReplayAttributesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BeginReplay(_attributesMark, "attribute entry");
        try
        {
            using var hasher = new SnapshotHasher(wholeFile: false);
            await foreach (var entry in ReadAttributeEntriesAsync(hasher, cancellationToken).ConfigureAwait(false))
            {
                yield return entry;
            }
            EndReplay(hasher, _attributesDigest!, AttributeCount);
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    public void Dispose() => _hasher.Dispose();

    private void BeginReplay(SnapshotJsonReader.Mark mark, string section)
    {
        if (_stage != 5)
        {
            throw new InvalidOperationException("a snapshot is read again only after it was verified");
        }
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException("a snapshot's tuples and attribute entries are read one after the other, not at the same time");
        }
        _json.Seek(mark);
        _section = section;
        _index = 0;
    }

    private void EndReplay(SnapshotHasher hasher, byte[] digest, long count)
    {
        if (_index != count || !CryptographicOperations.FixedTimeEquals(hasher.TakeSectionDigest(), digest))
        {
            throw SnapshotJsonReader.Invalid("the file changed while it was being read: it no longer matches what was verified");
        }
    }

    private void Advance(int expected, string? section)
    {
        if (_stage != expected)
        {
            throw new InvalidOperationException("a snapshot is read in order: header, tuples, attribute entries, counts and hash");
        }
        _stage = expected + 1;
        _section = section;
        _index = 0;
    }

    private string Where() => _section is null ? "the snapshot header" : $"{_section} {_index + 1}";

    private ArbiterException At(string message) =>
        SnapshotJsonReader.Invalid($"{message} (line {_json.TokenLine}, column {_json.TokenColumn})");

    private string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.PropertyName => $"the member \"{_json.TokenString}\"",
        JsonTokenType.EndObject => "the end of the object",
        JsonTokenType.EndArray => "the end of an array",
        _ => "a " + token.ToString().ToLowerInvariant(),
    };
}
