using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Commands;

public class HelpTests
{
    [Theory]
    [InlineData("check")]
    [InlineData("explain")]
    [InlineData("list-actions")]
    [InlineData("model")]
    [InlineData("model validate")]
    [InlineData("model transform")]
    [InlineData("test")]
    public async Task Help_OnEveryCommand_PrintsUsageAndExitsZero(string command)
    {
        var run = await CliRun.RunAsync([.. command.Split(' '), "--help"]);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain("Usage:");
        run.Out.ShouldContain("arbiter " + command);
        if (command != "model")
        {
            run.Out.ShouldContain("--json");
        }
    }

    [Fact]
    public async Task Help_OnTheRoot_ListsTheCommandsAndExitCodes()
    {
        var run = await CliRun.RunAsync("--help");

        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("list-actions");
        run.Out.ShouldContain("2 bad input");
    }

    [Fact]
    public async Task NoCommand_ExitsTwo()
    {
        (await CliRun.RunAsync()).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwo()
    {
        var run = await CliRun.RunAsync("frobnicate");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("frobnicate");
    }
}
