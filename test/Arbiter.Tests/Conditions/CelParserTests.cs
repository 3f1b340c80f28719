using Arbiter.Conditions;
using Arbiter.Model;

namespace Arbiter.Tests.Conditions;

public class CelParserTests
{
    [Theory]
    [InlineData("a || b && c", "(a || (b && c))")]
    [InlineData("a && b || c", "((a && b) || c)")]
    [InlineData("a == b && c != d", "((a == b) && (c != d))")]
    [InlineData("a + b * c - d", "((a + (b * c)) - d)")]
    [InlineData("a * b / c % d", "(((a * b) / c) % d)")]
    [InlineData("a < b == c", "((a < b) == c)")]
    [InlineData("a in b || c", "((a in b) || c)")]
    [InlineData("a + 1 in b", "((a + 1) in b)")]
    [InlineData("!a && b", "((!a) && b)")]
    [InlineData("!!a", "(!(!a))")]
    [InlineData("-a * b", "((-a) * b)")]
    [InlineData("--a", "(-(-a))")]
    [InlineData("a ? b : c ? d : e", "(a ? b : (c ? d : e))")]
    [InlineData("a || b ? c : d", "((a || b) ? c : d)")]
    [InlineData("a.b.c[0].d(1)", "a.b.c[0].d(1)")]
    [InlineData("-x.y", "(-x.y)")]
    [InlineData("(a + b) * c", "((a + b) * c)")]
    [InlineData("f(a, b)[1]", "f(a, b)[1]")]
    [InlineData("[1, 2,][0]", "[1, 2][0]")]
    [InlineData("{'a': 1, 'b': 2,}", "{\"a\": 1, \"b\": 2}")]
    [InlineData("has(a.b)", "has(a.b)")]
    [InlineData("l.all(x, x > 0)", "l.All(x, (x > 0))")]
    [InlineData("l.map(x, x > 0, x * 2)", "l.Map(x, (x > 0), (x * 2))")]
    [InlineData("m.`content-type`", "m.content-type")]
    [InlineData(".a.b", "a.b")]
    [InlineData("a // comment\n + b", "(a + b)")]
    public void Parse_FollowsCelPrecedence(string expression, string expected) =>
        Cel.Parenthesize(expression).ShouldBe(expected);

    [Fact]
    public void Parse_LongLogicalChains_AreBalanced()
    {
        var chain = string.Join(" || ", Enumerable.Range(0, 500).Select(i => $"x == {i}"));
        var compiled = Cel.Compile(chain, ("x", CelType.Int));
        var activation = compiled.CreateActivation().Set("x", CelValue.FromInt(499));
        compiled.Evaluate(activation).IsTrue.ShouldBeTrue();
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("0x7fffffffffffffff", long.MaxValue)]
    [InlineData("-0x10", -16L)]
    public void Parse_IntLiterals(string expression, long expected) =>
        Cel.Eval(expression).Value.AsInt().ShouldBe(expected);

    [Theory]
    [InlineData("'a\\tb'", "a\tb")]
    [InlineData("\"\\u00e9\\U0001F431\"", "é🐱")]
    [InlineData("'\\x41\\101\\a\\b\\f\\n\\r\\v\\?\\`'", "AA\a\b\f\n\r\v?`")]
    [InlineData("r'\\n'", "\\n")]
    [InlineData("R\"\\d+\"", "\\d+")]
    [InlineData("'''a\n'b'''", "a\n'b")]
    [InlineData("\"\"\"x\"\"\"", "x")]
    [InlineData("r'''\\x'''", "\\x")]
    public void Parse_StringLiterals_DecodeEveryEscapeForm(string expression, string expected) =>
        Cel.Eval(expression).Value.AsString().ShouldBe(expected);

    [Theory]
    [InlineData("b'\\xff\\000'", new byte[] { 0xff, 0 })]
    [InlineData("b'é'", new byte[] { 0xc3, 0xa9 })]
    [InlineData("B\"\\303\\251\"", new byte[] { 0xc3, 0xa9 })]
    [InlineData("rb'\\x'", new byte[] { 0x5c, 0x78 })]
    [InlineData("br'\\x'", new byte[] { 0x5c, 0x78 })]
    public void Parse_BytesLiterals(string expression, byte[] expected) =>
        Cel.Eval(expression).Value.AsBytes().ToArray().ShouldBe(expected);

    [Theory]
    [InlineData("1 +", 1, 4, "unexpected end of expression")]
    [InlineData("a &&\n  (b ||", 2, 8, "unexpected end of expression")]
    [InlineData("1 = 2", 1, 3, "use '=='")]
    [InlineData("'abc", 1, 1, "unterminated string")]
    [InlineData("'a\\qb'", 1, 3, "invalid escape")]
    [InlineData("9223372036854775808", 1, 1, "out of range")]
    [InlineData("a.b(", 1, 5, "unexpected end")]
    [InlineData("[1, 2", 1, 6, "',' or ']'")]
    [InlineData("{1: 2", 1, 6, "',' or '}'")]
    [InlineData("has(a)", 1, 1, "has()")]
    [InlineData("l.all(1, true)", 1, 3, "simple name")]
    [InlineData("x if y", 1, 3, "reserved")]
    [InlineData("Msg{a: 1}", 1, 4, "message construction")]
    [InlineData("a b", 1, 3, "after the end")]
    [InlineData("", 1, 1, "empty")]
    [InlineData("#", 1, 1, "unexpected character")]
    public void Parse_Errors_HaveLineAndColumn(string expression, int line, int column, string message)
    {
        var error = Cel.Errors(expression).ShouldHaveSingleItem();
        error.Code.ShouldBe(CelDiagnosticCodes.SyntaxError);
        error.Message.ShouldContain(message);
        error.Span.ShouldNotBeNull();
        (error.Span.Value.Line, error.Span.Value.Column).ShouldBe((line, column));
    }

    [Fact]
    public void Parse_Errors_AreOffsetIntoTheModelText()
    {
        // The expression starts at line 12, column 5 of a model file.
        var result = CelExpression.Compile("x <\n    + 1 ==", new CelDeclarations().Add("x", CelType.Int), origin: new SourceSpan(12, 5, 12, 5));

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Span!.Value.Line.ShouldBe(13);
        error.Span!.Value.Column.ShouldBe(5);
        error.Message.ShouldContain("unexpected '+'");
    }

    [Fact]
    public void Parse_FirstLineErrors_AreOffsetByTheStartColumn()
    {
        var result = CelExpression.Compile("x < 'a' + 1", new CelDeclarations().Add("x", CelType.Int), origin: new SourceSpan(3, 10, 3, 10));

        var error = result.Diagnostics.ShouldHaveSingleItem();
        (error.Span!.Value.Line, error.Span!.Value.Column).ShouldBe((3, 18));
    }
}
