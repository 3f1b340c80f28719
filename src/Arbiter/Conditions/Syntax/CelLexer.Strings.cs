using System.Globalization;
using System.Text;

namespace Arbiter.Conditions;

internal sealed partial class CelLexer
{
    /// <summary>Reads <c>r"..."</c>, <c>b'...'</c>, <c>rb"""..."""</c> and the like; <see langword="null"/> when the word is no prefix.</summary>
    private CelToken? TryLexPrefixedString(int start)
    {
        var raw = false;
        var bytes = false;
        var i = start;
        for (var n = 0; n < 2 && i < Text.Length; n++, i++)
        {
            switch (Text[i])
            {
                case 'r' or 'R' when !raw:
                    raw = true;
                    continue;
                case 'b' or 'B' when !bytes:
                    bytes = true;
                    continue;
            }
            break;
        }
        if (i == start || i >= Text.Length || Text[i] is not ('"' or '\''))
        {
            return null;
        }
        return LexString(start, i, raw, bytes);
    }

    /// <summary>Reads a string or bytes literal whose opening quote is at <paramref name="quoteAt"/>.</summary>
    private CelToken LexString(int start, int quoteAt, bool raw, bool bytes)
    {
        var quote = Text[quoteAt];
        var triple = quoteAt + 2 < Text.Length && Text[quoteAt + 1] == quote && Text[quoteAt + 2] == quote;
        var i = quoteAt + (triple ? 3 : 1);
        var chars = new StringBuilder();
        var octets = bytes ? new List<byte>() : null;
        while (true)
        {
            if (i >= Text.Length)
            {
                return Error(start, i, "unterminated string literal");
            }
            var c = Text[i];
            if (c == quote && (!triple || (i + 2 < Text.Length && Text[i + 1] == quote && Text[i + 2] == quote)))
            {
                i += triple ? 3 : 1;
                break;
            }
            if (!triple && c is '\n' or '\r')
            {
                return Error(start, i, "newline in string literal: use a triple-quoted string or '\\n'");
            }
            if (c == '\\' && !raw)
            {
                var escape = ReadEscape(i, bytes, out var codePoint, out var octet, out var error);
                if (error is not null)
                {
                    return Error(i, escape, error);
                }
                if (octet >= 0)
                {
                    octets!.Add((byte)octet);
                }
                else if (octets is not null)
                {
                    AddUtf8(octets, codePoint);
                }
                else
                {
                    chars.Append(char.ConvertFromUtf32(codePoint));
                }
                i = escape;
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < Text.Length && char.IsLowSurrogate(Text[i + 1]))
            {
                if (octets is not null)
                {
                    AddUtf8(octets, char.ConvertToUtf32(c, Text[i + 1]));
                }
                else
                {
                    chars.Append(c).Append(Text[i + 1]);
                }
                i += 2;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                return Error(i, i + 1, "invalid UTF-16 in string literal");
            }
            if (octets is not null)
            {
                AddUtf8(octets, c);
            }
            else
            {
                chars.Append(c);
            }
            i++;
        }
        return octets is not null
            ? new CelToken(CelTokenKind.Bytes, start, i, null, CelValue.FromBytes(octets.ToArray()))
            : new CelToken(CelTokenKind.String, start, i, null, CelValue.FromString(chars.ToString()));
    }

    private static void AddUtf8(List<byte> octets, int codePoint)
    {
        Span<byte> buffer = stackalloc byte[4];
        var length = new Rune(codePoint).EncodeToUtf8(buffer);
        for (var k = 0; k < length; k++)
        {
            octets.Add(buffer[k]);
        }
    }

    /// <summary>
    /// Reads the escape at <paramref name="at"/> (a backslash). Gives a code point, or for <c>\x</c> and octal escapes in
    /// bytes literals an octet; returns the offset after the escape.
    /// </summary>
    private int ReadEscape(int at, bool bytes, out int codePoint, out int octet, out string? error)
    {
        codePoint = 0;
        octet = -1;
        error = null;
        if (at + 1 >= Text.Length)
        {
            error = "unterminated escape sequence";
            return at + 1;
        }
        var c = Text[at + 1];
        switch (c)
        {
            case 'a': codePoint = 7; return at + 2;
            case 'b': codePoint = 8; return at + 2;
            case 'f': codePoint = 12; return at + 2;
            case 'n': codePoint = 10; return at + 2;
            case 'r': codePoint = 13; return at + 2;
            case 't': codePoint = 9; return at + 2;
            case 'v': codePoint = 11; return at + 2;
            case '\\' or '?' or '"' or '\'' or '`': codePoint = c; return at + 2;
            case 'x' or 'X':
                return ReadHex(at, 2, bytes, ref codePoint, ref octet, ref error);
            case 'u':
                return bytes ? Fail(at, "'\\u' escapes are not allowed in bytes literals", out error) : ReadUnicode(at, 4, ref codePoint, ref error);
            case 'U':
                return bytes ? Fail(at, "'\\U' escapes are not allowed in bytes literals", out error) : ReadUnicode(at, 8, ref codePoint, ref error);
            case >= '0' and <= '3':
                if (at + 3 < Text.Length && Text[at + 2] is >= '0' and <= '7' && Text[at + 3] is >= '0' and <= '7')
                {
                    var value = ((c - '0') * 64) + ((Text[at + 2] - '0') * 8) + (Text[at + 3] - '0');
                    if (bytes)
                    {
                        octet = value;
                    }
                    else
                    {
                        codePoint = value;
                    }
                    return at + 4;
                }
                return Fail(at, "octal escapes need three digits, as in '\\101'", out error);
            default:
                return Fail(at, $"invalid escape sequence '\\{c}'", out error);
        }
    }

    private static int Fail(int at, string message, out string error)
    {
        error = message;
        return at + 2;
    }

    private int ReadHex(int at, int digits, bool bytes, ref int codePoint, ref int octet, ref string? error)
    {
        if (at + 2 + digits > Text.Length
            || !int.TryParse(Text.AsSpan(at + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            error = "'\\x' needs two hexadecimal digits";
            return Math.Min(at + 2 + digits, Text.Length);
        }
        if (bytes)
        {
            octet = value;
        }
        else
        {
            codePoint = value;
        }
        return at + 2 + digits;
    }

    private int ReadUnicode(int at, int digits, ref int codePoint, ref string? error)
    {
        var end = at + 2 + digits;
        if (end > Text.Length
            || !int.TryParse(Text.AsSpan(at + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            || value < 0)
        {
            error = $"'\\{Text[at + 1]}' needs {digits} hexadecimal digits";
            return Math.Min(end, Text.Length);
        }
        if (value is >= 0xD800 and <= 0xDBFF && digits == 4 && end + 6 <= Text.Length && Text[end] == '\\' && Text[end + 1] == 'u'
            && int.TryParse(Text.AsSpan(end + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var low)
            && low is >= 0xDC00 and <= 0xDFFF)
        {
            codePoint = char.ConvertToUtf32((char)value, (char)low);
            return end + 6;
        }
        if (!Rune.IsValid(value))
        {
            error = $"'\\{Text.Substring(at + 1, digits + 1)}' is not a valid Unicode code point";
            return end;
        }
        codePoint = value;
        return end;
    }
}
