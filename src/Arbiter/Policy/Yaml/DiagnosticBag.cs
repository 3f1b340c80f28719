using Arbiter.Model;

namespace Arbiter.Policy.Yaml;

/// <summary>Collects the problems found while reading a text input, each tagged with the source name.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<ModelDiagnostic> _items = [];

    public DiagnosticBag(string? sourceName) => SourceName = sourceName;

    /// <summary>The file or source name put on every diagnostic.</summary>
    public string? SourceName { get; }

    public IReadOnlyList<ModelDiagnostic> Items => _items;

    public bool HasErrors => _items.Count > 0;

    public void Add(string code, string message, SourceSpan? span, string? symbol = null) =>
        _items.Add(new ModelDiagnostic(code, message, span, symbol) { Source = SourceName });

    public void Add(ModelDiagnostic diagnostic) => _items.Add(diagnostic with { Source = diagnostic.Source ?? SourceName });

    /// <summary>Throws <see cref="ModelValidationException"/> listing every problem, in source order, when there is any.</summary>
    public void ThrowIfAny()
    {
        if (_items.Count > 0)
        {
            var sorted = _items
                .Select((d, i) => (d, i))
                .OrderBy(x => x.d.Span?.Line ?? int.MaxValue)
                .ThenBy(x => x.d.Span?.Column ?? int.MaxValue)
                .ThenBy(x => x.i)
                .Select(x => x.d)
                .ToArray();
            throw new ModelValidationException(sorted);
        }
    }
}
