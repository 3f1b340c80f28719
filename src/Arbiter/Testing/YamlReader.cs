using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Arbiter.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Arbiter.Testing;

/// <summary>
/// Reads YAML nodes into values while collecting every problem with file:line:column.
/// Shared by the store-file and tuple-file readers.
/// </summary>
internal sealed class YamlReader(string? source)
{
    private readonly List<ModelDiagnostic> _diagnostics = [];

    public string? Source { get; } = source;

    public List<ModelDiagnostic> Diagnostics => _diagnostics;

    /// <summary>Parses YAML text into its root node; reports a syntax error and returns <see langword="null"/> when it is malformed.</summary>
    public YamlNode? LoadRoot(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            Report("yaml-syntax", "invalid YAML: " + TrimMark(message), ex.Start);
            return null;
        }
        if (stream.Documents.Count == 0)
        {
            Report("empty-file", "the file is empty", null);
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            Report("yaml-syntax", "the file has more than one YAML document", stream.Documents[1].RootNode.Start);
        }
        return stream.Documents[0].RootNode;
    }

    public void Report(string code, string message, YamlNode? node) => Report(code, message, node?.Start);

    public void Report(string code, string message, Mark? mark, int length = 1)
    {
        SourceSpan? span = mark is { Line: > 0 } m ? SourceSpan.OnLine((int)m.Line, (int)m.Column, length) : null;
        _diagnostics.Add(new ModelDiagnostic(code, message, span) { Source = Source });
    }

    public static SourceSpan SpanOf(YamlNode node) =>
        new((int)node.Start.Line, (int)node.Start.Column, (int)node.End.Line, (int)node.End.Column);

    /// <summary>Reads a mapping, reporting keys outside <paramref name="allowed"/> (<c>null</c>: any key).</summary>
    public YamlMap? Map(YamlNode node, string what, IReadOnlySet<string>? allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            Report("invalid-value", $"{what} must be a mapping", node);
            return null;
        }
        var entries = new List<KeyValuePair<string, YamlNode>>(mapping.Children.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Report("invalid-value", $"{what} has a key that is not a string", keyNode);
                continue;
            }
            if (allowed is not null && !allowed.Contains(key))
            {
                Report("unknown-key", $"unknown key '{key}' in {what} (allowed: {string.Join(", ", allowed.Order(StringComparer.Ordinal))})", keyNode.Start, key.Length);
                continue;
            }
            if (!seen.Add(key))
            {
                Report("duplicate-key", $"duplicate key '{key}' in {what}", keyNode.Start, key.Length);
                continue;
            }
            entries.Add(new(key, value));
        }
        return new YamlMap(mapping, entries);
    }

    /// <summary>Reads a sequence; a missing or null node is an empty sequence.</summary>
    public IReadOnlyList<YamlNode> Sequence(YamlNode? node, string what)
    {
        if (node is null || IsNull(node))
        {
            return [];
        }
        if (node is not YamlSequenceNode sequence)
        {
            Report("invalid-value", $"{what} must be a list", node);
            return [];
        }
        return [.. sequence.Children];
    }

    public bool TryString(YamlNode? node, string what, [NotNullWhen(true)] out string? value)
    {
        if (node is YamlScalarNode scalar && !IsNull(node))
        {
            value = scalar.Value ?? string.Empty;
            return true;
        }
        Report("invalid-value", $"{what} must be a string", node);
        value = null;
        return false;
    }

    public string? OptionalString(YamlMap map, string key, string what) =>
        map.TryGet(key, out var node) && !IsNull(node) && TryString(node, what, out var value) ? value : null;

    public string? RequiredString(YamlMap map, string key, string what)
    {
        if (!map.TryGet(key, out var node))
        {
            Report("missing-key", $"{what} needs '{key}'", map.Node);
            return null;
        }
        return TryString(node, $"'{key}' in {what}", out var value) ? value : null;
    }

    public bool TryBool(YamlNode node, string what, out bool value)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text } && TryParseBool(text, out value))
        {
            return true;
        }
        Report("invalid-value", $"{what} must be true or false", node);
        value = false;
        return false;
    }

    /// <summary>Reads a <c>context:</c> mapping into values (strings, numbers, booleans, lists, maps).</summary>
    public IReadOnlyDictionary<string, object?>? Context(YamlMap map, string key, string what)
    {
        if (!map.TryGet(key, out var node) || IsNull(node))
        {
            return null;
        }
        if (node is not YamlMappingNode)
        {
            Report("invalid-value", $"'{key}' in {what} must be a mapping", node);
            return null;
        }
        return (IReadOnlyDictionary<string, object?>?)ToValue(node);
    }

    /// <summary>Converts a node to a plain value: plain scalars are typed as YAML 1.2 core does, quoted scalars stay strings.</summary>
    public static object? ToValue(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children
            .Where(static c => c.Key is YamlScalarNode { Value: not null })
            .GroupBy(static c => ((YamlScalarNode)c.Key).Value!, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => ToValue(g.Last().Value), StringComparer.Ordinal),
        YamlSequenceNode sequence => sequence.Children.Select(ToValue).ToList(),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var text } => PlainScalar(text),
        YamlScalarNode scalar => scalar.Value ?? string.Empty,
        _ => null,
    };

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static object? PlainScalar(string? text)
    {
        if (text is null or "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }
        if (TryParseBool(text, out var b))
        {
            return b;
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return l;
        }
        if (text.Any(char.IsDigit) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }
        return text;
    }

    private static bool TryParseBool(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE": value = true; return true;
            case "false" or "False" or "FALSE": value = false; return true;
            default: value = false; return false;
        }
    }

    private static string TrimMark(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the span carries that already.
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && marker >= 0 ? message[(marker + 3)..] : message;
    }
}
