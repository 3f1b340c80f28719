using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Arbiter.Tests.Docs;

/// <summary>
/// Keeps C# examples in README and docs/ true: an example in a document, marked
/// <c>&lt;!-- snippet: NAME --&gt;</c> before its fenced block, must equal the region
/// <c>// &lt;snippet:NAME&gt;</c> ... <c>// &lt;/snippet:NAME&gt;</c> of a test that runs it.
/// </summary>
internal static partial class DocSnippets
{
    public static string RepositoryRoot([CallerFilePath] string thisFile = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(thisFile)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Arbiter.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Arbiter.slnx not found above " + thisFile);
    }

    /// <summary>Asserts that the document's snippet equals the test file's region of the same name.</summary>
    public static void ShouldMatch(string document, string name, [CallerFilePath] string testFile = "")
    {
        var docPath = Path.Combine(RepositoryRoot(), document);
        var docText = File.ReadAllText(docPath).ReplaceLineEndings("\n");
        var marker = $"<!-- snippet: {name} -->";
        var at = docText.IndexOf(marker, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, $"{document} has no '{marker}'");
        var fence = FenceRegex().Match(docText, at + marker.Length);
        fence.Success.ShouldBeTrue($"{document}: no fenced code block after '{marker}'");

        var source = File.ReadAllText(testFile).ReplaceLineEndings("\n");
        var begin = source.IndexOf($"// <snippet:{name}>", StringComparison.Ordinal);
        var end = source.IndexOf($"// </snippet:{name}>", StringComparison.Ordinal);
        begin.ShouldBeGreaterThanOrEqualTo(0, $"{testFile} has no region snippet:{name}");
        var region = source[(source.IndexOf('\n', begin) + 1)..source.LastIndexOf('\n', end)];

        // A snippet may open with using directives: they stand at the top of the test file instead.
        var code = Normalize(fence.Groups["code"].Value).Split('\n').ToList();
        while (code.Count > 0 && (code[0].StartsWith("using ", StringComparison.Ordinal) && code[0].EndsWith(';') || code[0].Length == 0))
        {
            if (code[0].Length > 0)
            {
                source.ShouldContain(code[0] + "\n", customMessage: $"{testFile} lacks the snippet's '{code[0]}'");
            }
            code.RemoveAt(0);
        }

        string.Join('\n', code).ShouldBe(Normalize(region), $"{document} snippet '{name}' differs from the tested code");
    }

    /// <summary>Removes the common indentation and trailing blank space.</summary>
    private static string Normalize(string code)
    {
        var lines = code.Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0) { lines.RemoveAt(0); }
        while (lines.Count > 0 && lines[^1].Length == 0) { lines.RemoveAt(lines.Count - 1); }
        var indent = lines.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l));
    }

    [GeneratedRegex(@"\G\s*```[a-z]*\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex FenceRegex();
}
