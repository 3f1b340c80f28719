using Arbiter.Model;

namespace Arbiter.Conditions;

/// <summary>
/// Turns offsets in an expression into <see cref="SourceSpan"/>s, relative to the expression or, with a base span (where
/// the expression starts in a model file), relative to the model text.
/// </summary>
internal sealed class CelSource
{
    private readonly List<int> _lineStarts = [0];
    private readonly SourceSpan? _origin;

    public CelSource(string text, SourceSpan? origin)
    {
        Text = text;
        _origin = origin;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public string Text { get; }

    public SourceSpan SpanOf(int start, int end)
    {
        var (line, column) = Position(start);
        var (endLine, endColumn) = Position(Math.Max(end, start));
        return new SourceSpan(line, column, endLine, endColumn);
    }

    private (int Line, int Column) Position(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        var column = offset - _lineStarts[line] + 1;
        if (_origin is { } origin)
        {
            return line == 0 ? (origin.Line, origin.Column + column - 1) : (origin.Line + line, column);
        }
        return (line + 1, column);
    }
}
