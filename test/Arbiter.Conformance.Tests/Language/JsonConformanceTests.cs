using Arbiter.Model;
using Arbiter.Parsing;
using Xunit.Abstractions;

namespace Arbiter.Conformance.Tests.Language;

/// <summary>
/// OpenFGA's JSON suites: <c>json-validation-cases.yaml</c> (a model is accepted, or rejected with the expected error
/// types) and <c>json-syntax-transformer-validation-cases.yaml</c> (a JSON model prints as DSL, or the printer refuses
/// it with the expected message).
/// </summary>
public class JsonConformanceTests(ITestOutputHelper output)
{
    private const string ValidationFile = "json-validation-cases.yaml";
    private const string TransformerFile = "json-syntax-transformer-validation-cases.yaml";

    public static TheoryData<string> ValidationCases => LanguageCases.Rows<JsonValidationCase>(ValidationFile, c => c.Name);

    public static TheoryData<string> TransformerCases => LanguageCases.Rows<JsonTransformerCase>(TransformerFile, c => c.Name);

    [ConformanceTheory]
    [MemberData(nameof(ValidationCases))]
    public void ValidationCase_MatchesExpectedErrors(string row) =>
        RunValidation(LanguageCases.Load<JsonValidationCase>(ValidationFile)[LanguageCases.IndexOf(row)]).ShouldBeNull();

    [ConformanceTheory]
    [MemberData(nameof(TransformerCases))]
    public void TransformerCase_PrintsOrRefuses(string row) =>
        RunTransformer(LanguageCases.Load<JsonTransformerCase>(TransformerFile)[LanguageCases.IndexOf(row)]).ShouldBeNull();

    [ConformanceFact]
    public void ValidationFile_AllCasesPass() =>
        Summarize(ValidationFile, LanguageCases.Load<JsonValidationCase>(ValidationFile), c => c.Name, c => c.Skip, RunValidation);

    [ConformanceFact]
    public void TransformerFile_AllCasesPass() =>
        Summarize(TransformerFile, LanguageCases.Load<JsonTransformerCase>(TransformerFile), c => c.Name, c => c.Skip, RunTransformer);

    private void Summarize<T>(string file, List<T> cases, Func<T, string> name, Func<T, bool> skip, Func<T, string?> run)
    {
        var failures = new List<string>();
        var skipped = cases.Count(skip);
        for (var i = 0; i < cases.Count; i++)
        {
            if (!skip(cases[i]) && run(cases[i]) is { } failure)
            {
                failures.Add(LanguageCases.RowName(i, name(cases[i])) + ": " + failure);
            }
        }
        output.WriteLine($"{file}: {cases.Count - skipped - failures.Count}/{cases.Count - skipped} passed ({skipped} marked skip in the suite)");
        failures.ForEach(output.WriteLine);
        failures.ShouldBeEmpty();
    }

    internal static string? RunValidation(JsonValidationCase testCase)
    {
        if (testCase.Skip)
        {
            return null;
        }
        var result = ModelJson.Parse(testCase.Json);
        var expected = (testCase.ExpectedErrors ?? []).Select(e => e.Metadata?.GetValueOrDefault("errorType") ?? "?").ToHashSet();
        if (expected.Count == 0)
        {
            return result.Success ? null : "expected no errors, got: " + string.Join(" | ", result.Diagnostics);
        }
        var actual = result.Diagnostics.Select(d => d.Code).ToHashSet();
        return !result.Success && expected.SetEquals(actual)
            ? null
            : $"expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]: {string.Join(" | ", result.Diagnostics)}";
    }

    internal static string? RunTransformer(JsonTransformerCase testCase)
    {
        if (testCase.Skip)
        {
            return null;
        }
        // Like OpenFGA's transformer, print without semantic validation: these cases are about what the DSL can express.
        var (model, problems) = JsonModelReader.Read(testCase.Json);
        if (model is null)
        {
            return "the JSON was not read: " + string.Join(" | ", problems);
        }
        string dsl;
        try
        {
            dsl = ModelPrinter.ToDsl(model);
        }
        catch (ModelValidationException ex)
        {
            return testCase.Valid == false && ex.Message.Contains(testCase.ErrorMessage ?? "", StringComparison.Ordinal)
                ? null
                : "the printer refused the model: " + ex.Message;
        }
        if (testCase.Valid == false)
        {
            return "expected the printer to refuse the model, got:\n" + dsl;
        }
        var reparsed = DslParser.Parse(dsl);
        return reparsed.Diagnostics.Count == 0 ? null : "the printed DSL does not parse: " + string.Join(" | ", reparsed.Diagnostics);
    }
}
