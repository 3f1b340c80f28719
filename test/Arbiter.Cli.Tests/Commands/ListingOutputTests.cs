using Arbiter.Cli.Output;

namespace Arbiter.Cli.Tests.Commands;

/// <summary>The human answer of the listing commands when the engine's limits stop them (not reachable with the CLI's default limits).</summary>
public class ListingOutputTests
{
    [Theory]
    [InlineData(ListStop.CandidateLimit, "2 objects; not complete: the engine's limit of candidates to examine was reached")]
    [InlineData(ListStop.Deadline, "2 objects; not complete: the engine's listing deadline passed")]
    public async Task WriteHuman_StoppedByALimit_SaysWhyAndHowToContinue(ListStop stop, string summary)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        await ListingOutput.WriteHumanAsync(new CliContext(stdout, stderr), ["document:a", "document:b"], "object", stop, "TOKEN");

        stdout.ToString().ReplaceLineEndings("\n").ShouldBe("document:a\ndocument:b\n");
        stderr.ToString().ReplaceLineEndings("\n").ShouldBe($"{summary}\nmore: run again with --continuation-token TOKEN\n");
    }

    [Fact]
    public async Task WriteHuman_SubjectsStoppedWithoutAToken_SaysSoWithoutAContinuation()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        await ListingOutput.WriteHumanAsync(new CliContext(stdout, stderr), ["user:anne"], "subject", ListStop.Deadline, continuationToken: null);

        stderr.ToString().ReplaceLineEndings("\n").ShouldBe("1 subject; not complete: the engine's listing deadline passed\n");
    }
}
