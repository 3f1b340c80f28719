namespace Arbiter.Parsing;

/// <summary>
/// The lexer of the OpenFGA modeling language. It is stateless over the text: <see cref="Lex"/> reads the token at
/// or after an offset, so the parser can look ahead and jump over raw condition bodies.
/// Blank lines and comment lines fold into the newline token before them.
/// </summary>
internal sealed class DslLexer
{
    private readonly string _text;
    private readonly LineMap _lines;

    public DslLexer(string text)
    {
        _text = text;
        _lines = new LineMap(text);
    }

    public string Text => _text;

    public LineMap Lines => _lines;

    /// <summary>Reads the token at or after <paramref name="offset"/>, skipping spaces and comments.</summary>
    public DslToken Lex(int offset)
    {
        var i = SkipSpaceAndComment(offset);
        if (i >= _text.Length)
        {
            return Make(DslTokenKind.EndOfFile, string.Empty, _text.Length, 0);
        }
        var c = _text[i];
        if (c is '\n' or '\r')
        {
            var end = i;
            while (end < _text.Length && _text[end] is '\n' or '\r')
            {
                end = SkipSpaceAndComment(end + 1);
            }
            return Make(DslTokenKind.Newline, "\n", i, end - i);
        }
        if (IsLetter(c) || c == '_')
        {
            return LexWord(i);
        }
        if (char.IsAsciiDigit(c))
        {
            var end = i;
            while (end < _text.Length && char.IsAsciiDigit(_text[end]))
            {
                end++;
            }
            if (end + 1 < _text.Length && _text[end] == '.' && char.IsAsciiDigit(_text[end + 1]))
            {
                end++;
                while (end < _text.Length && char.IsAsciiDigit(_text[end]))
                {
                    end++;
                }
            }
            return Make(DslTokenKind.Number, _text[i..end], i, end - i);
        }
        var kind = c switch
        {
            ':' => DslTokenKind.Colon,
            ',' => DslTokenKind.Comma,
            '#' => DslTokenKind.Hash,
            '*' => DslTokenKind.Star,
            '[' => DslTokenKind.LeftBracket,
            ']' => DslTokenKind.RightBracket,
            '(' => DslTokenKind.LeftParen,
            ')' => DslTokenKind.RightParen,
            '{' => DslTokenKind.LeftBrace,
            '}' => DslTokenKind.RightBrace,
            '<' => DslTokenKind.Less,
            '>' => DslTokenKind.Greater,
            _ => DslTokenKind.Unknown,
        };
        var length = kind == DslTokenKind.Unknown && char.IsHighSurrogate(c) && i + 1 < _text.Length && char.IsLowSurrogate(_text[i + 1]) ? 2 : 1;
        return Make(kind, _text.Substring(i, length), i, length);
    }

    /// <summary>
    /// Finds the <c>}</c> that closes a condition body opened just before <paramref name="start"/>, skipping CEL strings,
    /// comments and nested braces. Returns -1 when the body is not closed.
    /// </summary>
    public int FindClosingBrace(int start)
    {
        var depth = 0;
        var i = start;
        while (i < _text.Length)
        {
            var c = _text[i];
            switch (c)
            {
                case '{':
                    depth++;
                    i++;
                    break;
                case '}':
                    if (depth == 0)
                    {
                        return i;
                    }
                    depth--;
                    i++;
                    break;
                case '"' or '\'':
                    i = SkipString(i);
                    break;
                case '/' when i + 1 < _text.Length && _text[i + 1] == '/':
                    while (i < _text.Length && _text[i] is not ('\n' or '\r'))
                    {
                        i++;
                    }
                    break;
                default:
                    i++;
                    break;
            }
        }
        return -1;
    }

    private int SkipString(int i)
    {
        var quote = _text[i];
        var raw = i > 0 && _text[i - 1] is 'r' or 'R';
        var triple = i + 2 < _text.Length && _text[i + 1] == quote && _text[i + 2] == quote;
        i += triple ? 3 : 1;
        while (i < _text.Length)
        {
            var c = _text[i];
            if (c == '\\' && !raw)
            {
                i += 2;
                continue;
            }
            if (!triple && c is '\n' or '\r')
            {
                return i;
            }
            if (c == quote && (!triple || (i + 2 < _text.Length && _text[i + 1] == quote && _text[i + 2] == quote)))
            {
                return i + (triple ? 3 : 1);
            }
            i++;
        }
        return i;
    }

    private DslToken LexWord(int start)
    {
        var end = Math.Max(IdentifierEnd(start), ExtendedIdentifierEnd(start));
        var text = _text[start..end];
        if (text == "but")
        {
            var j = end;
            while (j < _text.Length && _text[j] is ' ' or '\t')
            {
                j++;
            }
            if (j > end && j + 3 <= _text.Length && string.CompareOrdinal(_text, j, "not", 0, 3) == 0
                && (j + 3 == _text.Length || !IsWordChar(_text[j + 3])))
            {
                return Make(DslTokenKind.ButNot, "but not", start, j + 3 - start);
            }
        }
        return Make(DslTokenKind.Word, text, start, end - start);
    }

    // OpenFGA's IDENTIFIER: (LETTER | '_') (LETTER | DIGIT | '_' | '-')*
    private int IdentifierEnd(int start)
    {
        var i = start + 1;
        while (i < _text.Length && (IsLetter(_text[i]) || char.IsAsciiDigit(_text[i]) || _text[i] is '_' or '-'))
        {
            i++;
        }
        return i;
    }

    // OpenFGA's EXTENDED_IDENTIFIER: (LETTER | '_') (('/' | '.' | '-')? (LETTER | DIGIT | '_')+)*
    private int ExtendedIdentifierEnd(int start)
    {
        var i = start + 1;
        while (true)
        {
            var j = i;
            if (j < _text.Length && _text[j] is '/' or '.' or '-')
            {
                j++;
            }
            var k = j;
            while (k < _text.Length && (IsLetter(_text[k]) || char.IsAsciiDigit(_text[k]) || _text[k] == '_'))
            {
                k++;
            }
            if (k == j)
            {
                return i;
            }
            i = k;
        }
    }

    private int SkipSpaceAndComment(int i)
    {
        while (i < _text.Length)
        {
            var c = _text[i];
            if (c is ' ' or '\t' or '\f')
            {
                i++;
            }
            else if (c == '#' && (i == 0 || _text[i - 1] is ' ' or '\t' or '\f' or '\n' or '\r'))
            {
                while (i < _text.Length && _text[i] is not ('\n' or '\r'))
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

    private DslToken Make(DslTokenKind kind, string text, int offset, int length)
    {
        var (line, column) = _lines.Position(offset);
        return new DslToken(kind, text, offset, length, line, column);
    }

    private static bool IsLetter(char c) => char.IsAsciiLetter(c);

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/';
}
