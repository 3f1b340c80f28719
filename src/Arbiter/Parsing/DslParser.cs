using Arbiter.Model;

namespace Arbiter.Parsing;

/// <summary>
/// A hand-written recursive-descent parser for OpenFGA's modeling language (schema 1.1), with the extensions of
/// modular files (<c>module</c>, <c>extend type</c>) recognised so that they can be reported, and Arbiter's own
/// extensions read: a type's <c>attributes</c> block, attribute rules (<c>user where condition</c>) and conditions
/// with no parameters.
/// It recovers from a syntax error at the next top-level declaration (<c>type</c>, <c>condition</c>), so one parse
/// reports the problems of every declaration; within one declaration only the first problem is reported.
/// </summary>
internal sealed partial class DslParser
{
    /// <summary>The deepest nesting of parentheses accepted in a relation definition.</summary>
    public const int MaxNesting = 64;

    private static readonly HashSet<string> NonIdentifierWords = new(StringComparer.Ordinal)
    {
        "define", "relations", "condition", "with", "and", "or", "from", "in", "true", "false", "null",
    };

    private readonly DslLexer _lexer;
    private readonly List<ModelDiagnostic> _diagnostics = [];
    private readonly List<TypeDefinition> _types = [];
    private readonly List<ConditionDefinition> _conditions = [];
    private readonly HashSet<string> _extendedTypes = new(StringComparer.Ordinal);
    private DslToken _current;
    private int _previousEnd;
    private bool _atLineStart = true;
    private bool _isModule;
    private string? _schemaVersion;
    private SourceSpan? _headerSpan;

    private DslParser(string text)
    {
        _lexer = new DslLexer(text);
        _current = _lexer.Lex(0);
    }

    /// <summary>Parses DSL text; syntax problems are in the result, never thrown.</summary>
    public static DslSyntaxResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new DslParser(text);
        parser.ParseFile();
        var model = new AuthorizationModel
        {
            SchemaVersion = parser._schemaVersion ?? string.Empty,
            Types = parser._types,
            Conditions = parser._conditions,
            Span = parser._headerSpan,
        };
        return new DslSyntaxResult(model, parser._diagnostics, parser._isModule);
    }

    private void ParseFile()
    {
        SkipNewlines();
        if (!ParseHeader())
        {
            return;
        }
        while (_current.Kind != DslTokenKind.EndOfFile)
        {
            try
            {
                if (_current.Kind == DslTokenKind.Newline)
                {
                    Advance();
                }
                else if (_current.IsWord("type"))
                {
                    ParseType(extendToken: null);
                }
                else if (_current.IsWord("extend"))
                {
                    var extend = _current;
                    Advance();
                    if (!_current.IsWord("type"))
                    {
                        throw Abort(_current, $"expected 'type' after 'extend', found {_current.Display}");
                    }
                    ParseType(extend);
                }
                else if (_current.IsWord("condition"))
                {
                    ParseCondition();
                }
                else
                {
                    throw Abort(_current, $"unexpected {_current.Display}: expected 'type' or 'condition' at the start of a line");
                }
            }
            catch (ParseAbortException)
            {
                SkipToDeclaration();
            }
        }
    }

    /// <summary>Reads <c>model</c> + <c>schema 1.1</c>, or <c>module name</c>. Returns false when no header is found at all.</summary>
    private bool ParseHeader()
    {
        if (!_current.IsWord("model") && !_current.IsWord("module"))
        {
            Report(_current.Span, $"the model must begin with 'model' and 'schema 1.1', found {_current.Display}", _current.Text);
            if (_current.Kind == DslTokenKind.EndOfFile)
            {
                return false;
            }
            SkipLine();
            SkipNewlines();
            if (!_current.IsWord("model") && !_current.IsWord("module"))
            {
                Report(_current.Span, $"no 'model' header found: expected 'model', found {_current.Display}", _current.Text);
                return false;
            }
        }
        try
        {
            if (_current.IsWord("module"))
            {
                _isModule = true;
                _headerSpan = _current.Span;
                Advance();
                ExpectIdentifier("a module name");
                ExpectEndOfLine();
                return true;
            }
            var model = _current;
            Advance();
            if (_current.Kind != DslTokenKind.Newline)
            {
                throw Abort(_current, $"expected a new line after 'model', found {_current.Display}");
            }
            Advance();
            if (!_current.IsWord("schema"))
            {
                Report(_current.Span, $"expected 'schema' after 'model', found {_current.Display}", _current.Text);
                if (!_current.IsWord("type") && !_current.IsWord("condition") && !_current.IsWord("extend"))
                {
                    SkipLine();
                }
                return true;
            }
            Advance();
            var version = _current;
            if (version.Kind != DslTokenKind.Number || !version.Text.Contains('.', StringComparison.Ordinal))
            {
                throw Abort(version, $"expected a schema version such as 1.1, found {version.Display}");
            }
            Advance();
            _schemaVersion = version.Text;
            _headerSpan = new SourceSpan(model.Line, model.Column, version.Line, version.Column + version.Length);
            ExpectEndOfLine();
        }
        catch (ParseAbortException)
        {
            SkipLine();
        }
        return true;
    }

    private DslToken Advance()
    {
        var token = _current;
        _previousEnd = token.End;
        _atLineStart = token.Kind == DslTokenKind.Newline;
        _current = _lexer.Lex(token.End);
        return token;
    }

    private DslToken Peek() => _lexer.Lex(_current.End);

    private void SkipNewlines()
    {
        while (_current.Kind == DslTokenKind.Newline)
        {
            Advance();
        }
    }

    /// <summary>Skips the rest of the current line, leaving the newline as the current token.</summary>
    private void SkipLine()
    {
        while (_current.Kind is not (DslTokenKind.Newline or DslTokenKind.EndOfFile))
        {
            Advance();
        }
    }

    /// <summary>Skips to the next line that starts with <c>type</c>, <c>extend</c> or <c>condition</c>.</summary>
    private void SkipToDeclaration()
    {
        while (_current.Kind != DslTokenKind.EndOfFile)
        {
            if (_atLineStart && (_current.IsWord("type") || _current.IsWord("condition") || _current.IsWord("extend")))
            {
                return;
            }
            Advance();
        }
    }

    private bool AtEndOfLine => _current.Kind is DslTokenKind.Newline or DslTokenKind.EndOfFile;

    private void ExpectEndOfLine()
    {
        if (!AtEndOfLine)
        {
            throw Abort(_current, $"unexpected {_current.Display}: expected the end of the line");
        }
    }

    private DslToken Expect(DslTokenKind kind, string what)
    {
        if (_current.Kind != kind)
        {
            throw Abort(_current, $"expected {what}, found {_current.Display}");
        }
        return Advance();
    }

    private bool IsIdentifier(DslToken token) => token.Kind == DslTokenKind.Word && !NonIdentifierWords.Contains(token.Text);

    private DslToken ExpectIdentifier(string what)
    {
        if (!IsIdentifier(_current))
        {
            var hint = _current.Kind == DslTokenKind.Word ? $" ('{_current.Text}' is a keyword)" : string.Empty;
            throw Abort(_current, $"expected {what}, found {_current.Display}{hint}");
        }
        return Advance();
    }

    private SourceSpan SpanFrom(int startOffset) => _lexer.Lines.Span(startOffset, _previousEnd);

    private void Report(SourceSpan span, string message, string? symbol = null, string code = DiagnosticCodes.SyntaxError) =>
        _diagnostics.Add(new ModelDiagnostic(code, message, span, symbol));

    private ParseAbortException Abort(DslToken at, string message)
    {
        Report(at.Span, message, at.Kind is DslTokenKind.Newline or DslTokenKind.EndOfFile ? null : at.Text);
        return new ParseAbortException();
    }

    /// <summary>Unwinds the parser to the recovery point of the current declaration, after the problem was reported.</summary>
    private sealed class ParseAbortException : Exception;
}
