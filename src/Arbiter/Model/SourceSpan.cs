namespace Arbiter.Model;

/// <summary>
/// A range in a source text. Lines and columns are 1-based; the end column is exclusive.
/// </summary>
/// <param name="Line">The 1-based line where the range starts.</param>
/// <param name="Column">The 1-based column where the range starts.</param>
/// <param name="EndLine">The 1-based line where the range ends.</param>
/// <param name="EndColumn">The 1-based column just past the end of the range.</param>
public readonly record struct SourceSpan(int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>Creates a span on one line.</summary>
    public static SourceSpan OnLine(int line, int column, int length) => new(line, column, line, column + length);

    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}
