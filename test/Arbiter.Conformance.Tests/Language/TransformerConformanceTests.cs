using System.Text.Json.Nodes;
using Arbiter.Parsing;
using Xunit.Abstractions;

namespace Arbiter.Conformance.Tests.Language;

/// <summary>
/// OpenFGA's transformer cases (<c>transformer/*/</c>): the DSL reads to JSON equivalent to <c>authorization-model.json</c>,
/// and that JSON prints to exactly the <c>.fga</c> text (modulo trailing whitespace).
/// The modular cases (<c>transformer-module/</c>, <c>fga-mod-transformer-cases.yaml</c>) are not run: Arbiter reads single-file models.
/// </summary>
public class TransformerConformanceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => LanguageCases.TransformerRows();

    [ConformanceTheory]
    [MemberData(nameof(Cases))]
    public void DslToJson_MatchesExpectedJson(string name) => DslToJson(Directory(name)).ShouldBeNull();

    [ConformanceTheory]
    [MemberData(nameof(Cases))]
    public void JsonToDsl_MatchesExpectedDsl(string name) => JsonToDsl(Directory(name)).ShouldBeNull();

    [ConformanceTheory]
    [MemberData(nameof(Cases))]
    public void Dsl_ValidatesUnlessTheCaseIsKnownInvalid(string name)
    {
        var result = ModelParser.Parse(File.ReadAllText(Path.Combine(Directory(name), "authorization-model.fga")));
        // 14 uses a computed relation as a tupleset, 15 an undefined condition and relation: transformer cases only.
        // 11's condition reads 'document_attributes', which it does not declare: OpenFGA's language tools do not compile
        // CEL, but its server (and Arbiter, at model load) rejects the expression as an undeclared reference.
        var invalid = name.StartsWith("14-", StringComparison.Ordinal) || name.StartsWith("15-", StringComparison.Ordinal) || name.StartsWith("11-", StringComparison.Ordinal);
        result.Success.ShouldBe(!invalid, string.Join(" | ", result.Diagnostics));
        if (name.StartsWith("11-", StringComparison.Ordinal))
        {
            result.Diagnostics.ShouldContain(d => d.Message.Contains("undeclared reference to 'document_attributes'", StringComparison.Ordinal));
        }
    }

    [ConformanceFact]
    public void TransformerFolder_AllCasesPass()
    {
        var failures = new List<string>();
        var directories = LanguageCases.TransformerDirectories().ToList();
        foreach (var directory in directories)
        {
            if (DslToJson(directory) is { } toJson)
            {
                failures.Add($"{Path.GetFileName(directory)} DSL->JSON: {toJson}");
            }
            if (JsonToDsl(directory) is { } toDsl)
            {
                failures.Add($"{Path.GetFileName(directory)} JSON->DSL: {toDsl}");
            }
        }
        output.WriteLine($"transformer/: {directories.Count * 2 - failures.Count}/{directories.Count * 2} directions passed ({directories.Count} cases, DSL->JSON and JSON->DSL)");
        failures.ForEach(output.WriteLine);
        failures.ShouldBeEmpty();
    }

    private static string Directory(string name) => ConformanceData.PathOf(LanguageCases.DataRoot + "transformer/" + name);

    internal static string? DslToJson(string directory)
    {
        var dsl = File.ReadAllText(Path.Combine(directory, "authorization-model.fga"));
        // Like OpenFGA's transformer, without semantic validation: two of the cases are models that do not validate.
        var result = DslParser.Parse(dsl);
        if (result.Diagnostics.Count > 0)
        {
            return "the DSL was rejected: " + string.Join(" | ", result.Diagnostics);
        }
        var expected = Normalize(JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "authorization-model.json"))));
        var actual = Normalize(JsonNode.Parse(ModelJson.Write(result.Model)));
        return JsonNode.DeepEquals(expected, actual) ? null : "the JSON differs:\n" + actual?.ToJsonString() + "\nexpected:\n" + expected?.ToJsonString();
    }

    internal static string? JsonToDsl(string directory)
    {
        var json = File.ReadAllText(Path.Combine(directory, "authorization-model.json"));
        var (model, problems) = JsonModelReader.Read(json);
        if (model is null)
        {
            return "the JSON was rejected: " + string.Join(" | ", problems);
        }
        var expected = TrimLines(File.ReadAllText(Path.Combine(directory, "authorization-model.fga")));
        var actual = TrimLines(ModelPrinter.ToDsl(model));
        return string.Equals(expected, actual, StringComparison.Ordinal) ? null : "the DSL differs:\n" + actual + "\nexpected:\n" + expected;
    }

    /// <summary>Drops null-valued properties and an empty <c>type_definitions</c>, which OpenFGA writes either way.</summary>
    private static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is null || (key == "type_definitions" && value is JsonArray { Count: 0 }))
                    {
                        obj.Remove(key);
                    }
                    else
                    {
                        Normalize(value);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Normalize(item);
                }
                break;
        }
        return node;
    }

    internal static string TrimLines(string text) =>
        string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).TrimEnd();
}
