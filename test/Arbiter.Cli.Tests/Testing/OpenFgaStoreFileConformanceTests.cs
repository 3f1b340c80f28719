using Arbiter.Conformance.Tests;
using System.Text.Json;
using Arbiter.Cli.Tests.Support;
using Arbiter.Testing;

namespace Arbiter.Cli.Tests.Testing;

/// <summary>The store-file cases of openfga/language (<c>tests/data/stores</c>): valid files load, invalid ones fail as expected.</summary>
public class OpenFgaStoreFileConformanceTests
{
    private const string Stores = "openfga-language/tests/data/stores";

    [ConformanceTheory]
    [InlineData("00-valid-model")]
    [InlineData("01-valid-model-file")]
    public void Load_ValidStoreFile_Loads(string name)
    {
        var result = StoreFileLoader.Load(Path.Combine(ConformanceData.PathOf(Stores), name, "store.fga.yaml"));

        result.Success.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.File!.Tests.Count.ShouldBe(2);
        result.File.Tuples.Count.ShouldBe(2);
    }

    [ConformanceTheory]
    [InlineData("00-valid-model")]
    [InlineData("01-valid-model-file")]
    public async Task Run_ValidStoreFile_PassesItsCheckAndListings(string name)
    {
        var file = StoreFileLoader.Load(Path.Combine(ConformanceData.PathOf(Stores), name, "store.fga.yaml")).File!;

        var result = await new StoreTestRunner().RunAsync(file);

        result.Passed.ShouldBe(3, string.Join("; ", result.Results.Where(static r => !r.Passed).Select(static r => r.Relation + ": " + r.Error)));
        result.Failed.ShouldBe(0);
        result.NotRun.ShouldBe(0);
    }

    [ConformanceTheory]
    [InlineData("02-missing-model", 1)]
    [InlineData("03-additional-properties", 2)]
    public async Task Cli_InvalidStoreFile_ExitsTwoWithEveryProblemAtItsLine(string name, int problems)
    {
        var path = Path.Combine(ConformanceData.PathOf(Stores), name, "store.fga.yaml");

        var run = await CliRun.RunAsync("test", path);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Count(l => l.StartsWith(path + ":", StringComparison.Ordinal) && char.IsDigit(l[path.Length + 1]))
            .ShouldBe(problems);
    }

    [ConformanceFact]
    public void Load_MissingModel_FailsLikeTheExpectedError()
    {
        var dir = Path.Combine(ConformanceData.PathOf(Stores), "02-missing-model");
        var expected = ExpectedErrors(dir);

        var result = StoreFileLoader.Load(Path.Combine(dir, "store.fga.yaml"));

        result.Success.ShouldBeFalse();
        expected.ShouldHaveSingleItem().GetProperty("keyword").GetString().ShouldBe("valid_store");
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("missing-model");
        diagnostic.Message.ShouldContain("'model' or 'model_file' must be present");
    }

    [ConformanceFact]
    public void Load_AdditionalProperties_ReportsEachUnexpectedKeyLikeTheExpectedErrors()
    {
        var dir = Path.Combine(ConformanceData.PathOf(Stores), "03-additional-properties");
        var expectedKeys = ExpectedErrors(dir)
            .Select(static e => e.GetProperty("params").GetProperty("additionalProperty").GetString())
            .Order(StringComparer.Ordinal)
            .ToList();

        var result = StoreFileLoader.Load(Path.Combine(dir, "store.fga.yaml"));

        result.Success.ShouldBeFalse();
        var unknown = result.Diagnostics.Where(static d => d.Code == "unknown-key").ToList();
        unknown.Select(static d => d.Message.Split('\'')[1]).Order(StringComparer.Ordinal).ShouldBe(expectedKeys);
        unknown.ShouldAllBe(static d => d.Span != null && d.Source!.EndsWith("store.fga.yaml"));
    }

    private static List<JsonElement> ExpectedErrors(string dir)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected_errors.json")));
        return document.RootElement.EnumerateArray().Select(static e => e.Clone()).ToList();
    }
}
