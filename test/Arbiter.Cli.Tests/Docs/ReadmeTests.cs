using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Docs;

/// <summary>Runs the README's <c>dotnet run --project src/Arbiter.Cli -- ...</c> commands in-process.</summary>
public class ReadmeTests
{
    private const string RunPrefix = "dotnet run --project src/Arbiter.Cli -- ";

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadAllLines(RepoPaths.Of("README.md")))
        {
            if (line.StartsWith(RunPrefix, StringComparison.Ordinal) && !line.Contains(" --store ", StringComparison.Ordinal))
            {
                data.Add(line[RunPrefix.Length..]);
            }
        }
        return data;
    }

    /// <summary>The README's store commands build on each other: run them in order, against a fresh file.</summary>
    [Fact]
    public async Task Readme_StoreCommands_SucceedInOrder()
    {
        using var dir = new TempDirectory();
        var commands = File.ReadAllLines(RepoPaths.Of("README.md"))
            .Where(static l => l.StartsWith(RunPrefix, StringComparison.Ordinal) && l.Contains(" --store ", StringComparison.Ordinal))
            .Select(static l => l[RunPrefix.Length..])
            .ToList();
        commands.Count.ShouldBeGreaterThanOrEqualTo(3);
        foreach (var command in commands)
        {
            var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(a => a.StartsWith("samples/", StringComparison.Ordinal) ? RepoPaths.Of(a)
                    : a.StartsWith("sqlite:", StringComparison.Ordinal) ? "sqlite:" + Path.Combine(dir.Path, a["sqlite:".Length..]) : a)
                .ToArray();
            var run = await CliRun.RunAsync(args);
            run.ExitCode.ShouldBe(0, command + "\n" + run);
            run.Out.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Readme_StartsWithTheRunAndTestCommands()
    {
        var text = File.ReadAllText(RepoPaths.Of("README.md"));

        var run = text.IndexOf("```sh\n" + RunPrefix + "test samples/documents/store.fga.yaml\n```", StringComparison.Ordinal);
        var test = text.IndexOf("```sh\ndotnet test Arbiter.slnx\n```", StringComparison.Ordinal);
        run.ShouldBeGreaterThan(0);
        test.ShouldBeGreaterThan(run);
        File.ReadAllText(RepoPaths.Of(".ci/run")).ShouldContain("dotnet test Arbiter.slnx");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Readme_Command_Succeeds(string command)
    {
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(static a => a.StartsWith("samples/", StringComparison.Ordinal) ? RepoPaths.Of(a) : a)
            .ToArray();

        var run = await CliRun.RunAsync(args);

        // check and explain exit 1 for a deny; the README shows anne allowed and dave denied.
        var expected = command.StartsWith("explain user:dave", StringComparison.Ordinal) ? 1 : 0;
        run.ExitCode.ShouldBe(expected, run.ToString());
        run.Out.ShouldNotBeNullOrWhiteSpace();
    }
}
