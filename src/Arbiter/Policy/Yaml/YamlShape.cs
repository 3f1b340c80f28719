using Arbiter.Model;

namespace Arbiter.Policy.Yaml;

/// <summary>
/// Reads the expected shapes out of <see cref="YNode"/>s, reporting a <c>wrong-shape</c> or <c>unknown-key</c>
/// diagnostic (with line:column) instead of throwing.
/// </summary>
internal static class YamlShape
{
    /// <summary>
    /// The node as a mapping. An absent node or an empty value gives <see langword="null"/> without a diagnostic;
    /// any other shape gives <see langword="null"/> and a diagnostic naming <paramref name="what"/>.
    /// </summary>
    public static YMapping? AsMapping(YNode? node, string what, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case null:
                return null;
            case YMapping mapping:
                return mapping;
            case YScalar { IsNull: true }:
                return null;
            default:
                diagnostics.Add(YamlCodes.WrongShape, $"{what} must be a mapping but is {node.KindName}", node.Span);
                return null;
        }
    }

    /// <summary>The node as a sequence; an absent or empty value gives an empty list.</summary>
    public static IReadOnlyList<YNode> AsSequence(YNode? node, string what, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case null:
            case YScalar { IsNull: true }:
                return [];
            case YSequence sequence:
                return sequence.Items;
            default:
                diagnostics.Add(YamlCodes.WrongShape, $"{what} must be a list but is {node.KindName}", node.Span);
                return [];
        }
    }

    /// <summary>The node as a non-empty string, or <see langword="null"/> (with a diagnostic unless the node is absent).</summary>
    public static YScalar? AsString(YNode? node, string what, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case null:
                return null;
            case YScalar { IsNull: false } scalar:
                return scalar;
            default:
                diagnostics.Add(YamlCodes.WrongShape, $"{what} must be a string but is {node.KindName}", node.Span);
                return null;
        }
    }

    /// <summary>
    /// One string or a list of strings (<c>admin</c> or <c>[admin, expert]</c>); an absent or empty value gives an empty list.
    /// </summary>
    public static IReadOnlyList<YScalar> AsStringList(YNode? node, string what, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case null:
            case YScalar { IsNull: true }:
                return [];
            case YScalar scalar:
                return [scalar];
            case YSequence sequence:
                var result = new List<YScalar>(sequence.Items.Count);
                foreach (var item in sequence.Items)
                {
                    if (item is YScalar { IsNull: false } s)
                    {
                        result.Add(s);
                    }
                    else
                    {
                        diagnostics.Add(YamlCodes.WrongShape, $"each item of {what} must be a string but this one is {item.KindName}", item.Span);
                    }
                }
                return result;
            default:
                diagnostics.Add(YamlCodes.WrongShape, $"{what} must be a string or a list of strings but is {node.KindName}", node.Span);
                return [];
        }
    }

    /// <summary>Reports every key of <paramref name="mapping"/> that is not in <paramref name="allowed"/>.</summary>
    public static void CheckKeys(YMapping mapping, string what, DiagnosticBag diagnostics, params ReadOnlySpan<string> allowed)
    {
        foreach (var entry in mapping.Entries)
        {
            var known = false;
            foreach (var key in allowed)
            {
                if (string.Equals(key, entry.Key.Value, StringComparison.Ordinal))
                {
                    known = true;
                    break;
                }
            }
            if (!known)
            {
                diagnostics.Add(
                    YamlCodes.UnknownKey,
                    $"unknown key '{entry.Key.Value}' in {what}; expected {string.Join(", ", allowed.ToArray())}",
                    entry.Key.Span,
                    entry.Key.Value);
            }
        }
    }

    /// <summary>
    /// Converts a node to a plain value tree: <see cref="string"/>, <see langword="null"/>,
    /// <see cref="IReadOnlyList{T}"/> of values, or <see cref="IReadOnlyDictionary{TKey, TValue}"/> of values.
    /// </summary>
    public static object? ToValue(YNode node) => node switch
    {
        YScalar { IsNull: true } => null,
        YScalar scalar => scalar.Value,
        YSequence sequence => sequence.Items.Select(ToValue).ToArray(),
        YMapping mapping => mapping.Entries.ToDictionary(e => e.Key.Value, e => ToValue(e.Value), StringComparer.Ordinal).AsReadOnly(),
        _ => null,
    };
}
