using System.Text.RegularExpressions;
using Arbiter.Parsing;

namespace Arbiter.Tests.Parsing;

/// <summary>Keeps <c>docs/model-language.md</c> true: every <c>```fga</c> block in it is a valid model.</summary>
public partial class ModelLanguageDocsTests
{
    public static TheoryData<int> Blocks()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < FgaBlocks().Count; i++)
        {
            data.Add(i);
        }
        return data;
    }

    [Fact]
    public void Docs_HaveExamples() => FgaBlocks().Count.ShouldBeGreaterThanOrEqualTo(5);

    [Theory]
    [MemberData(nameof(Blocks))]
    public void DocsExample_IsAValidModel(int index)
    {
        var block = FgaBlocks()[index];

        var result = ModelParser.Parse(block, $"docs/model-language.md block {index}");

        result.Diagnostics.ShouldBeEmpty(block);
        ModelParser.Parse(result.Model!.ToDsl()).Success.ShouldBeTrue();
    }

    public static TheoryData<int> ExtensionBlocks()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < FgaBlocks(ExtensionBlock()).Count; i++)
        {
            data.Add(i);
        }
        return data;
    }

    [Fact]
    public void Docs_HaveExtensionExamples() => FgaBlocks(ExtensionBlock()).Count.ShouldBeGreaterThanOrEqualTo(1);

    /// <summary>Every <c>```fga arbiter</c> block (a model using the Arbiter extensions) is valid, and its canonical print reads back to the same print.</summary>
    [Theory]
    [MemberData(nameof(ExtensionBlocks))]
    public void DocsExtensionExample_IsAValidModel(int index)
    {
        var block = FgaBlocks(ExtensionBlock())[index];

        var model = AttributeSyntaxTests.AssertValid(block);

        var printed = ModelPrinter.ToDsl(model);
        ModelPrinter.ToDsl(AttributeSyntaxTests.AssertValid(printed)).ShouldBe(printed);
    }

    [Fact]
    public void DocsErrorExample_ReportsWhatTheDocsSay()
    {
        var result = ModelParser.Parse("model\n  schema 1.1\ntype user\ntype document\n  relations\n    define viewer: [usr] or editr\n");

        result.Diagnostics.Select(d => $"{d} [{d.Code}]").Order(StringComparer.Ordinal).ShouldBe(
        [
            "6:21: `usr` is not a valid type. [invalid-type]",
            "6:29: the relation `editr` does not exist (in the definition of `viewer` on type `document`). [missing-definition]",
        ]);
        var docs = File.ReadAllText(DocsPath());
        result.Diagnostics.ShouldAllBe(d => docs.Contains(d.ToString(), StringComparison.Ordinal));
    }

    private static List<string> FgaBlocks() => FgaBlocks(FgaBlock());

    private static List<string> FgaBlocks(Regex block) =>
        block.Matches(File.ReadAllText(DocsPath()).ReplaceLineEndings("\n")).Select(m => m.Groups[1].Value).ToList();

    private static string DocsPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "model-language.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("docs/model-language.md was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("^```fga\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FgaBlock();

    [GeneratedRegex("^```fga arbiter\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ExtensionBlock();
}
