using Arbiter.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Arbiter.Testing;

/// <summary>Reads the top level of a store file: name, model, tuples; the tests are read by <c>StoreFileReader.Tests.cs</c>.</summary>
internal sealed partial class StoreFileReader
{
    private static readonly HashSet<string> RootKeys = new(StringComparer.Ordinal)
    {
        "name", "model", "model_file", "tuples", "tuple_file", "tuple_files", "attributes", "attribute_file", "attribute_files", "tests",
    };

    private readonly YamlReader _reader;
    private readonly string _text;
    private readonly string _baseDirectory;

    public StoreFileReader(string text, string? sourceName, string baseDirectory)
    {
        _reader = new YamlReader(sourceName);
        _text = text;
        _baseDirectory = baseDirectory;
    }

    public StoreFileLoadResult Read()
    {
        var root = _reader.LoadRoot(_text);
        if (root is null)
        {
            return Result(null);
        }
        if (_reader.Map(root, "the store file", RootKeys) is not { } map)
        {
            return Result(null);
        }
        var name = _reader.OptionalString(map, "name", "'name'")
            ?? (_reader.Source is { } source ? Path.GetFileName(source) : "store");
        var model = ReadModel(map);
        var tuples = new List<RelationshipTuple>();
        tuples.AddRange(YamlTupleReader.ReadList(_reader, map.TryGet("tuples", out var t) ? t : null, "'tuples'"));
        if (map.TryGet("tuple_file", out var tupleFile) && !YamlReader.IsNull(tupleFile))
        {
            tuples.AddRange(ReadTupleFile(tupleFile, "'tuple_file'"));
        }
        foreach (var file in _reader.Sequence(map.TryGet("tuple_files", out var files) ? files : null, "'tuple_files'"))
        {
            tuples.AddRange(ReadTupleFile(file, "an entry of 'tuple_files'"));
        }
        var attributes = ReadAttributes(map, "'attributes'", "'attribute_file'");
        foreach (var file in _reader.Sequence(map.TryGet("attribute_files", out var attributeFiles) ? attributeFiles : null, "'attribute_files'"))
        {
            attributes.AddRange(ReadAttributeFile(file, "an entry of 'attribute_files'"));
        }
        if (!map.TryGet("tests", out var testsNode))
        {
            _reader.Report("missing-key", "the store file needs 'tests'", root);
        }
        var tests = ReadTests(testsNode);
        if (model is null || _reader.Diagnostics.Count > 0)
        {
            return Result(null);
        }
        return Result(new StoreFile
        {
            Name = name,
            Source = _reader.Source,
            Model = model,
            Tuples = tuples.Distinct().ToList(),
            Attributes = attributes,
            Tests = tests,
        });
    }

    private StoreFileLoadResult Result(StoreFile? file) =>
        _reader.Diagnostics.Count == 0 && file is not null
            ? new StoreFileLoadResult { File = file }
            : new StoreFileLoadResult { Diagnostics = _reader.Diagnostics.ToList() };

    private AuthorizationModel? ReadModel(YamlMap map)
    {
        // As in fga: an inline model wins over model_file.
        if (map.TryGet("model", out var inline) && !YamlReader.IsNull(inline))
        {
            if (!_reader.TryString(inline, "'model'", out var dsl))
            {
                return null;
            }
            var result = ModelSource.Parse(dsl, json: false, _reader.Source);
            foreach (var diagnostic in result.Diagnostics)
            {
                _reader.Diagnostics.Add(MapInlinePosition(diagnostic, (YamlScalarNode)inline));
            }
            return result.Model;
        }
        if (map.TryGet("model_file", out var fileNode) && !YamlReader.IsNull(fileNode))
        {
            if (!_reader.TryString(fileNode, "'model_file'", out var relative))
            {
                return null;
            }
            var result = ModelSource.LoadFile(ResolvePath(relative));
            if (result.Diagnostics is [{ Code: "file-not-found" }])
            {
                _reader.Report("file-not-found", $"model_file '{relative}' not found (looked in {_baseDirectory})", fileNode);
                return null;
            }
            _reader.Diagnostics.AddRange(result.Diagnostics);
            return result.Model;
        }
        _reader.Report("missing-model", "'model' or 'model_file' must be present", map.Node);
        return null;
    }

    /// <summary>
    /// Moves a diagnostic of the inline model to where it is in the store file: for a literal block (<c>model: |</c>)
    /// line n of the model is line n after the <c>|</c>, shifted right by the block's indentation.
    /// </summary>
    private ModelDiagnostic MapInlinePosition(ModelDiagnostic diagnostic, YamlScalarNode node)
    {
        var at = diagnostic with { Source = _reader.Source };
        if (diagnostic.Span is not { } span)
        {
            return at with { Span = YamlReader.SpanOf(node) };
        }
        if (node.Style != ScalarStyle.Literal)
        {
            return at with { Span = SourceSpan.OnLine((int)node.Start.Line, (int)node.Start.Column, 1), Message = $"{diagnostic.Message} (model {span})" };
        }
        var firstLine = (int)node.Start.Line + 1;
        var indent = BlockIndent(firstLine);
        return at with
        {
            Span = new SourceSpan(span.Line + firstLine - 1, span.Column + indent, span.EndLine + firstLine - 1, span.EndColumn + indent),
        };
    }

    private int BlockIndent(int firstLine)
    {
        var lines = _text.Split('\n');
        for (var i = firstLine - 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length > 0)
            {
                return line.Length - line.TrimStart(' ').Length;
            }
        }
        return 0;
    }

    private IReadOnlyList<RelationshipTuple> ReadTupleFile(YamlNode node, string what)
    {
        if (!_reader.TryString(node, what, out var relative))
        {
            return [];
        }
        var result = TupleFileLoader.Load(ResolvePath(relative));
        if (result.Diagnostics is [{ Code: "file-not-found" }])
        {
            _reader.Report("file-not-found", $"tuple file '{relative}' not found (looked in {_baseDirectory})", node);
            return [];
        }
        _reader.Diagnostics.AddRange(result.Diagnostics);
        return result.Tuples;
    }

    /// <summary>Reads a map's <c>attributes:</c> and <c>attribute_file:</c> (a store's or a test's).</summary>
    private List<StoreAttributes> ReadAttributes(YamlMap map, string inlineWhat, string fileWhat)
    {
        var attributes = YamlAttributeReader.ReadList(_reader, map.TryGet("attributes", out var node) ? node : null, inlineWhat);
        if (map.TryGet("attribute_file", out var file) && !YamlReader.IsNull(file))
        {
            attributes.AddRange(ReadAttributeFile(file, fileWhat));
        }
        return attributes;
    }

    private IReadOnlyList<StoreAttributes> ReadAttributeFile(YamlNode node, string what)
    {
        if (!_reader.TryString(node, what, out var relative))
        {
            return [];
        }
        var (entries, diagnostics) = AttributeFileLoader.Load(ResolvePath(relative));
        if (diagnostics is [{ Code: "file-not-found" }])
        {
            _reader.Report("file-not-found", $"attribute file '{relative}' not found (looked in {_baseDirectory})", node);
            return [];
        }
        _reader.Diagnostics.AddRange(diagnostics);
        return entries;
    }

    private string ResolvePath(string relative) => Path.GetFullPath(Path.Combine(_baseDirectory, relative));
}
