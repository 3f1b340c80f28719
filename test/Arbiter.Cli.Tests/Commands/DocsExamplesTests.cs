using System.Text;
using System.Text.RegularExpressions;
using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Commands;

/// <summary>Runs every <c>arbiter ...</c> line of the <c>sh</c> blocks in docs/cli.md; <c># exit N</c> gives the expected exit code (else 0).</summary>
public partial class DocsExamplesTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var line in ShellLines(File.ReadAllText(RepoPaths.Of("docs/cli.md"))).Distinct(StringComparer.Ordinal))
        {
            data.Add(line);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task DocsExample_RunsWithTheDocumentedExitCode(string line)
    {
        var expected = ExitComment().Match(line) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var args = Split(ExitComment().Replace(line, string.Empty)).Skip(1)
            .Select(static a => a.StartsWith("samples/", StringComparison.Ordinal) || a.StartsWith("docs/", StringComparison.Ordinal) ? RepoPaths.Of(a) : a)
            .ToArray();

        var run = await CliRun.RunAsync(args);

        run.ExitCode.ShouldBe(expected, run.ToString());
    }

    [Fact]
    public void Docs_HaveExamplesOfEveryCommand()
    {
        var lines = ShellLines(File.ReadAllText(RepoPaths.Of("docs/cli.md"))).ToList();

        foreach (var command in new[] { "check", "explain", "list-actions", "list-objects", "list-subjects", "plan", "model validate", "test" })
        {
            lines.ShouldContain(l => l.StartsWith("arbiter " + command + " ", StringComparison.Ordinal), command);
        }
    }

    private static IEnumerable<string> ShellLines(string markdown)
    {
        var inShell = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inShell = !inShell && line.Trim() == "```sh";
                continue;
            }
            if (inShell && line.StartsWith("arbiter ", StringComparison.Ordinal))
            {
                yield return line;
            }
        }
    }

    /// <summary>Splits a shell line into words: spaces separate, single quotes group.</summary>
    private static List<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in line)
        {
            if (c == '\'')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any)
                {
                    words.Add(word.ToString());
                }
                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
                any = true;
            }
        }
        if (any)
        {
            words.Add(word.ToString());
        }
        return words;
    }

    [GeneratedRegex(@"\s*#\s*exit\s+(\d+)\s*$")]
    private static partial Regex ExitComment();
}
