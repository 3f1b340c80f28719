using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Arbiter.Conformance.Tests.Language;

/// <summary>Reads the case files of OpenFGA's language suite (<c>openfga-language/tests/data</c>).</summary>
internal static class LanguageCases
{
    public const string DataRoot = "openfga-language/tests/data/";

    /// <summary>The placeholder row of a theory when the data is missing (the skip attribute then skips it).</summary>
    public const string Missing = "(conformance data missing)";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public static List<T> Load<T>(string file) =>
        Yaml.Deserialize<List<T>>(File.ReadAllText(ConformanceData.PathOf(DataRoot + file))) ?? [];

    /// <summary>The theory rows of a case file: "index: name", or one placeholder row when the data is missing.</summary>
    public static TheoryData<string> Rows<T>(string file, Func<T, string> name)
    {
        var rows = new TheoryData<string>();
        if (!ConformanceData.Available)
        {
            rows.Add(Missing);
            return rows;
        }
        var cases = Load<T>(file);
        for (var i = 0; i < cases.Count; i++)
        {
            rows.Add(RowName(i, name(cases[i])));
        }
        return rows;
    }

    public static string RowName(int index, string name) => $"{index:000}: {name}";

    public static int IndexOf(string row) => int.Parse(row.AsSpan(0, 3), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The transformer case folders, or a placeholder when the data is missing.</summary>
    public static TheoryData<string> TransformerRows()
    {
        var rows = new TheoryData<string>();
        if (!ConformanceData.Available)
        {
            rows.Add(Missing);
            return rows;
        }
        foreach (var dir in TransformerDirectories())
        {
            rows.Add(Path.GetFileName(dir));
        }
        return rows;
    }

    public static IEnumerable<string> TransformerDirectories() =>
        Directory.GetDirectories(ConformanceData.PathOf(DataRoot + "transformer")).Order(StringComparer.Ordinal);
}

/// <summary>A case of <c>dsl-syntax-validation-cases.yaml</c> or <c>dsl-semantic-validation-cases.yaml</c>.</summary>
internal sealed class DslValidationCase
{
    public string Name { get; set; } = "";
    public string Dsl { get; set; } = "";
    public bool Skip { get; set; }
    public List<ExpectedError>? ExpectedErrors { get; set; }
}

/// <summary>An expected error; lines and columns are 0-based.</summary>
internal sealed class ExpectedError
{
    public string Msg { get; set; } = "";
    public LineRange? Line { get; set; }
    public LineRange? Column { get; set; }
    public Dictionary<string, string>? Metadata { get; set; }
}

/// <summary>A 0-based start/end pair.</summary>
internal sealed class LineRange
{
    public int Start { get; set; }
    public int End { get; set; }
}

/// <summary>A case of <c>json-validation-cases.yaml</c>.</summary>
internal sealed class JsonValidationCase
{
    public string Name { get; set; } = "";
    public string Json { get; set; } = "";
    public bool Skip { get; set; }
    public List<ExpectedError>? ExpectedErrors { get; set; }
}

/// <summary>A case of <c>json-syntax-transformer-validation-cases.yaml</c>.</summary>
internal sealed class JsonTransformerCase
{
    public string Name { get; set; } = "";
    public string Json { get; set; } = "";
    public bool Skip { get; set; }
    public bool? Valid { get; set; }
    public string? ErrorMessage { get; set; }
}
