using System.Text.Json;

namespace Arbiter.Storage;

/// <summary>
/// Reads a snapshot file token by token, or one whole value at a time, from a stream through a buffer that refills and
/// grows only as large as the largest single value: the file is never held in memory whole. Knows its byte offset and
/// line, so every error says where it is; a file that ends early is reported as truncated.
/// </summary>
internal sealed class SnapshotJsonReader
{
    /// <summary>The largest single value (a tuple, an attribute entry, the model) the reader accepts.</summary>
    public const int MaxValueBytes = 64 * 1024 * 1024;

    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 128 };
    private readonly Stream _stream;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private long _bufferOffset;
    private bool _eof;
    private JsonReaderState _state = new(Options);
    private long _line = 1;
    private long _lineStart;

    public SnapshotJsonReader(Stream stream)
    {
        _stream = stream;
        _bufferOffset = stream.CanSeek ? stream.Position : 0;
        _lineStart = _bufferOffset;
        Origin = _bufferOffset;
    }

    /// <summary>Where the snapshot starts in the stream.</summary>
    public long Origin { get; }

    /// <summary>What is being read, for messages (e.g. <c>tuple 17</c>).</summary>
    public Func<string>? Where { get; set; }

    /// <summary>The line (1-based) where the last token or value read started.</summary>
    public long TokenLine { get; private set; } = 1;

    /// <summary>The column (1-based, in bytes) where the last token or value read started.</summary>
    public long TokenColumn { get; private set; } = 1;

    /// <summary>The string of the last property name or string token.</summary>
    public string? TokenString { get; private set; }

    /// <summary>The position to come back to with <see cref="Seek"/>.</summary>
    public Mark GetMark() => new(_bufferOffset + _start, _state, _line, _lineStart);

    /// <summary>Goes back (or forward) to a position returned by <see cref="GetMark"/>; the stream must be seekable.</summary>
    public void Seek(Mark mark)
    {
        _stream.Position = mark.Offset;
        _bufferOffset = mark.Offset;
        _start = _end = 0;
        _eof = false;
        _state = mark.State;
        _line = mark.Line;
        _lineStart = mark.LineStart;
    }

    /// <summary>Reads the next token; property names and strings are in <see cref="TokenString"/>.</summary>
    public async ValueTask<JsonTokenType> ReadTokenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryReadToken(out var type))
            {
                return type;
            }
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads the next whole value as a document, or consumes the end of the enclosing array or object and returns
    /// <see langword="null"/>.
    /// </summary>
    public async ValueTask<JsonDocument?> ReadValueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryReadValue(out var document))
            {
                return document;
            }
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Checks that nothing but white space follows the document.</summary>
    public async ValueTask ReadEndAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var rest = _buffer.AsSpan(_start, _end - _start);
            var i = rest.IndexOfAnyExcept(" \t\r\n"u8);
            if (i >= 0)
            {
                Commit(i);
                throw Invalid($"there is more after the end of the snapshot document at line {_line}, column {_bufferOffset + _start - _lineStart + 1} (byte {Offset})");
            }
            Commit(rest.Length);
            if (!await TryFillAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>The byte offset from the start of the snapshot of the next unread byte.</summary>
    public long Offset => _bufferOffset + _start - Origin;

    /// <summary>A <see cref="ArbiterErrorCode.SnapshotInvalid"/> exception with <paramref name="message"/>.</summary>
    public static ArbiterException Invalid(string message) => new(ArbiterErrorCode.SnapshotInvalid, "invalid snapshot: " + message);

    private bool TryReadToken(out JsonTokenType type)
    {
        int tokenStart;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: false, _state);
        try
        {
            if (!reader.Read())
            {
                type = JsonTokenType.None;
                return false;
            }
            tokenStart = (int)reader.TokenStartIndex;
            type = reader.TokenType;
            TokenString = type is JsonTokenType.PropertyName or JsonTokenType.String ? reader.GetString() : null;
        }
        catch (JsonException ex)
        {
            throw NotJson(ex, reader.BytesConsumed);
        }
        Commit(tokenStart);
        MarkToken();
        Commit((int)reader.BytesConsumed - tokenStart);
        _state = reader.CurrentState;
        return true;
    }

    private bool TryReadValue(out JsonDocument? document)
    {
        document = null;
        int tokenStart;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: false, _state);
        try
        {
            if (!reader.Read())
            {
                return false;
            }
            tokenStart = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                var probe = reader;
                if (!probe.TrySkip())
                {
                    return false;
                }
            }
            if (reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject))
            {
                document = JsonDocument.ParseValue(ref reader);
            }
        }
        catch (JsonException ex)
        {
            throw NotJson(ex, reader.BytesConsumed);
        }
        Commit(tokenStart);
        MarkToken();
        Commit((int)reader.BytesConsumed - tokenStart);
        _state = reader.CurrentState;
        return true;
    }

    private void MarkToken()
    {
        TokenLine = _line;
        TokenColumn = _bufferOffset + _start - _lineStart + 1;
    }

    private void Commit(int count)
    {
        var consumed = _buffer.AsSpan(_start, count);
        var newlines = consumed.Count((byte)'\n');
        if (newlines > 0)
        {
            _line += newlines;
            _lineStart = _bufferOffset + _start + consumed.LastIndexOf((byte)'\n') + 1;
        }
        _start += count;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (!await TryFillAsync(cancellationToken).ConfigureAwait(false))
        {
            throw Truncated();
        }
    }

    /// <summary>Reads more of the stream into the buffer; <see langword="false"/> at its end.</summary>
    private async ValueTask<bool> TryFillAsync(CancellationToken cancellationToken)
    {
        if (_eof)
        {
            return false;
        }
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxValueBytes)
            {
                throw Invalid($"a value at line {_line} is larger than {MaxValueBytes / (1024 * 1024)} MiB{At()}");
            }
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _eof = true;
            return false;
        }
        if (_bufferOffset == Origin && _end == 0 && read >= 3 && _buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
        {
            _start = 3; // a UTF-8 byte order mark
        }
        _end += read;
        return true;
    }

    private ArbiterException Truncated()
    {
        var size = _bufferOffset + _end - Origin;
        return size == 0
            ? Invalid("the file is empty")
            : Invalid($"the file is truncated: it ends after {size} bytes (line {_line}){At()} before the snapshot document is complete");
    }

    private ArbiterException NotJson(JsonException ex, long consumed)
    {
        // the offending byte: the first one after the last complete token that is not white space
        var span = _buffer.AsSpan(_start, _end - _start);
        var at = (int)consumed;
        var skip = span[at..].IndexOfAnyExcept(" \t\r\n"u8);
        at = skip < 0 ? span.Length : at + skip;
        var before = span[..at];
        var newlines = before.Count((byte)'\n');
        var line = _line + newlines;
        var column = newlines > 0 ? at - before.LastIndexOf((byte)'\n') : _bufferOffset + _start + at - _lineStart + 1;
        var reason = ex.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason[..cut];
        }
        return Invalid($"the file is not valid JSON at line {line}, column {column} (byte {Offset + at}){At()}: {reason}");
    }

    private string At() => Where is { } where ? ", in " + where() : string.Empty;

    /// <summary>A position in the file: offset, JSON reader state and line.</summary>
    internal readonly record struct Mark(long Offset, JsonReaderState State, long Line, long LineStart);
}
