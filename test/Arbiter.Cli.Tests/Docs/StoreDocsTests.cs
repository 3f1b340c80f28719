using System.Text;
using System.Text.RegularExpressions;
using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Docs;

/// <summary>Runs docs/cli.md's <c>sh store-session</c> block in order against fresh SQLite files; <c># exit N</c> gives the expected exit code.</summary>
public sealed partial class StoreDocsTests
{
    [Fact]
    public async Task StoreSession_RunsInOrder_WithTheDocumentedExitCodes()
    {
        var markdown = File.ReadAllText(RepoPaths.Of("docs/cli.md")).ReplaceLineEndings("\n");
        var block = Block().Match(markdown);
        block.Success.ShouldBeTrue("docs/cli.md has a ```sh store-session block");
        using var dir = new TempDirectory();
        var lines = block.Groups["body"].Value.Split('\n').Where(static l => l.StartsWith("arbiter ", StringComparison.Ordinal)).ToList();
        lines.Count.ShouldBeGreaterThan(10);
        foreach (var command in new[] { "model write", "write", "delete", "read", "changes", "export", "import", "store list", "store create", "store delete" })
        {
            lines.ShouldContain(l => l.StartsWith("arbiter " + command + " ", StringComparison.Ordinal), command);
        }
        foreach (var line in lines)
        {
            var expected = ExitComment().Match(line) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var args = Split(ExitComment().Replace(line, string.Empty)).Skip(1).Select(a => a switch
            {
                _ when a.StartsWith("samples/", StringComparison.Ordinal) => RepoPaths.Of(a),
                _ when a.StartsWith("sqlite:", StringComparison.Ordinal) => "sqlite:" + Path.Combine(dir.Path, a["sqlite:".Length..]),
                _ when a.EndsWith(".json", StringComparison.Ordinal) => Path.Combine(dir.Path, a),
                _ => a,
            }).ToArray();
            var run = await CliRun.RunAsync(args);
            run.ExitCode.ShouldBe(expected, line + "\n" + run);
        }
    }

    private static IEnumerable<string> Split(string line)
    {
        var current = new StringBuilder();
        var quote = '\0';
        foreach (var c in line.Trim())
        {
            if (quote != '\0')
            {
                if (c == quote) { quote = '\0'; } else { current.Append(c); }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == ' ')
            {
                if (current.Length > 0) { yield return current.ToString(); current.Clear(); }
            }
            else
            {
                current.Append(c);
            }
        }
        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    [GeneratedRegex(@"```sh store-session\n(?<body>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"\s+#\s*exit\s+(\d+)\s*$")]
    private static partial Regex ExitComment();
}
