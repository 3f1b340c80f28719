using System.CommandLine;
using System.Text.Json.Nodes;
using Arbiter.Cli.Output;
using Arbiter.Testing;

namespace Arbiter.Cli.Commands;

/// <summary>
/// <c>arbiter test FILES...</c>: runs OpenFGA store files (<c>.fga.yaml</c>) and Arbiter policy test files, prints each failure
/// with what was expected and what came back, and ends with <c>N passed, M failed</c> (assertion counts).
/// </summary>
internal static class TestCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Test files: OpenFGA store files (.fga.yaml, as run by 'fga model test') or Arbiter policy test files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also list the assertions that passed." };
        var json = Options.Json();
        var command = new Command("test",
            "Run test files and report every failing assertion with what was expected and what came back.\n" +
            "The last line is 'N passed, M failed' (assertions). Exit code 0 when all passed, 1 when any failed,\n" +
            "2 when a file could not be read or parsed.\n" +
            "Example: arbiter test samples/documents/store.fga.yaml")
        {
            files,
        };
        command.Options.Add(verbose);
        command.Options.Add(json);
        CommandAction.Set(command, context, json, async (parseResult, cancellationToken) =>
        {
            var reports = new List<TestFileReport>();
            foreach (var path in parseResult.GetValue(files) ?? [])
            {
                reports.Add(await RunFileAsync(path, cancellationToken).ConfigureAwait(false));
            }
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, ToJson(reports)).ConfigureAwait(false);
                foreach (var diagnostic in reports.SelectMany(static r => r.Diagnostics))
                {
                    await context.Error.WriteLineAsync(DiagnosticText.Format(diagnostic)).ConfigureAwait(false);
                }
            }
            else
            {
                await TestOutput.WriteHumanAsync(context, reports, parseResult.GetValue(verbose)).ConfigureAwait(false);
            }
            return reports.Any(static r => !r.Loaded) ? ExitCodes.BadInput
                : reports.Any(static r => r.Failed > 0) ? ExitCodes.Failed
                : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><see langword="true"/> for names OpenFGA uses for store files: <c>*.fga.yaml</c> and <c>*.fga.yml</c>.</summary>
    public static bool IsStoreFileName(string path) =>
        path.EndsWith(".fga.yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".fga.yml", StringComparison.OrdinalIgnoreCase);

    private static async Task<TestFileReport> RunFileAsync(string path, CancellationToken cancellationToken)
    {
        switch (TestFileKinds.Detect(path))
        {
            case TestFileKind.Missing:
                return Unreadable(path, "file-not-found", "test file not found");
            case TestFileKind.OpenFgaStore:
            {
                var loaded = StoreFileLoader.Load(path);
                if (!loaded.Success)
                {
                    return new TestFileReport(path, "openfga-store", null, [], loaded.Diagnostics);
                }
                var run = await new StoreTestRunner().RunAsync(loaded.File!, cancellationToken).ConfigureAwait(false);
                return new TestFileReport(path, "openfga-store", run.Name, StoreTestReports.From(run), []);
            }
            default:
                return await PolicyTests.RunAsync(path, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TestFileReport Unreadable(string path, string code, string message) =>
        new(path, "unknown", null, [], [new Model.ModelDiagnostic(code, message) { Source = path }]);

    private static JsonObject ToJson(List<TestFileReport> reports) => new()
    {
        ["passed"] = reports.Sum(static r => r.Passed),
        ["failed"] = reports.Sum(static r => r.Failed),
        ["notRun"] = reports.Sum(static r => r.NotRun),
        ["files"] = new JsonArray(reports.Select(static r => (JsonNode)new JsonObject
        {
            ["file"] = r.File,
            ["kind"] = r.Kind,
            ["name"] = r.Name,
            ["loaded"] = r.Loaded,
            ["passed"] = r.Passed,
            ["failed"] = r.Failed,
            ["notRun"] = r.NotRun,
            ["diagnostics"] = ErrorOutput.Diagnostics(r.Diagnostics),
            ["assertions"] = new JsonArray(r.Assertions.Select(static a => (JsonNode)a.Json.DeepClone()).ToArray()),
        }).ToArray()),
    };
}
