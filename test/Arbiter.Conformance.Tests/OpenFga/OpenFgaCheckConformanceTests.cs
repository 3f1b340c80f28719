using Xunit.Abstractions;

namespace Arbiter.Conformance.Tests.OpenFga;

/// <summary>OpenFGA's check suites run against <see cref="AuthorizationEngine"/>.</summary>
public sealed class OpenFgaCheckConformanceTests(ITestOutputHelper output)
{
    private const string Missing = "(conformance data missing)";

    public static TheoryData<string> ConsolidatedTests() => Names(OpenFgaTestFile.Consolidated);

    [ConformanceTheory]
    [MemberData(nameof(ConsolidatedTests))]
    public void Consolidated_CheckAssertions_Pass(string name) => RunOne(OpenFgaTestFile.Consolidated, name);

    [ConformanceFact]
    public void Consolidated_AllCheckAssertions_PassAndAreCounted() => RunAll(OpenFgaTestFile.Consolidated, "consolidated_1_1_tests.yaml");

    public static TheoryData<string> AbacTests() => Names(OpenFgaTestFile.Abac);

    [ConformanceTheory]
    [MemberData(nameof(AbacTests))]
    public void Abac_CheckAssertions_Pass(string name) => RunOne(OpenFgaTestFile.Abac, name);

    [ConformanceFact]
    public void Abac_AllCheckAssertions_PassAndAreCounted() => RunAll(OpenFgaTestFile.Abac, "abac_tests.yaml");

    /// <summary>Runs one test of a suite twice (tuples written, then sent as contextual tuples); every check assertion must pass.</summary>
    private void RunOne(string suiteFile, string name)
    {
        var test = OpenFgaTestFile.Load(suiteFile).Tests.First(t => t.Name == name);
        var result = OpenFgaCheckRunner.Run(test, contextualTuplesMode: false);
        result.Add(OpenFgaCheckRunner.Run(test, contextualTuplesMode: true));
        foreach (var failure in result.Failures)
        {
            output.WriteLine(failure);
        }
        result.Failures.ShouldBeEmpty();
    }

    /// <summary>Runs a whole suite both ways, prints the counts, and requires every check assertion to pass.</summary>
    private void RunAll(string suiteFile, string suite)
    {
        var file = OpenFgaTestFile.Load(suiteFile);
        var stored = new RunResult();
        var contextual = new RunResult();
        foreach (var test in file.Tests)
        {
            stored.Add(OpenFgaCheckRunner.Run(test, contextualTuplesMode: false));
            contextual.Add(OpenFgaCheckRunner.Run(test, contextualTuplesMode: true));
        }
        Report(suite, file.Tests.Count, stored, contextual);
        (stored.Total + contextual.Total).ShouldBeGreaterThan(0);
        stored.Failures.ShouldBeEmpty();
        contextual.Failures.ShouldBeEmpty();
    }

    private void Report(string suite, int tests, RunResult stored, RunResult contextual)
    {
        output.WriteLine($"{suite}: {tests} tests");
        output.WriteLine($"  check (tuples written):      {stored.Passed}/{stored.Total} passed");
        output.WriteLine($"  check (contextual tuples):   {contextual.Passed}/{contextual.Total} passed ({contextual.SkippedTests} multi-stage tests skipped, as OpenFGA)");
        foreach (var failure in stored.Failures.Concat(contextual.Failures))
        {
            output.WriteLine("  FAIL " + failure);
        }
    }

    private static TheoryData<string> Names(string file)
    {
        var rows = new TheoryData<string>();
        if (!ConformanceData.Available)
        {
            rows.Add(Missing);
            return rows;
        }
        foreach (var name in OpenFgaTestFile.Load(file).Tests.Select(t => t.Name).Distinct(StringComparer.Ordinal))
        {
            rows.Add(name);
        }
        return rows;
    }
}
