using System.CommandLine;

namespace Arbiter.Cli.Tests.Commands;

public class CommandActionTests
{
    private static async Task<(int Code, string Out, string Error)> RunThrowing(Exception exception, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var json = new Option<bool>("--json");
        var command = new RootCommand { json };
        CommandAction.Set(command, new CliContext(stdout, stderr), json, (_, _) => throw exception);
        var code = await command.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task UnexpectedError_ExitsThreeWithOneShortLineAndNoStackTrace()
    {
        var (code, _, error) = await RunThrowing(new InvalidOperationException("boom"));

        code.ShouldBe(3);
        error.Trim().ShouldBe("arbiter: unexpected error (InvalidOperationException): boom");
    }

    [Fact]
    public async Task ArbiterException_IsBadInput()
    {
        var (code, output, error) = await RunThrowing(new ArbiterException(ArbiterErrorCode.TypeNotFound, "type 'x' not found"), "--json");

        code.ShouldBe(2);
        error.ShouldContain("type 'x' not found");
        output.ShouldContain("\"error\"");
    }
}
