using System.Buffers;

namespace Arbiter.Storage;

/// <summary>
/// Lays out a snapshot file from canonical values: one member per line, and one array entry per line when indented
/// (<c>Utf8JsonWriter</c> puts raw values of an array on one line), or everything on one line. Buffers and flushes to the
/// destination in large blocks.
/// </summary>
internal sealed class SnapshotFileWriter(Stream destination, bool indented)
{
    private const int FlushBytes = 256 * 1024;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushBytes + 64 * 1024);
    private bool _firstMember = true;
    private bool _firstEntry;

    public void StartDocument() => _buffer.Write("{"u8);

    /// <summary>Writes <c>"name": value</c>.</summary>
    public void Member(ReadOnlySpan<byte> name, ReadOnlySpan<byte> canonicalValue)
    {
        MemberName(name);
        _buffer.Write(canonicalValue);
    }

    public void StartArray(ReadOnlySpan<byte> name)
    {
        MemberName(name);
        _buffer.Write("["u8);
        _firstEntry = true;
    }

    public void Entry(ReadOnlySpan<byte> canonicalValue)
    {
        if (!_firstEntry)
        {
            _buffer.Write(","u8);
        }
        _firstEntry = false;
        if (indented)
        {
            _buffer.Write("\n    "u8);
        }
        _buffer.Write(canonicalValue);
    }

    public void EndArray() => _buffer.Write(indented ? "\n  ]"u8 : "]"u8);

    public void EndDocument() => _buffer.Write(indented ? "\n}\n"u8 : "}\n"u8);

    /// <summary>Writes the buffer out once it is large (or always, when <paramref name="force"/>).</summary>
    public async ValueTask FlushAsync(bool force, CancellationToken cancellationToken)
    {
        if (_buffer.WrittenCount >= FlushBytes || (force && _buffer.WrittenCount > 0))
        {
            await destination.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            _buffer.ResetWrittenCount();
        }
        if (force)
        {
            await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void MemberName(ReadOnlySpan<byte> name)
    {
        _buffer.Write(_firstMember ? ""u8 : ","u8);
        _firstMember = false;
        if (indented)
        {
            _buffer.Write("\n  "u8);
        }
        _buffer.Write("\""u8);
        _buffer.Write(name);
        _buffer.Write(indented ? "\": "u8 : "\":"u8);
    }
}
