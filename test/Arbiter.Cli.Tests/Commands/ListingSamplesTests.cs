using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Commands;

/// <summary>The wallet and data samples of issue 4 (<c>samples/wallet</c>, <c>samples/data</c>) pass as written, and the CLI lists over them.</summary>
public class ListingSamplesTests
{
    [Theory]
    [InlineData("samples/wallet/store.fga.yaml", 9)]
    [InlineData("samples/data/store.fga.yaml", 9)]
    public async Task Test_Sample_PassesEveryAssertion(string sample, int assertions)
    {
        var run = await CliRun.RunAsync("test", RepoPaths.Of(sample));

        run.ExitCode.ShouldBe(0, run.ToString());
        run.LastLine.ShouldBe($"{assertions} passed, 0 failed");
    }

    [Fact]
    public async Task ListObjects_OnTheDataSample_GivesBobOnlyTheRowsHeCreatedInHisAccount()
    {
        var run = await CliRun.RunAsync("list-objects", "user:bob", "can_read", "data", "--store-file", RepoPaths.Of("samples/data/store.fga.yaml"));

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.Trim().ShouldBe("data:1");
    }
}
