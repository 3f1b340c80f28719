using Xunit.Abstractions;

namespace Arbiter.Conformance.Tests.OpenFga;

/// <summary>The list-objects and list-users assertions of OpenFGA's suites run against <see cref="AuthorizationEngine"/>.</summary>
public sealed class OpenFgaListConformanceTests(ITestOutputHelper output)
{
    private const string Missing = "(conformance data missing)";

    public static TheoryData<string> ConsolidatedListObjectsTests() => Names(OpenFgaTestFile.Consolidated, HasListObjects);

    [ConformanceTheory]
    [MemberData(nameof(ConsolidatedListObjectsTests))]
    public void Consolidated_ListObjectsAssertions_Pass(string name) => RunOne(OpenFgaTestFile.Consolidated, name, OpenFgaListObjectsRunner.Run);

    public static TheoryData<string> ConsolidatedListUsersTests() => Names(OpenFgaTestFile.Consolidated, HasListUsers);

    [ConformanceTheory]
    [MemberData(nameof(ConsolidatedListUsersTests))]
    public void Consolidated_ListUsersAssertions_Pass(string name) => RunOne(OpenFgaTestFile.Consolidated, name, OpenFgaListUsersRunner.Run);

    [ConformanceFact]
    public void Consolidated_AllListAssertions_PassAndAreCounted() => RunAll(OpenFgaTestFile.Consolidated, "consolidated_1_1_tests.yaml");

    public static TheoryData<string> AbacListObjectsTests() => Names(OpenFgaTestFile.Abac, HasListObjects);

    [ConformanceTheory]
    [MemberData(nameof(AbacListObjectsTests))]
    public void Abac_ListObjectsAssertions_Pass(string name) => RunOne(OpenFgaTestFile.Abac, name, OpenFgaListObjectsRunner.Run);

    public static TheoryData<string> AbacListUsersTests() => Names(OpenFgaTestFile.Abac, HasListUsers);

    [ConformanceTheory]
    [MemberData(nameof(AbacListUsersTests))]
    public void Abac_ListUsersAssertions_Pass(string name) => RunOne(OpenFgaTestFile.Abac, name, OpenFgaListUsersRunner.Run);

    [ConformanceFact]
    public void Abac_AllListAssertions_PassAndAreCounted() => RunAll(OpenFgaTestFile.Abac, "abac_tests.yaml");

    /// <summary>Runs the list assertions of one test twice (tuples written, then sent as contextual tuples); all must pass.</summary>
    private void RunOne(string suiteFile, string name, Func<OpenFgaTest, bool, RunResult> run)
    {
        var test = OpenFgaTestFile.Load(suiteFile).Tests.First(t => t.Name == name);
        var result = run(test, false);
        result.Add(run(test, true));
        foreach (var failure in result.Failures)
        {
            output.WriteLine(failure);
        }
        result.Failures.ShouldBeEmpty();
    }

    /// <summary>Runs the list assertions of a whole suite both ways, prints the counts and failures, and requires all to pass.</summary>
    private void RunAll(string suiteFile, string suite)
    {
        var file = OpenFgaTestFile.Load(suiteFile);
        var runs = new (string Label, Func<OpenFgaTest, bool, RunResult> Run, bool Contextual, RunResult Result)[]
        {
            ("list-objects (tuples written):   ", OpenFgaListObjectsRunner.Run, false, new RunResult()),
            ("list-objects (contextual tuples):", OpenFgaListObjectsRunner.Run, true, new RunResult()),
            ("list-users (tuples written):     ", OpenFgaListUsersRunner.Run, false, new RunResult()),
            ("list-users (contextual tuples):  ", OpenFgaListUsersRunner.Run, true, new RunResult()),
        };
        foreach (var test in file.Tests)
        {
            foreach (var (_, run, contextual, result) in runs)
            {
                result.Add(run(test, contextual));
            }
        }
        output.WriteLine($"{suite}: {file.Tests.Count} tests");
        foreach (var (label, _, contextual, result) in runs)
        {
            output.WriteLine($"  {label} {result.Passed}/{result.Total} passed" + (contextual
                ? $" ({result.SkippedTests} multi-stage tests and {result.SkippedAssertions} assertions of stages with more than 20 tuples skipped, as OpenFGA)"
                : string.Empty));
            foreach (var (cause, count) in result.Causes)
            {
                output.WriteLine($"      {count,4} {cause}");
            }
        }
        foreach (var (_, _, _, result) in runs)
        {
            foreach (var failure in result.Failures)
            {
                output.WriteLine("  FAIL " + failure);
            }
        }
        runs.Sum(r => r.Result.Total).ShouldBeGreaterThan(0);
        runs.SelectMany(r => r.Result.Failures).ShouldBeEmpty();
    }

    private static bool HasListObjects(OpenFgaTest test) => test.Stages.Any(s => s.ListObjectsAssertions is { Count: > 0 });

    private static bool HasListUsers(OpenFgaTest test) => test.Stages.Any(s => s.ListUsersAssertions is { Count: > 0 });

    private static TheoryData<string> Names(string file, Func<OpenFgaTest, bool> include)
    {
        var rows = new TheoryData<string>();
        if (!ConformanceData.Available)
        {
            rows.Add(Missing);
            return rows;
        }
        foreach (var name in OpenFgaTestFile.Load(file).Tests.Where(include).Select(t => t.Name).Distinct(StringComparer.Ordinal))
        {
            rows.Add(name);
        }
        return rows;
    }
}
