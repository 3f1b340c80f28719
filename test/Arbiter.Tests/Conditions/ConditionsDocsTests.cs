using System.Text.RegularExpressions;
using Arbiter.Conditions;
using Arbiter.Model;
using Arbiter.Tests.Docs;

namespace Arbiter.Tests.Conditions;

/// <summary>
/// Runs the examples of docs/conditions.md: in each <c>cel</c> block, <c>// let name: type = value</c> declares and sets a
/// variable, <c>expr // =&gt; result</c> must evaluate to <c>result</c> and <c>expr // !! diagnostic</c> must fail to
/// compile with that first diagnostic.
/// </summary>
public partial class ConditionsDocsTests
{
    private const string Document = "docs/conditions.md";

    public static TheoryData<int, string> Examples()
    {
        var rows = new TheoryData<int, string>();
        var text = File.ReadAllText(Path.Combine(DocSnippets.RepositoryRoot(), Document)).ReplaceLineEndings("\n");
        var block = 0;
        foreach (Match match in CelBlock().Matches(text))
        {
            rows.Add(++block, match.Groups["code"].Value);
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_EvaluatesAsDocumented(int block, string code)
    {
        var variables = new List<(string Name, CelType Type, CelValue Value)>();
        var checkedLines = 0;
        foreach (var line in code.Split('\n').Where(l => l.Trim().Length > 0))
        {
            if (LetLine().Match(line) is { Success: true } let)
            {
                var value = Cel.Eval(let.Groups["value"].Value);
                value.IsError.ShouldBeFalse($"block {block}: {line}");
                variables.Add((let.Groups["name"].Value, ParseType(let.Groups["type"].Value), value.Value));
                continue;
            }
            var at = line.LastIndexOf("// => ", StringComparison.Ordinal);
            if (at >= 0)
            {
                var result = Cel.Eval(line[..at].Trim(), [.. variables]);
                result.ToString().ShouldBe(line[(at + 6)..].Trim(), $"block {block}: {line}");
                checkedLines++;
                continue;
            }
            at = line.LastIndexOf("// !! ", StringComparison.Ordinal);
            at.ShouldBeGreaterThanOrEqualTo(0, $"block {block}: a line without '// =>' or '// !!': {line}");
            var compiled = CelExpression.Compile(line[..at].Trim(), Declare(variables));
            compiled.Succeeded.ShouldBeFalse($"block {block}: {line}");
            compiled.Diagnostics[0].ToString().ShouldStartWith(line[(at + 6)..].Trim(), customMessage: $"block {block}: {line}");
            checkedLines++;
        }
        checkedLines.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Quickstart_RunsAsDocumented()
    {
        DocSnippets.ShouldMatch(Document, "cel-quickstart");
        // <snippet:cel-quickstart>
        var declarations = new CelDeclarations()
            .Add("x", CelType.Int)
            .Add("user_ip", CelType.IpAddress);
        CelCompileResult compiled = CelExpression.Compile("x < 100 && user_ip.in_cidr('10.0.0.0/8')", declarations);
        if (!compiled.Succeeded)
        {
            // compiled.Diagnostics: every problem, with line:column and the found and expected types
        }
        CelActivation activation = compiled.Expression!.CreateActivation()
            .Set("x", CelValue.FromInt(42))
            .Set("user_ip", CelValue.FromIpAddress("10.1.2.3"));
        CelResult result = compiled.Expression.Evaluate(activation);   // never throws
        bool allowed = result.IsTrue;                                  // false for an error or an unknown
        // </snippet:cel-quickstart>
        allowed.ShouldBeTrue();
    }

    private static CelDeclarations Declare(List<(string Name, CelType Type, CelValue Value)> variables)
    {
        var declarations = new CelDeclarations();
        foreach (var (name, type, _) in variables)
        {
            declarations.Add(name, type);
        }
        return declarations;
    }

    private static CelType ParseType(string text)
    {
        var open = text.IndexOf('<', StringComparison.Ordinal);
        var type = open < 0
            ? new ConditionParameterType(text)
            : new ConditionParameterType(text[..open], [new ConditionParameterType(text[(open + 1)..^1])]);
        return CelType.FromParameterType(type);
    }

    [GeneratedRegex(@"```cel\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex CelBlock();

    [GeneratedRegex(@"^// let (?<name>\w+): (?<type>[\w<>]+) = (?<value>.+)$")]
    private static partial Regex LetLine();
}
