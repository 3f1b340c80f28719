using Arbiter.Model;

namespace Arbiter.Testing;

/// <summary>
/// Reads relationship tuple files in the formats <c>fga</c> accepts: YAML or JSON (<c>.yaml</c>, <c>.yml</c>, <c>.json</c>:
/// a list of <c>{user, relation, object, condition}</c>), JSON lines (<c>.jsonl</c>) and CSV (<c>.csv</c>, with a header row).
/// </summary>
public static class TupleFileLoader
{
    /// <summary>Reads a tuple file; the format comes from the extension. Problems name the file and, when known, line:column.</summary>
    public static TupleFileLoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return Failed(path, "file-not-found", "tuple file not found");
        }
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(path, "file-unreadable", $"cannot read tuple file {path}: {ex.Message}");
        }
        return Parse(text, Path.GetExtension(path), path);
    }

    /// <summary>Parses tuple file text in the format named by <paramref name="extension"/> (<c>.yaml</c>, <c>.yml</c>, <c>.json</c>, <c>.jsonl</c> or <c>.csv</c>).</summary>
    public static TupleFileLoadResult Parse(string text, string extension, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(extension);
        var format = extension.TrimStart('.').ToLowerInvariant();
        switch (format)
        {
            case "yaml" or "yml" or "json":
            {
                var reader = new YamlReader(sourceName);
                var root = reader.LoadRoot(text);
                var tuples = root is null ? [] : YamlTupleReader.ReadList(reader, root, "the tuple file");
                if (root is not null && reader.Diagnostics.Count == 0 && tuples.Count == 0)
                {
                    reader.Report("empty-file", "the tuple file has no tuples", root);
                }
                return Result(tuples, reader.Diagnostics);
            }
            case "jsonl":
                return ParseJsonLines(text, sourceName);
            case "csv":
            {
                var diagnostics = new List<ModelDiagnostic>();
                var tuples = CsvTupleReader.Read(text, sourceName, diagnostics);
                return Result(tuples, diagnostics);
            }
            default:
                return Failed(sourceName, "unsupported-format",
                    $"unsupported tuple file format '{extension}': use .yaml, .yml, .json, .jsonl or .csv");
        }
    }

    private static TupleFileLoadResult ParseJsonLines(string text, string? source)
    {
        var tuples = new List<RelationshipTuple>();
        var diagnostics = new List<ModelDiagnostic>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var reader = new YamlReader(source);
            var root = reader.LoadRoot(line);
            var tuple = root is null ? null : YamlTupleReader.Read(reader, root, "a tuple");
            foreach (var diagnostic in reader.Diagnostics)
            {
                diagnostics.Add(diagnostic with { Span = SourceSpan.OnLine(i + 1, diagnostic.Span?.Column ?? 1, 1) });
            }
            if (tuple is not null)
            {
                tuples.Add(tuple);
            }
        }
        if (tuples.Count == 0 && diagnostics.Count == 0)
        {
            diagnostics.Add(new ModelDiagnostic("empty-file", "the tuple file has no tuples") { Source = source });
        }
        return Result(tuples, diagnostics);
    }

    private static TupleFileLoadResult Result(List<RelationshipTuple> tuples, List<ModelDiagnostic> diagnostics) =>
        diagnostics.Count == 0 ? new TupleFileLoadResult { Tuples = tuples } : new TupleFileLoadResult { Diagnostics = diagnostics };

    private static TupleFileLoadResult Failed(string? source, string code, string message) =>
        new() { Diagnostics = [new ModelDiagnostic(code, message) { Source = source }] };
}
