using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Commands;

public class ListingHelpTests
{
    [Theory]
    [InlineData("list-objects", "--page-size", "--continuation-token", "--subject-attributes")]
    [InlineData("list-subjects", "--filter", "--context", "--object-attributes")]
    public async Task Help_OnTheListingCommands_PrintsUsageAndTheirOptions(string command, string option1, string option2, string option3)
    {
        var run = await CliRun.RunAsync(command, "--help");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain("arbiter " + command);
        run.Out.ShouldContain("--store-file");
        run.Out.ShouldContain("--json");
        run.Out.ShouldContain(option1);
        run.Out.ShouldContain(option2);
        run.Out.ShouldContain(option3);
    }

    [Fact]
    public async Task Help_OnTheRoot_ListsTheListingCommands()
    {
        var run = await CliRun.RunAsync("--help");

        run.Out.ShouldContain("list-objects");
        run.Out.ShouldContain("list-subjects");
    }
}
