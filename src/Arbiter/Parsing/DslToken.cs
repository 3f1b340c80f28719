using Arbiter.Model;

namespace Arbiter.Parsing;

/// <summary>One token of DSL text: its kind, text and where it starts (1-based line and column).</summary>
internal readonly record struct DslToken(DslTokenKind Kind, string Text, int Offset, int Length, int Line, int Column)
{
    /// <summary>The offset just past the token.</summary>
    public int End => Offset + Length;

    /// <summary>Where the token is; a newline or the end of input is one column wide.</summary>
    public SourceSpan Span => SourceSpan.OnLine(Line, Column, Kind is DslTokenKind.Newline or DslTokenKind.EndOfFile ? 1 : Math.Max(1, Text.Length));

    public bool IsWord(string word) => Kind == DslTokenKind.Word && string.Equals(Text, word, StringComparison.Ordinal);

    /// <summary>The token as shown in a message.</summary>
    public string Display => Kind switch
    {
        DslTokenKind.EndOfFile => "end of input",
        DslTokenKind.Newline => "end of line",
        _ => "'" + Text + "'",
    };
}
