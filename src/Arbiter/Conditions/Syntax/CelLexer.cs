using System.Globalization;

namespace Arbiter.Conditions;

/// <summary>
/// Splits a CEL expression into tokens, as the lexis of the CEL language definition says: decimal and hexadecimal
/// integers (<c>u</c> suffix for unsigned), doubles, quoted, raw, triple-quoted and bytes literals with every escape form,
/// identifiers, reserved words, operators and <c>//</c> comments. Errors are <see cref="CelTokenKind.Error"/> tokens.
/// </summary>
internal sealed partial class CelLexer(string text)
{
    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal)
    {
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let",
        "loop", "package", "namespace", "return", "var", "void", "while",
    };

    public string Text { get; } = text;

    /// <summary>Reads the token that starts at or after <paramref name="position"/>.</summary>
    public CelToken Lex(int position)
    {
        var i = SkipBlank(position);
        if (i >= Text.Length)
        {
            return new CelToken(CelTokenKind.EndOfInput, Text.Length, Text.Length);
        }
        var c = Text[i];
        var next = i + 1 < Text.Length ? Text[i + 1] : '\0';
        switch (c)
        {
            case '(': return Punct(CelTokenKind.LeftParen, i, 1);
            case ')': return Punct(CelTokenKind.RightParen, i, 1);
            case '[': return Punct(CelTokenKind.LeftBracket, i, 1);
            case ']': return Punct(CelTokenKind.RightBracket, i, 1);
            case '{': return Punct(CelTokenKind.LeftBrace, i, 1);
            case '}': return Punct(CelTokenKind.RightBrace, i, 1);
            case ',': return Punct(CelTokenKind.Comma, i, 1);
            case ':': return Punct(CelTokenKind.Colon, i, 1);
            case '?': return Punct(CelTokenKind.Question, i, 1);
            case '+': return Punct(CelTokenKind.Plus, i, 1);
            case '-': return Punct(CelTokenKind.Minus, i, 1);
            case '*': return Punct(CelTokenKind.Star, i, 1);
            case '/': return Punct(CelTokenKind.Slash, i, 1);
            case '%': return Punct(CelTokenKind.Percent, i, 1);
            case '!': return next == '=' ? Punct(CelTokenKind.NotEqual, i, 2) : Punct(CelTokenKind.Not, i, 1);
            case '=': return next == '=' ? Punct(CelTokenKind.Equal, i, 2) : Error(i, i + 1, "unexpected '=': use '==' to compare");
            case '<': return next == '=' ? Punct(CelTokenKind.LessEqual, i, 2) : Punct(CelTokenKind.Less, i, 1);
            case '>': return next == '=' ? Punct(CelTokenKind.GreaterEqual, i, 2) : Punct(CelTokenKind.Greater, i, 1);
            case '&': return next == '&' ? Punct(CelTokenKind.And, i, 2) : Error(i, i + 1, "unexpected '&': use '&&'");
            case '|': return next == '|' ? Punct(CelTokenKind.Or, i, 2) : Error(i, i + 1, "unexpected '|': use '||'");
            case '.':
                return char.IsAsciiDigit(next) ? LexNumber(i) : Punct(CelTokenKind.Dot, i, 1);
            case '`':
                return LexQuotedIdentifier(i);
            case '"' or '\'':
                return LexString(i, i, raw: false, bytes: false);
        }
        if (char.IsAsciiDigit(c))
        {
            return LexNumber(i);
        }
        if (char.IsAsciiLetter(c) || c == '_')
        {
            if (TryLexPrefixedString(i) is { } prefixed)
            {
                return prefixed;
            }
            var end = i + 1;
            while (end < Text.Length && (char.IsAsciiLetterOrDigit(Text[end]) || Text[end] == '_'))
            {
                end++;
            }
            var word = Text[i..end];
            return word switch
            {
                "true" => new CelToken(CelTokenKind.True, i, end, word, CelValue.True),
                "false" => new CelToken(CelTokenKind.False, i, end, word, CelValue.False),
                "null" => new CelToken(CelTokenKind.Null, i, end, word, CelValue.Null),
                "in" => new CelToken(CelTokenKind.In, i, end, word),
                _ when ReservedWords.Contains(word) => Error(i, end, $"'{word}' is a reserved word and cannot be used as a name"),
                _ => new CelToken(CelTokenKind.Identifier, i, end, word),
            };
        }
        var width = char.IsHighSurrogate(c) && i + 1 < Text.Length ? 2 : 1;
        return Error(i, i + width, $"unexpected character '{Text.Substring(i, width)}'");
    }

    private int SkipBlank(int i)
    {
        while (i < Text.Length)
        {
            var c = Text[i];
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                i++;
            }
            else if (c == '/' && i + 1 < Text.Length && Text[i + 1] == '/')
            {
                while (i < Text.Length && Text[i] is not ('\n' or '\r'))
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }
        return i;
    }

    private static CelToken Punct(CelTokenKind kind, int start, int length) => new(kind, start, start + length);

    private static CelToken Error(int start, int end, string message) => new(CelTokenKind.Error, start, end, message);

    private CelToken LexQuotedIdentifier(int start)
    {
        var end = start + 1;
        while (end < Text.Length && Text[end] != '`' && Text[end] is not ('\n' or '\r'))
        {
            end++;
        }
        if (end >= Text.Length || Text[end] != '`')
        {
            return Error(start, end, "unterminated quoted identifier: expected a closing '`'");
        }
        if (end == start + 1)
        {
            return Error(start, end + 1, "empty quoted identifier");
        }
        return new CelToken(CelTokenKind.QuotedIdentifier, start, end + 1, Text[(start + 1)..end]);
    }

    private CelToken LexNumber(int start)
    {
        var i = start;
        if (Text[i] == '0' && i + 1 < Text.Length && Text[i + 1] is 'x' or 'X')
        {
            i += 2;
            var digitsStart = i;
            while (i < Text.Length && char.IsAsciiHexDigit(Text[i]))
            {
                i++;
            }
            if (i == digitsStart)
            {
                return Error(start, i, "hexadecimal literal needs digits after '0x'");
            }
            var isUnsigned = i < Text.Length && Text[i] is 'u' or 'U';
            var digits = Text[digitsStart..i];
            if (isUnsigned)
            {
                i++;
                return ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var u)
                    ? new CelToken(CelTokenKind.Uint, start, i, null, CelValue.FromUInt(u))
                    : Error(start, i, "unsigned integer literal out of range");
            }
            return ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h)
                ? IntToken(start, i, h)
                : Error(start, i, "integer literal out of range");
        }
        while (i < Text.Length && char.IsAsciiDigit(Text[i]))
        {
            i++;
        }
        var isDouble = false;
        if (i + 1 < Text.Length && Text[i] == '.' && char.IsAsciiDigit(Text[i + 1]))
        {
            isDouble = true;
            i++;
            while (i < Text.Length && char.IsAsciiDigit(Text[i]))
            {
                i++;
            }
        }
        if (i < Text.Length && Text[i] is 'e' or 'E')
        {
            var e = i + 1;
            if (e < Text.Length && Text[e] is '+' or '-')
            {
                e++;
            }
            if (e < Text.Length && char.IsAsciiDigit(Text[e]))
            {
                isDouble = true;
                i = e;
                while (i < Text.Length && char.IsAsciiDigit(Text[i]))
                {
                    i++;
                }
            }
        }
        var literal = Text[start..i];
        if (isDouble)
        {
            return double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? new CelToken(CelTokenKind.Double, start, i, null, CelValue.FromDouble(d))
                : Error(start, i, "invalid double literal");
        }
        if (i < Text.Length && Text[i] is 'u' or 'U')
        {
            i++;
            return ulong.TryParse(literal, NumberStyles.None, CultureInfo.InvariantCulture, out var u)
                ? new CelToken(CelTokenKind.Uint, start, i, null, CelValue.FromUInt(u))
                : Error(start, i, "unsigned integer literal out of range");
        }
        return ulong.TryParse(literal, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? IntToken(start, i, v)
            : Error(start, i, "integer literal out of range");
    }

    /// <summary>
    /// An int token keeps its magnitude as a uint until the parser knows its sign: <c>-9223372036854775808</c> is valid,
    /// <c>9223372036854775808</c> is not.
    /// </summary>
    private static CelToken IntToken(int start, int end, ulong magnitude) =>
        magnitude > 9223372036854775808UL
            ? Error(start, end, "integer literal out of range")
            : new CelToken(CelTokenKind.Int, start, end, null, CelValue.FromUInt(magnitude));
}
