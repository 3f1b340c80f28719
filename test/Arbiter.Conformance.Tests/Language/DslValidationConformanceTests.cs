using Arbiter.Parsing;
using Xunit.Abstractions;

namespace Arbiter.Conformance.Tests.Language;

/// <summary>
/// OpenFGA's DSL validation suites: valid models are accepted; invalid ones are rejected with errors on exactly the
/// expected lines (the suite's lines are 0-based, ours 1-based). Messages are Arbiter's own.
/// </summary>
public class DslValidationConformanceTests(ITestOutputHelper output)
{
    private const string SyntaxFile = "dsl-syntax-validation-cases.yaml";
    private const string SemanticFile = "dsl-semantic-validation-cases.yaml";

    public static TheoryData<string> SyntaxCases => LanguageCases.Rows<DslValidationCase>(SyntaxFile, c => c.Name);

    public static TheoryData<string> SemanticCases => LanguageCases.Rows<DslValidationCase>(SemanticFile, c => c.Name);

    [ConformanceTheory]
    [MemberData(nameof(SyntaxCases))]
    public void SyntaxCase_MatchesExpectedErrorLines(string row) => AssertCase(SyntaxFile, row);

    [ConformanceTheory]
    [MemberData(nameof(SemanticCases))]
    public void SemanticCase_MatchesExpectedErrorLines(string row) => AssertCase(SemanticFile, row);

    [ConformanceFact]
    public void SyntaxFile_AllCasesPass() => AssertFile(SyntaxFile);

    [ConformanceFact]
    public void SemanticFile_AllCasesPass() => AssertFile(SemanticFile);

    private void AssertCase(string file, string row)
    {
        var testCase = LanguageCases.Load<DslValidationCase>(file)[LanguageCases.IndexOf(row)];
        var failure = Run(testCase);
        if (failure is not null)
        {
            output.WriteLine(testCase.Dsl);
        }
        failure.ShouldBeNull();
    }

    private void AssertFile(string file)
    {
        var cases = LanguageCases.Load<DslValidationCase>(file);
        var failures = new List<string>();
        var skipped = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            if (cases[i].Skip)
            {
                skipped++;
                continue;
            }
            if (Run(cases[i]) is { } failure)
            {
                failures.Add(LanguageCases.RowName(i, cases[i].Name) + ": " + failure);
            }
        }
        output.WriteLine($"{file}: {cases.Count - skipped - failures.Count}/{cases.Count - skipped} passed ({skipped} marked skip in the suite)");
        failures.ForEach(output.WriteLine);
        failures.ShouldBeEmpty();
    }

    /// <summary>Runs one case; returns why it failed, or null.</summary>
    internal static string? Run(DslValidationCase testCase)
    {
        if (testCase.Skip)
        {
            return null;
        }
        var result = ModelParser.Parse(testCase.Dsl);
        var expected = testCase.ExpectedErrors ?? [];
        if (expected.Count == 0)
        {
            return result.Success ? null : "expected no errors, got: " + string.Join(" | ", result.Diagnostics);
        }
        if (result.Success)
        {
            return "expected errors, got none";
        }
        var expectedLines = expected.Select(e => (e.Line?.Start ?? -1) + 1).ToHashSet();
        var actualLines = result.Diagnostics.Select(d => d.Span?.Line ?? 0).ToHashSet();
        return expectedLines.SetEquals(actualLines)
            ? null
            : $"expected errors on lines [{string.Join(", ", expectedLines.Order())}], got [{string.Join(", ", actualLines.Order())}]: {string.Join(" | ", result.Diagnostics)}";
    }
}
