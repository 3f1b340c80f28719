using Arbiter.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Arbiter.Policy.Yaml;

/// <summary>
/// Reads YAML text into <see cref="YNode"/>s. Every problem becomes a diagnostic with line:column, never an exception:
/// syntax errors, several documents, aliases to unknown anchors, non-scalar keys and duplicate keys.
/// </summary>
internal sealed class YamlTreeReader
{
    private readonly IParser _parser;
    private readonly string[] _lines;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, YNode> _anchors = new(StringComparer.Ordinal);
    private SourceSpan _last = new(1, 1, 1, 1);

    private YamlTreeReader(string text, DiagnosticBag diagnostics)
    {
        _parser = new Parser(new StringReader(text));
        _lines = text.Split('\n');
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Reads the single document of <paramref name="text"/>. Returns <see langword="null"/> for an empty text or
    /// when the text is not well-formed (the problem is then in <paramref name="diagnostics"/>).
    /// </summary>
    public static YNode? Read(string text, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new YamlTreeReader(text, diagnostics).ReadStream();
    }

    private YNode? ReadStream()
    {
        try
        {
            YNode? root = null;
            var documents = 0;
            while (Next() is { } e)
            {
                if (e is DocumentStart)
                {
                    documents++;
                    var node = ReadNode(Next()!);
                    if (documents == 1)
                    {
                        root = node;
                    }
                    else
                    {
                        _diagnostics.Add(YamlCodes.Syntax, "expected one YAML document but found another; remove the '---' separator", node.Span);
                        return null;
                    }
                }
            }
            return root;
        }
        catch (YamlException ex)
        {
            var span = ex.Start.Line > 0 ? ToSpan(ex.Start, ex.End) : _last;
            _diagnostics.Add(YamlCodes.Syntax, "invalid YAML: " + ex.Message, span);
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner throws these on a few malformed inputs; report them at the last position read.
            _diagnostics.Add(YamlCodes.Syntax, "invalid YAML near here (unterminated list, mapping or quote?)", _last);
            return null;
        }
    }

    private ParsingEvent? Next()
    {
        if (!_parser.MoveNext())
        {
            return null;
        }
        var current = _parser.Current!;
        _last = ToSpan(current.Start, current.End);
        return current;
    }

    private YNode ReadNode(ParsingEvent e)
    {
        switch (e)
        {
            case Scalar scalar:
                {
                    var span = ToSpan(e.Start, e.End);
                    return Remember(scalar.Anchor, new YScalar(scalar.Value, IsNull(scalar), span, scalar.Style == ScalarStyle.Plain, ContentStart(scalar, span)));
                }
            case SequenceStart start:
                {
                    var items = new List<YNode>();
                    while (Next() is { } item && item is not SequenceEnd)
                    {
                        items.Add(ReadNode(item));
                    }
                    return Remember(start.Anchor, new YSequence(items, Through(e)));
                }
            case MappingStart start:
                return Remember(start.Anchor, ReadMapping(e));
            case AnchorAlias alias:
                if (_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    return target;
                }
                _diagnostics.Add(YamlCodes.Syntax, $"alias '*{alias.Value.Value}' refers to no anchor defined before it", ToSpan(e.Start, e.End), alias.Value.Value);
                return new YScalar(string.Empty, isNull: true, ToSpan(e.Start, e.End));
            default:
                throw new InvalidOperationException("unexpected YAML event " + e.GetType().Name);
        }
    }

    private YMapping ReadMapping(ParsingEvent start)
    {
        var entries = new List<KeyValuePair<YScalar, YNode>>();
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        while (Next() is { } keyEvent && keyEvent is not MappingEnd)
        {
            var keyNode = ReadNode(keyEvent);
            var value = ReadNode(Next()!);
            if (keyNode is not YScalar key)
            {
                _diagnostics.Add(YamlCodes.WrongShape, $"a key must be a string but is {keyNode.KindName}", keyNode.Span);
                continue;
            }
            if (seen.TryGetValue(key.Value, out var first))
            {
                _diagnostics.Add(YamlCodes.DuplicateKey, $"duplicate key '{key.Value}' (first at {first})", key.Span, key.Value);
                continue;
            }
            seen.Add(key.Value, key.Span);
            entries.Add(new KeyValuePair<YScalar, YNode>(key, value));
        }
        return new YMapping(entries, Through(start));
    }

    private YNode Remember(AnchorName anchor, YNode node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }
        return node;
    }

    /// <summary>The span from <paramref name="start"/> to the end of the last event read.</summary>
    private SourceSpan Through(ParsingEvent start)
    {
        var begin = ToSpan(start.Start, start.End);
        return new SourceSpan(begin.Line, begin.Column, _last.EndLine, _last.EndColumn);
    }

    /// <summary>
    /// Where the text of a scalar starts: after the quote of a quoted scalar; for a block scalar, the first non-blank
    /// character of the first non-blank line after the indicator.
    /// </summary>
    private SourceSpan ContentStart(Scalar scalar, SourceSpan span)
    {
        switch (scalar.Style)
        {
            case ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted:
                return span with { Column = span.Column + 1, EndLine = span.Line, EndColumn = span.Column + 1 };
            case ScalarStyle.Literal or ScalarStyle.Folded:
                for (var line = span.Line; line < _lines.Length; line++)
                {
                    var text = _lines[line]; // 0-based index `line` is the 1-based line after the indicator's
                    var indent = text.Length - text.TrimStart(' ').Length;
                    if (text.Trim().Length > 0)
                    {
                        return new SourceSpan(line + 1, indent + 1, line + 1, indent + 1);
                    }
                }
                return span;
            default:
                return span;
        }
    }

    private static bool IsNull(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

    private static SourceSpan ToSpan(Mark start, Mark end) =>
        new((int)Math.Max(1, start.Line), (int)Math.Max(1, start.Column), (int)Math.Max(1, end.Line), (int)Math.Max(1, end.Column));
}
