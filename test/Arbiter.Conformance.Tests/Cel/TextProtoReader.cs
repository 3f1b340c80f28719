using System.Globalization;
using System.Text;

namespace Arbiter.Conformance.Tests.Cel;

/// <summary>
/// A small reader of protobuf text format, enough for CEL's conformance files: fields <c>name: value</c>,
/// <c>name { ... }</c> / <c>name: { ... }</c> / <c>name &lt; ... &gt;</c>, extension names <c>[a.b/c]</c>, quoted strings
/// with C escapes (adjacent strings concatenate), bare tokens, <c>#</c> comments, optional <c>,</c> / <c>;</c> separators.
/// </summary>
internal sealed class TextProtoReader
{
    private readonly string _text;
    private int _pos;

    private TextProtoReader(string text) => _text = text;

    public static TextProtoMessage Parse(string text)
    {
        var reader = new TextProtoReader(text);
        var message = reader.ReadFields(closing: null);
        reader.SkipBlank();
        if (reader._pos < text.Length)
        {
            throw reader.Error("unexpected text after the message");
        }
        return message;
    }

    private FormatException Error(string message)
    {
        var line = 1 + _text.AsSpan(0, Math.Min(_pos, _text.Length)).Count('\n');
        return new FormatException($"text proto line {line}: {message}");
    }

    private void SkipBlank()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c))
            {
                _pos++;
            }
            else if (c == '#')
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private TextProtoMessage ReadFields(char? closing)
    {
        var message = new TextProtoMessage();
        while (true)
        {
            SkipBlank();
            if (_pos >= _text.Length)
            {
                if (closing is not null)
                {
                    throw Error($"expected '{closing}'");
                }
                return message;
            }
            if (closing is not null && _text[_pos] == closing)
            {
                _pos++;
                return message;
            }
            var name = ReadName();
            SkipBlank();
            var colon = false;
            if (_pos < _text.Length && _text[_pos] == ':')
            {
                colon = true;
                _pos++;
                SkipBlank();
            }
            if (_pos < _text.Length && _text[_pos] is '{' or '<')
            {
                var close = _text[_pos] == '{' ? '}' : '>';
                _pos++;
                message.Fields.Add((name, ReadFields(close)));
            }
            else if (_pos < _text.Length && _text[_pos] == '[')
            {
                _pos++;
                while (true)
                {
                    SkipBlank();
                    if (_text[_pos] == ']')
                    {
                        _pos++;
                        break;
                    }
                    message.Fields.Add((name, ReadScalar()));
                    SkipBlank();
                    if (_text[_pos] == ',')
                    {
                        _pos++;
                    }
                }
            }
            else if (!colon)
            {
                throw Error($"expected ':' or '{{' after field '{name}'");
            }
            else
            {
                message.Fields.Add((name, ReadScalar()));
            }
            SkipBlank();
            if (_pos < _text.Length && _text[_pos] is ',' or ';')
            {
                _pos++;
            }
        }
    }

    private string ReadName()
    {
        if (_text[_pos] == '[')
        {
            var end = _text.IndexOf(']', _pos);
            var name = _text[_pos..(end + 1)];
            _pos = end + 1;
            return name;
        }
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            _pos++;
        }
        if (_pos == start)
        {
            throw Error($"expected a field name, found '{_text[_pos]}'");
        }
        return _text[start.._pos];
    }

    private TextProtoScalar ReadScalar()
    {
        if (_text[_pos] is '"' or '\'')
        {
            var bytes = new List<byte>();
            while (_pos < _text.Length && _text[_pos] is '"' or '\'')
            {
                ReadQuoted(bytes);
                SkipBlank();
            }
            return new TextProtoScalar(true, string.Empty, [.. bytes]);
        }
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '-' or '+' or '.'))
        {
            _pos++;
        }
        if (_pos == start)
        {
            throw Error($"expected a value, found '{_text[_pos]}'");
        }
        return new TextProtoScalar(false, _text[start.._pos], []);
    }

    private void ReadQuoted(List<byte> bytes)
    {
        var quote = _text[_pos++];
        Span<byte> utf8 = stackalloc byte[4];
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error("unterminated string");
            }
            var c = _text[_pos];
            if (c == quote)
            {
                _pos++;
                return;
            }
            if (c != '\\')
            {
                var rune = Rune.GetRuneAt(_text, _pos);
                var n = rune.EncodeToUtf8(utf8);
                bytes.AddRange(utf8[..n].ToArray());
                _pos += rune.Utf16SequenceLength;
                continue;
            }
            var e = _text[_pos + 1];
            _pos += 2;
            switch (e)
            {
                case 'n': bytes.Add(10); break;
                case 't': bytes.Add(9); break;
                case 'r': bytes.Add(13); break;
                case 'a': bytes.Add(7); break;
                case 'b': bytes.Add(8); break;
                case 'f': bytes.Add(12); break;
                case 'v': bytes.Add(11); break;
                case 'x' or 'X':
                    var hexEnd = _pos;
                    while (hexEnd < _text.Length && hexEnd - _pos < 2 && char.IsAsciiHexDigit(_text[hexEnd]))
                    {
                        hexEnd++;
                    }
                    bytes.Add(byte.Parse(_text.AsSpan(_pos, hexEnd - _pos), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    _pos = hexEnd;
                    break;
                case 'u' or 'U':
                    var digits = e == 'u' ? 4 : 8;
                    var codePoint = int.Parse(_text.AsSpan(_pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                    _pos += digits;
                    var length = new Rune(codePoint).EncodeToUtf8(utf8);
                    bytes.AddRange(utf8[..length].ToArray());
                    break;
                case >= '0' and <= '7':
                    var value = e - '0';
                    for (var k = 0; k < 2 && _pos < _text.Length && _text[_pos] is >= '0' and <= '7'; k++)
                    {
                        value = (value * 8) + (_text[_pos++] - '0');
                    }
                    bytes.Add((byte)value);
                    break;
                default:
                    bytes.Add((byte)e); // \\ \' \" \?
                    break;
            }
        }
    }
}
