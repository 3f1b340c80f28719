using System.Text.RegularExpressions;
using Arbiter.Directory;
using Arbiter.Model;
using Arbiter.Policy;
using Arbiter.Policy.Testing;

namespace Arbiter.Tests.Policy;

/// <summary>
/// Keeps docs/policy-yaml.md and docs/user-directory.md true: every <c>```yaml</c> block loads (and its tests pass),
/// a <c>```dsl</c> block after one is exactly the printed model, every <c>```yaml invalid</c> block fails with exactly
/// the diagnostics of the <c>```text</c> block after it, and every <c>```yaml policytest</c> block runs and passes.
/// </summary>
public partial class DocsYamlTests
{
    private sealed record Block(string Info, string Text, int Line);

    public static TheoryData<string, int> PolicyBlocks => Indexes("policy-yaml.md");

    public static TheoryData<string, int> DirectoryBlocks => Indexes("user-directory.md");

    [Fact]
    public void Docs_HaveYamlBlocks()
    {
        Blocks("policy-yaml.md").Count(b => b.Info.StartsWith("yaml", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(6);
        Blocks("user-directory.md").Count(b => b.Info.StartsWith("yaml", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(4);
    }

    [Theory]
    [MemberData(nameof(PolicyBlocks))]
    public async Task PolicyDocBlock_IsTrue(string doc, int index)
    {
        var blocks = Blocks(doc);
        var block = blocks[index];
        var next = index + 1 < blocks.Count ? blocks[index + 1] : null;
        switch (block.Info)
        {
            case "yaml":
                var policy = PolicyDocument.Parse(block.Text, "policy.yaml");
                var report = PolicyTestRunner.Run(policy);
                report.AllPassed.ShouldBeTrue($"{doc}:{block.Line}: " + string.Join("; ", report.Results.Where(r => !r.Passed)));
                if (next?.Info == "dsl")
                {
                    Arbiter.Parsing.ModelPrinter.ToDsl(policy.Model).TrimEnd().ShouldBe(next.Text.TrimEnd(), $"{doc}:{next.Line}");
                }
                break;
            case "yaml policytest":
                var (testedPolicy, tests) = PolicyTestFileReader.Read(block.Text, null, Path.Combine(RepositoryFiles.Docs, "examples", "policy"));
                var testReport = await PolicyTestRunner.RunAsync(testedPolicy, tests);
                testReport.Results.ShouldNotBeEmpty();
                testReport.AllPassed.ShouldBeTrue($"{doc}:{block.Line}");
                break;
            case "yaml invalid":
                ExpectDiagnostics(doc, block, next, () => PolicyDocument.Parse(block.Text, "policy.yaml"));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(DirectoryBlocks))]
    public void DirectoryDocBlock_IsTrue(string doc, int index)
    {
        var blocks = Blocks(doc);
        var block = blocks[index];
        if (block.Info == "yaml")
        {
            UserDirectory.FromYaml(block.Text, "users.yaml");
        }
        else if (block.Info == "yaml invalid")
        {
            ExpectDiagnostics(doc, block, index + 1 < blocks.Count ? blocks[index + 1] : null, () => UserDirectory.FromYaml(block.Text, "users.yaml"));
        }
    }

    private static void ExpectDiagnostics(string doc, Block block, Block? next, Action load)
    {
        var ex = Should.Throw<ModelValidationException>(load, $"{doc}:{block.Line} should fail");
        next.ShouldNotBeNull($"{doc}:{block.Line}: a ```text block with the diagnostics must follow");
        next.Info.ShouldBe("text");
        string.Join("\n", ex.Diagnostics.Select(d => d.ToString())).ShouldBe(next.Text.TrimEnd(), $"{doc}:{next.Line}");
    }

    private static TheoryData<string, int> Indexes(string doc)
    {
        var data = new TheoryData<string, int>();
        var blocks = Blocks(doc);
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Info.StartsWith("yaml", StringComparison.Ordinal))
            {
                data.Add(doc, i);
            }
        }
        return data;
    }

    private static List<Block> Blocks(string doc)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryFiles.Docs, doc));
        var blocks = new List<Block>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }
            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end] != "```")
            {
                end++;
            }
            blocks.Add(new Block(open.Groups[1].Value.Trim(), string.Join("\n", lines[start..end]) + "\n", start + 1));
            i = end;
        }
        return blocks;
    }

    [GeneratedRegex("^```(\\S.*)$")]
    private static partial Regex Fence();
}
