using Arbiter.Cli.Output;
using Arbiter.Model;

namespace Arbiter.Cli.Commands;

/// <summary>Runs Arbiter policy test files (the policy YAML's test format).</summary>
internal static class PolicyTests
{
    public static Task<TestFileReport> RunAsync(string path, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        // The policy test format lands with the policy branch; until then such files are reported, not guessed at.
        return Task.FromResult(new TestFileReport(path, "arbiter-policy", null, [],
        [
            new ModelDiagnostic("unsupported-file",
                "not an OpenFGA store file (no 'model' or 'model_file' key), and Arbiter policy test files are not supported by this build yet")
            {
                Source = path,
            },
        ]));
    }
}
