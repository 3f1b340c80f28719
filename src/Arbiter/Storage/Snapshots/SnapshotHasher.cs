using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Arbiter.Storage;

/// <summary>
/// The content hash of a snapshot (see <see cref="StoreSnapshot"/>): SHA-256 over one line per top-level member and per
/// array entry, <c>name SP canonical-json LF</c>. Canonical JSON: no white space, object members sorted by name in ordinal
/// (UTF-16 code unit) order, strings escaped the one way <see cref="Utf8JsonWriter"/> escapes them, numbers, <c>true</c>,
/// <c>false</c> and <c>null</c> as written. Also keeps a separate digest of each array's lines, to re-check a second read.
/// </summary>
internal sealed class SnapshotHasher : IDisposable
{
    /// <summary>The writer options of the snapshot file and of the canonical form.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };

    private readonly IncrementalHash _whole = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly IncrementalHash _section = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly bool _wholeFile;

    /// <summary>Creates a hasher; <paramref name="wholeFile"/> is <see langword="false"/> when only section digests are wanted.</summary>
    public SnapshotHasher(bool wholeFile = true)
    {
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);
        _wholeFile = wholeFile;
    }

    /// <summary>A writer for one canonical value; call <see cref="Written"/> after writing it.</summary>
    public Utf8JsonWriter Begin()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        return _writer;
    }

    /// <summary>The canonical bytes written since <see cref="Begin"/>.</summary>
    public ReadOnlySpan<byte> Written()
    {
        _writer.Flush();
        return _buffer.WrittenSpan;
    }

    /// <summary>Writes <paramref name="element"/> in canonical form and returns the bytes.</summary>
    public ReadOnlySpan<byte> Canonical(JsonElement element)
    {
        WriteCanonical(Begin(), element);
        return Written();
    }

    /// <summary>Adds the line <c>name SP value LF</c>; array entries also go into the section digest.</summary>
    public void Add(ReadOnlySpan<byte> name, ReadOnlySpan<byte> canonicalValue, bool arrayEntry = false)
    {
        if (_wholeFile)
        {
            AddLine(_whole, name, canonicalValue);
        }
        if (arrayEntry)
        {
            AddLine(_section, name, canonicalValue);
        }
    }

    /// <summary>The digest of the array entries added since the last call.</summary>
    public byte[] TakeSectionDigest() => _section.GetHashAndReset();

    /// <summary>The content hash as written in the file: <c>sha256:</c> and 64 lowercase hex digits.</summary>
    public string Finish() => "sha256:" + Convert.ToHexStringLower(_whole.GetHashAndReset());

    /// <summary>Writes an element in canonical form.</summary>
    public static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<JsonProperty>();
                foreach (var member in element.EnumerateObject())
                {
                    members.Add(member);
                }
                members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
                writer.WriteStartObject();
                foreach (var member in members)
                {
                    writer.WritePropertyName(member.Name);
                    WriteCanonical(writer, member.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    /// <summary>The canonical form of a JSON text.</summary>
    public static string CanonicalText(string json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteCanonical(writer, document.RootElement);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void AddLine(IncrementalHash hash, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        hash.AppendData(name);
        hash.AppendData(" "u8);
        hash.AppendData(value);
        hash.AppendData("\n"u8);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _whole.Dispose();
        _section.Dispose();
    }
}
