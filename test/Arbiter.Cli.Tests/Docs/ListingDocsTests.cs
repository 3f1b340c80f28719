using System.Text;
using Arbiter.Cli.Tests.Support;

namespace Arbiter.Cli.Tests.Docs;

/// <summary>
/// The <c>list-objects</c> and <c>list-subjects</c> sections of docs/cli.md: they have runnable examples (run by
/// <c>DocsExamplesTests</c>), and every transcript in a <c>text</c> block (<c>$ arbiter list-...</c> then what it prints
/// on standard output and standard error) is what the command prints.
/// </summary>
public class ListingDocsTests
{
    private static readonly string[] ListingCommands = ["list-objects", "list-subjects", "plan"];

    public static TheoryData<string, string> Transcripts()
    {
        var data = new TheoryData<string, string>();
        string? command = null;
        var output = new StringBuilder();
        var inText = false;
        foreach (var raw in File.ReadAllText(RepoPaths.Of("docs/cli.md")).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("```", StringComparison.Ordinal) || (inText && line.StartsWith("$ ", StringComparison.Ordinal)))
            {
                if (command is not null)
                {
                    data.Add(command, output.ToString());
                }
                command = null;
                output.Clear();
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    inText = !inText && line.Trim() == "```text";
                    continue;
                }
            }
            if (!inText)
            {
                continue;
            }
            if (line.StartsWith("$ arbiter ", StringComparison.Ordinal) && ListingCommands.Any(c => line.StartsWith("$ arbiter " + c + " ", StringComparison.Ordinal)))
            {
                command = line[2..];
            }
            else if (command is not null)
            {
                output.Append(line).Append('\n');
            }
        }
        return data;
    }

    [Fact]
    public void Docs_HaveExamplesAndTranscriptsOfBothListingCommands()
    {
        var text = File.ReadAllText(RepoPaths.Of("docs/cli.md"));
        var transcripts = Transcripts().Select(static row => (string)row[0]).ToList();

        foreach (var command in ListingCommands)
        {
            text.ShouldContain($"## `arbiter {command} ");
            text.ShouldContain($"\narbiter {command} ");
            transcripts.ShouldContain(t => t.StartsWith($"arbiter {command} ", StringComparison.Ordinal), command);
        }
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public async Task DocsTranscript_IsWhatTheCommandPrints(string command, string expected)
    {
        var args = Split(command).Skip(1).Select(static a => a.StartsWith("samples/", StringComparison.Ordinal) ? RepoPaths.Of(a) : a).ToArray();

        var run = await CliRun.RunAsync(args);

        var printed = Lines(run.Out).Concat(Lines(run.Error)).ToList();
        string.Join('\n', printed).ShouldBe(string.Join('\n', Lines(expected)), run.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Splits a shell line into words: spaces separate, single quotes group.</summary>
    private static List<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        return words;
    }
}
