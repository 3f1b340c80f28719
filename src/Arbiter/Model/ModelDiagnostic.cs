namespace Arbiter.Model;

/// <summary>
/// One problem found in a model, policy or other text input, with where it is.
/// </summary>
/// <param name="Code">A stable, machine-readable kind, e.g. <c>syntax-error</c>, <c>missing-definition</c>.</param>
/// <param name="Message">A short human-readable message.</param>
/// <param name="Span">Where the problem is, when known.</param>
/// <param name="Symbol">The offending name or token, when there is one.</param>
public sealed record ModelDiagnostic(string Code, string Message, SourceSpan? Span = null, string? Symbol = null)
{
    /// <summary>The file or source name the span refers to, when known.</summary>
    public string? Source { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var where = Span is { } s ? $"{s.Line}:{s.Column}: " : string.Empty;
        var source = Source is null ? string.Empty : Source + ":";
        return $"{source}{where}{Message}";
    }
}
