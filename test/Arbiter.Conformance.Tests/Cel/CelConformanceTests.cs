using Xunit.Abstractions;

namespace Arbiter.Conformance.Tests.Cel;

/// <summary>CEL's own conformance tests (cel-spec, protobuf text format) run against Arbiter's CEL evaluator.</summary>
public sealed class CelConformanceTests(ITestOutputHelper output)
{
    private const string Missing = "(conformance data missing)";

    public static TheoryData<string> Files()
    {
        var rows = new TheoryData<string>();
        if (!ConformanceData.Available)
        {
            rows.Add(Missing);
            return rows;
        }
        foreach (var file in CelConformanceScope.Files)
        {
            rows.Add(file);
        }
        return rows;
    }

    [ConformanceTheory]
    [MemberData(nameof(Files))]
    public void File_EveryTestInScope_Passes(string file)
    {
        var tests = CelConformanceCase.Load(file);
        var failures = new List<string>();
        var passed = 0;
        var skipped = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var test in tests)
        {
            if (CelConformanceScope.ReasonToSkip(test) is { } reason)
            {
                var key = CelConformanceScope.OutOfScope.ContainsKey($"{test.File}/{test.Section}") ? test.Section : $"{test.Section}/{test.Name}";
                skipped[key] = reason;
                continue;
            }
            if (CelConformanceRunner.Run(test) is { } failure)
            {
                failures.Add(failure);
            }
            else
            {
                passed++;
            }
        }
        var skippedCount = tests.Count - passed - failures.Count;
        output.WriteLine($"{file}.textproto: {passed}/{passed + failures.Count} in scope passed, {skippedCount} out of scope");
        foreach (var (what, reason) in skipped)
        {
            output.WriteLine($"  out of scope: {what}: {reason}");
        }
        foreach (var failure in failures)
        {
            output.WriteLine("  FAIL " + failure);
        }
        failures.ShouldBeEmpty();
    }
}
