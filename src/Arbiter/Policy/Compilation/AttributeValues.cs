using System.Globalization;
using System.Text.RegularExpressions;
using Arbiter.Model;
using Arbiter.Policy.Yaml;

namespace Arbiter.Policy.Compilation;

/// <summary>
/// Attribute types and values in the policy YAML: parses declared types (<c>list&lt;string&gt;</c>) and turns YAML values
/// into the CLR values the engine takes (<see cref="long"/>, <see cref="bool"/>, <see cref="double"/>, <see cref="string"/>,
/// arrays and dictionaries), reporting values that cannot fit the declared type. The engine does the final conversion
/// (timestamps, durations, IP addresses are passed on as strings).
/// </summary>
internal static partial class AttributeValues
{
    /// <summary>The scalar types an attribute may have; <c>list&lt;T&gt;</c> and <c>map&lt;T&gt;</c> take one of these.</summary>
    public static readonly string[] ScalarTypes = ["string", "int", "uint", "double", "bool", "bytes", "timestamp", "duration", "ipaddress", "any"];

    private static readonly ConditionParameterType Any = new("any");

    /// <summary>Parses <c>string</c>, <c>list&lt;int&gt;</c>, <c>map&lt;string&gt;</c>...; <see langword="null"/> when not a known type.</summary>
    public static ConditionParameterType? ParseType(string text)
    {
        var match = TypePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var name = match.Groups["name"].Value;
        var argument = match.Groups["arg"].Success ? match.Groups["arg"].Value : null;
        if (name is "list" or "map")
        {
            return argument is not null && ScalarTypes.Contains(argument, StringComparer.Ordinal)
                ? new ConditionParameterType(name, [new ConditionParameterType(argument)])
                : null;
        }
        return argument is null && ScalarTypes.Contains(name, StringComparer.Ordinal) ? new ConditionParameterType(name) : null;
    }

    /// <summary>
    /// Reads <c>{name: value}</c> against the declared attributes of <paramref name="typeName"/>; unknown names and values
    /// that do not fit are reported and left out.
    /// </summary>
    public static Dictionary<string, object?> Read(
        YMapping mapping, string typeName, IReadOnlyDictionary<string, ConditionParameterType> declared, string owner, DiagnosticBag diagnostics)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (!declared.TryGetValue(entry.Key.Value, out var type))
            {
                var known = declared.Count == 0 ? "it declares none" : "its attributes are " + string.Join(", ", declared.Keys);
                diagnostics.Add(PolicyCodes.UnknownAttribute, $"{owner} has a value for '{entry.Key.Value}' but '{typeName}' declares no such attribute; {known}", entry.Key.Span, entry.Key.Value);
                continue;
            }
            if (TryConvert(entry.Value, type, out var value, out var problem))
            {
                values[entry.Key.Value] = value;
            }
            else
            {
                diagnostics.Add(PolicyCodes.InvalidValue, $"attribute '{entry.Key.Value}' of {owner} is {type} but the value {problem}", entry.Value.Span, entry.Key.Value);
            }
        }
        return values;
    }

    /// <summary>Reads request context values: YAML decides the kinds (<c>3</c> is an int, <c>true</c> a bool, <c>"3"</c> a string).</summary>
    public static Dictionary<string, object?> ReadContext(YMapping mapping)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            TryConvert(entry.Value, Any, out var value, out _);
            values[entry.Key.Value] = value;
        }
        return values;
    }

    private static bool TryConvert(YNode node, ConditionParameterType type, out object? value, out string problem)
    {
        value = null;
        problem = string.Empty;
        if (node is YScalar { IsNull: true })
        {
            return true; // no value: the attribute is absent
        }
        switch (type.Name)
        {
            case "list":
                if (node is not YSequence sequence)
                {
                    problem = $"is {node.KindName}, not a list";
                    return false;
                }
                var items = new object?[sequence.Items.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    if (sequence.Items[i] is YScalar { IsNull: true })
                    {
                        problem = "has an empty item";
                        return false;
                    }
                    if (!TryConvert(sequence.Items[i], type.GenericTypes[0], out items[i], out var inner))
                    {
                        problem = "has an item that " + inner;
                        return false;
                    }
                }
                value = items;
                return true;
            case "map":
                if (node is not YMapping map)
                {
                    problem = $"is {node.KindName}, not a mapping";
                    return false;
                }
                var entries = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var entry in map.Entries)
                {
                    if (!TryConvert(entry.Value, type.GenericTypes[0], out var item, out var inner))
                    {
                        problem = $"has an entry '{entry.Key.Value}' that {inner}";
                        return false;
                    }
                    entries[entry.Key.Value] = item;
                }
                value = entries;
                return true;
            case "any":
                value = node switch
                {
                    YScalar s => s.IsPlain ? Infer(s.Value) : s.Value,
                    YSequence s => s.Items.Select(i => TryConvert(i, Any, out var v, out _) ? v : null).ToArray(),
                    YMapping m => ReadContext(m),
                    _ => null,
                };
                return true;
        }
        if (node is not YScalar scalar)
        {
            problem = $"is {node.KindName}";
            return false;
        }
        var text = scalar.Value;
        switch (type.Name)
        {
            case "int" when scalar.IsPlain && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                value = number;
                return true;
            case "uint" when scalar.IsPlain && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unsigned):
                value = unsigned;
                return true;
            case "double" when scalar.IsPlain && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real):
                value = real;
                return true;
            case "bool" when scalar.IsPlain && ParseBool(text) is { } flag:
                value = flag;
                return true;
            case "int" or "uint" or "double" or "bool":
                problem = scalar.IsPlain ? $"'{text}' is not one" : "is a quoted string; write it without quotes";
                return false;
            case "timestamp" when !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _):
                problem = $"'{text}' is not a timestamp such as 2024-05-01T12:00:00Z";
                return false;
            default:
                value = text; // string, bytes, timestamp, duration, ipaddress: the engine converts the text
                return true;
        }
    }

    /// <summary>The kind YAML 1.2's core schema gives a plain scalar: bool, int, float, or else a string.</summary>
    private static object Infer(string text)
    {
        if (ParseBool(text) is { } flag)
        {
            return flag;
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return real;
        }
        return text;
    }

    private static bool? ParseBool(string text) => text switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    [GeneratedRegex(@"^\s*(?<name>[a-z]+)\s*(<\s*(?<arg>[a-z]+)\s*>)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TypePattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
