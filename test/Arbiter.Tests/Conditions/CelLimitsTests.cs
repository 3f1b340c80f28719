using System.Diagnostics;
using Arbiter.Conditions;

namespace Arbiter.Tests.Conditions;

public class CelLimitsTests
{
    [Theory]
    [InlineData("(", "1", ")")]
    [InlineData("!", "true", "")]
    [InlineData("-", "x", "")]
    [InlineData("[", "1", "]")]
    [InlineData("{1: ", "1", "}")]
    [InlineData("f(", "1", ")")]
    [InlineData("x ? 1 : ", "2", "")]
    public void Nesting_TooDeep_IsALimitErrorNotAStackOverflow(string open, string middle, string close)
    {
        var options = new CelOptions { MaxExpressionLength = 1_000_000 };
        var text = string.Concat(Enumerable.Repeat(open, 50_000)) + middle + string.Concat(Enumerable.Repeat(close, 50_000));

        var errors = Cel.Errors(text, options, ("x", CelType.Int));

        errors.ShouldHaveSingleItem().Code.ShouldBe(CelDiagnosticCodes.LimitExceeded);
    }

    [Theory]
    [InlineData(" + ")]
    [InlineData(".f")]
    [InlineData("[0]")]
    public void Chains_TooLong_AreALimitError(string link)
    {
        var options = new CelOptions { MaxExpressionLength = 1_000_000 };
        var text = "x" + string.Concat(Enumerable.Repeat(link == " + " ? " + x" : link, 20_000));

        Cel.Errors(text, options, ("x", CelType.Dyn)).ShouldHaveSingleItem().Code.ShouldBe(CelDiagnosticCodes.LimitExceeded);
    }

    [Fact]
    public void Nesting_WithinTheLimit_Compiles()
    {
        var text = new string('(', 30) + "1" + new string(')', 30) + " + " + string.Join(" + ", Enumerable.Repeat("1", 31));

        Cel.Eval(text).Value.AsInt().ShouldBe(32);
    }

    [Fact]
    public void Expression_TooLong_IsALimitError()
    {
        var error = Cel.Errors("'" + new string('a', 10_000) + "'").ShouldHaveSingleItem();

        error.Code.ShouldBe(CelDiagnosticCodes.LimitExceeded);
        error.Message.ShouldContain("8192");
    }

    [Fact]
    public void Cost_NestedMacrosOverLargeLists_StopWithAnError()
    {
        var list = CelValue.FromList(Enumerable.Range(0, 1000).Select(i => CelValue.FromInt(i)));
        var watch = Stopwatch.StartNew();

        var result = Cel.Eval("l.all(a, l.all(b, a + b >= 0))", ("l", CelType.List(CelType.Int), list));

        result.IsError.ShouldBeTrue();
        result.ErrorMessage.ShouldBe("evaluation cost limit exceeded");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Cost_Exhausted_IsNotAbsorbedInsideTheMacro()
    {
        var list = CelValue.FromList(Enumerable.Range(0, 1000).Select(i => CelValue.FromInt(i)));

        var result = Cel.Eval("l.exists(a, l.exists(b, a < 0) || a == 999)", ("l", CelType.List(CelType.Int), list));

        result.ErrorMessage.ShouldBe("evaluation cost limit exceeded");
    }

    [Fact]
    public void Cost_IsConfigurable()
    {
        var options = new CelOptions { MaxCost = 10 };

        Cel.Eval("[1, 2, 3, 4, 5].all(x, x > 0)", options).IsTrue.ShouldBeTrue();
        Cel.Eval("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].all(x, x > 0)", options).ErrorMessage.ShouldBe("evaluation cost limit exceeded");
    }

    [Fact]
    public void Collections_LargerThanTheLimit_AreErrors()
    {
        var options = new CelOptions { MaxCollectionSize = 100 };
        var list = CelValue.FromList(Enumerable.Range(0, 60).Select(i => CelValue.FromInt(i)));

        Cel.Eval("size(l + l)", options, ("l", CelType.List(CelType.Int), list)).ErrorMessage!.ShouldContain("limit of 100");
        Cel.Eval("size(l.map(x, x))", options, ("l", CelType.List(CelType.Int), list)).Value.AsInt().ShouldBe(60);
    }

    [Fact]
    public void Strings_LongerThanTheLimit_AreErrors()
    {
        var options = new CelOptions { MaxStringLength = 1000 };
        var s = CelValue.FromString(new string('a', 600));

        Cel.Eval("size(s + s) > 0", options, ("s", CelType.String, s)).ErrorMessage!.ShouldContain("limit of 1000");
    }

    [Fact]
    public void Macros_ThatDoubleEachStep_StopAtALimit()
    {
        var text = "['foo', 'bar']" + string.Concat(Enumerable.Repeat(".map(x, x + x)", 20));

        var result = Cel.Eval("size(" + text + "[0]) > 0");

        result.IsTrue.ShouldBeFalse();
        result.ErrorMessage!.ShouldContain("string longer than the limit");
    }

    [Fact]
    public void Regex_PathologicalPattern_RunsInLinearTime()
    {
        var input = CelValue.FromString(new string('a', 200_000) + "!");
        var watch = Stopwatch.StartNew();

        var result = Cel.Eval("s.matches('(a+)+$') || s.matches('^(a|aa)*$') || s.matches('(a*)*b')", ("s", CelType.String, input));

        result.IsTrue.ShouldBeFalse();
        result.IsError.ShouldBeFalse();
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Regex_TooLong_IsAnError()
    {
        var pattern = CelValue.FromString(new string('a', 2000));

        Cel.Eval("'a'.matches(p)", ("p", CelType.String, pattern)).ErrorMessage!.ShouldContain("longer than the limit");
    }

    [Fact]
    public void Options_RejectNonPositiveLimits()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new CelOptions { MaxCost = 0 }.Validate());
        Should.Throw<ArgumentOutOfRangeException>(() => new CelOptions { RegexTimeout = TimeSpan.Zero }.Validate());
        Should.Throw<ArgumentOutOfRangeException>(() => CelExpression.Compile("1", new CelDeclarations(), new CelOptions { MaxNestingDepth = -1 }));
    }

    [Fact]
    public void Equality_OfDeeplyNestedActivationValues_IsAnErrorNotACrash()
    {
        var value = CelValue.FromInt(1);
        for (var i = 0; i < 200_000; i++)
        {
            value = CelValue.FromList([value]);
        }

        var result = Cel.Eval("a == b", ("a", CelType.Dyn, value), ("b", CelType.Dyn, value));

        result.IsTrue.ShouldBeFalse();
        result.IsError.ShouldBeTrue();
    }
}
