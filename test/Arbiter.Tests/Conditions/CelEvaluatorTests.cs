using Arbiter.Conditions;

namespace Arbiter.Tests.Conditions;

public class CelEvaluatorTests
{
    [Theory]
    // arithmetic and overflow
    [InlineData("7 / 2", "3")]
    [InlineData("-7 % 3", "-1")]
    [InlineData("7u / 2u", "3u")]
    [InlineData("1.5 * 2.0", "3.0")]
    [InlineData("9223372036854775807 + 1", "error: integer overflow")]
    [InlineData("-9223372036854775808 - 1", "error: integer overflow")]
    [InlineData("-(-9223372036854775808)", "error: integer overflow")]
    [InlineData("4611686018427387904 * 2", "error: integer overflow")]
    [InlineData("-9223372036854775808 / -1", "error: integer overflow")]
    [InlineData("-9223372036854775808 % -1", "error: integer overflow")]
    [InlineData("0u - 1u", "error: integer overflow")]
    [InlineData("1 / 0", "error: divide by zero")]
    [InlineData("1 % 0", "error: modulus by zero")]
    [InlineData("1.0 / 0.0", "+Inf")]
    // equality and ordering across types
    [InlineData("dyn(1) == 1.0", "true")]
    [InlineData("dyn(1u) == 1", "true")]
    [InlineData("dyn('1') == 1", "false")]
    [InlineData("0.0/0.0 == 0.0/0.0", "false")]
    [InlineData("0.0/0.0 < 1.0", "false")]
    [InlineData("-1 < 0u", "true")]
    [InlineData("18446744073709551615u > 1", "true")]
    [InlineData("2 > 1.5", "true")]
    [InlineData("'a' < 'b'", "true")]
    [InlineData("'\\uffff' < '\\U0001F600'", "true")]
    [InlineData("b'a' < b'b'", "true")]
    [InlineData("false < true", "true")]
    [InlineData("[1, 2] == [1, 2.0]", "true")]
    [InlineData("{'a': 1} == dyn({'a': 1u})", "true")]
    [InlineData("dyn([1]) < dyn([2])", "error: found no matching overload for '_<_' applied to '(list, list)'")]
    [InlineData("null == null", "true")]
    // logic and absorption of errors
    [InlineData("true || 1/0 == 1", "true")]
    [InlineData("1/0 == 1 || true", "true")]
    [InlineData("false && 1/0 == 1", "false")]
    [InlineData("1/0 == 1 && false", "false")]
    [InlineData("1/0 == 1 || false", "error: divide by zero")]
    [InlineData("true && 1/0 == 1", "error: divide by zero")]
    [InlineData("!(1/0 == 1)", "error: divide by zero")]
    [InlineData("1/0 == 1 ? 1 : 2", "error: divide by zero")]
    [InlineData("true ? 1 : 1/0", "1")]
    // strings
    [InlineData("size('héllo🐱')", "6")]
    [InlineData("'hello'.size()", "5")]
    [InlineData("'hello'.contains('ell')", "true")]
    [InlineData("'hello'.startsWith('he')", "true")]
    [InlineData("'hello'.endsWith('lo')", "true")]
    [InlineData("'Hello Ä'.lowerAscii()", "\"hello Ä\"")]
    [InlineData("'Hello ä'.upperAscii()", "\"HELLO ä\"")]
    [InlineData("'abc-123'.matches('^[a-z]+-[0-9]+$')", "true")]
    [InlineData("matches('abc', 'b')", "true")]
    [InlineData("'abc\\n'.matches('c$')", "false")]
    [InlineData("'x'.matches('(?P<name>x)')", "true")]
    [InlineData("'x'.matches(dyn('(a)\\\\1'))", "error: invalid regular expression '(a)\\1': backreferences are not supported (RE2 syntax)")]
    // conversions
    [InlineData("int('42')", "42")]
    [InlineData("int(-3.9)", "-3")]
    [InlineData("int(1e100)", "error: range error converting to int")]
    [InlineData("int(18446744073709551615u)", "error: range error converting to int")]
    [InlineData("uint(-1)", "error: range error converting to uint")]
    [InlineData("uint('7')", "7u")]
    [InlineData("double('1.5')", "1.5")]
    [InlineData("string(1.5)", "\"1.5\"")]
    [InlineData("string(1000000.0)", "\"1e+06\"")]
    [InlineData("string(b'\\xff')", "error: invalid UTF-8 in bytes, cannot convert to string")]
    [InlineData("int('x')", "error: Type conversion error: cannot convert 'x' to int")]
    [InlineData("bool('true')", "true")]
    [InlineData("bytes('é')", "b\"\\xc3\\xa9\"")]
    [InlineData("type(1) == int", "true")]
    [InlineData("type(timestamp('2020-01-01T00:00:00Z'))", "google.protobuf.Timestamp")]
    // collections
    [InlineData("[1, 2, 3][1]", "2")]
    [InlineData("[1, 2, 3][3]", "error: invalid_argument: index out of range: 3 (list size 3)")]
    [InlineData("{'a': 1}['b']", "error: no such key")]
    [InlineData("{'a': 1}.b", "error: no such key: 'b'")]
    [InlineData("dyn({1: 'a'})[1u]", "\"a\"")]
    [InlineData("2 in [1, 2]", "true")]
    [InlineData("'a' in {'a': 1}", "true")]
    [InlineData("[1] + [2]", "[1, 2]")]
    [InlineData("{'a': 1, 'a': 2}", "error: Failed with repeated key")]
    [InlineData("has({'a': 1}.a)", "true")]
    [InlineData("has({'a': 1}.b)", "false")]
    [InlineData("[1, 2, 3].all(x, x > 0)", "true")]
    [InlineData("[1, 0, 3].all(x, 3 / x > 0)", "error: divide by zero")]
    [InlineData("[0, 1].all(x, 3 / x > 5)", "false")]
    [InlineData("[1, 0].exists(x, 3 / x == 3)", "true")]
    [InlineData("[1, 2, 3].exists_one(x, x > 2)", "true")]
    [InlineData("[1, 2, 3].map(x, x * 10)", "[10, 20, 30]")]
    [InlineData("[1, 2, 3].map(x, x > 1, x * 10)", "[20, 30]")]
    [InlineData("[1, 2, 3].filter(x, x % 2 == 1)", "[1, 3]")]
    [InlineData("{'a': 1, 'b': 2}.map(k, k)", "[\"a\", \"b\"]")]
    [InlineData("[[1, 2], [3]].map(l, l.map(x, x + 1))", "[[2, 3], [4]]")]
    public void Evaluate_GivesCelResults(string expression, string expected) =>
        Cel.Eval(expression).ToString().ShouldBe(expected);

    [Theory]
    [InlineData("timestamp('2009-02-13T23:31:30Z').getFullYear()", "2009")]
    [InlineData("timestamp('2009-02-13T23:31:30Z').getMonth()", "1")]
    [InlineData("timestamp('2009-02-13T23:31:30Z').getDate()", "13")]
    [InlineData("timestamp('2009-02-13T23:31:30Z').getDayOfMonth()", "12")]
    [InlineData("timestamp('2009-02-13T23:31:30Z').getDayOfWeek()", "5")]
    [InlineData("timestamp('2009-02-13T23:31:30Z').getDayOfYear()", "43")]
    [InlineData("timestamp('2009-02-13T23:31:30.123Z').getMilliseconds()", "123")]
    [InlineData("timestamp('2009-02-13T23:31:30Z').getHours('Asia/Tokyo')", "8")]
    [InlineData("timestamp('2009-07-01T12:00:00Z').getHours('Europe/Paris')", "14")]
    [InlineData("timestamp('2009-01-01T12:00:00Z').getHours('Europe/Paris')", "13")]
    [InlineData("timestamp('2009-02-13T23:31:30Z').getHours('+05:30')", "5")]
    [InlineData("timestamp('2009-02-13T23:31:30Z').getHours('Mars/Olympus')", "error: unknown time zone 'Mars/Olympus'")]
    [InlineData("timestamp('2009-02-13T23:31:30+01:00')", "timestamp(\"2009-02-13T22:31:30Z\")")]
    [InlineData("timestamp('2020-02-30T00:00:00Z')", "error: timestamp '2020-02-30T00:00:00Z' is not a valid date and time")]
    [InlineData("timestamp('0001-01-01T00:00:00Z') - duration('1ns')", "error: timestamp out of range")]
    [InlineData("timestamp('2020-01-01T00:00:00Z') + duration('1h30m')", "timestamp(\"2020-01-01T01:30:00Z\")")]
    [InlineData("timestamp('2020-01-02T00:00:00Z') - timestamp('2020-01-01T00:00:00Z')", "duration(\"86400s\")")]
    [InlineData("duration('1.5h').getMinutes()", "90")]
    [InlineData("duration('-1.5s')", "duration(\"-1.5s\")")]
    [InlineData("duration('10000000h')", "error: duration out of range")]
    [InlineData("duration('1d')", "error: duration '1d' is not valid (such as 100s, 1.5h, 2m30s, 250ms)")]
    [InlineData("string(timestamp('2020-01-01T00:00:00.5Z'))", "\"2020-01-01T00:00:00.5Z\"")]
    [InlineData("timestamp(0) < timestamp('1970-01-01T00:00:00.000000001Z')", "true")]
    public void Evaluate_TimestampsAndDurations(string expression, string expected) =>
        Cel.Eval(expression).ToString().ShouldBe(expected);

    [Theory]
    [InlineData("192.168.0.1", "192.168.0.0/24", "true")]
    [InlineData("192.168.1.1", "192.168.0.0/24", "false")]
    [InlineData("192.168.0.1", "192.168.0.7/24", "true")]
    [InlineData("10.1.2.3", "0.0.0.0/0", "true")]
    [InlineData("2001:db8::1", "2001:db8::/32", "true")]
    [InlineData("2001:db9::1", "2001:db8::/32", "false")]
    [InlineData("10.0.0.1", "2001:db8::/32", "false")]
    [InlineData("10.0.0.1", "10.0.0.0/33", "error: '10.0.0.0/33' is a malformed CIDR string")]
    [InlineData("10.0.0.1", "nonsense", "error: 'nonsense' is a malformed CIDR string")]
    public void Evaluate_IpAddressInCidr(string address, string cidr, string expected) =>
        Cel.Eval("ip.in_cidr(cidr)", ("ip", CelType.IpAddress, CelValue.FromIpAddress(address)), ("cidr", CelType.String, CelValue.FromString(cidr)))
            .ToString().ShouldBe(expected);

    [Fact]
    public void Evaluate_IpAddressConversionAndEquality()
    {
        Cel.Eval("ipaddress('10.0.0.1') == ipaddress('10.0.0.1')").IsTrue.ShouldBeTrue();
        Cel.Eval("string(ipaddress('::1'))").Value.AsString().ShouldBe("::1");
        Cel.Eval("ipaddress('10.0.0')").IsError.ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_UnsetVariables_AreUnknownAndNamed()
    {
        var compiled = Cel.Compile("x < 100 && y == 'a'", ("x", CelType.Int), ("y", CelType.String));
        var activation = compiled.CreateActivation().Set("x", CelValue.FromInt(1));

        var result = compiled.Evaluate(activation);

        result.IsUnknown.ShouldBeTrue();
        result.IsTrue.ShouldBeFalse();
        result.MissingVariables.ShouldBe(["y"]);
    }

    [Fact]
    public void Evaluate_UnknownIsAbsorbedWhenTheOtherSideDecides()
    {
        var compiled = Cel.Compile("x < 100 || y == 'a'", ("x", CelType.Int), ("y", CelType.String));

        compiled.Evaluate(compiled.CreateActivation().Set("x", CelValue.FromInt(1))).IsTrue.ShouldBeTrue();
        compiled.Evaluate(compiled.CreateActivation().Set("y", CelValue.FromString("a"))).IsTrue.ShouldBeTrue();
        compiled.Evaluate(compiled.CreateActivation()).MissingVariables.ShouldBe(["x", "y"]);
    }

    [Fact]
    public void Evaluate_WrongValueTypeInActivation_IsAnErrorNotAnException()
    {
        var result = Cel.Eval("x < 100", ("x", CelType.Int, CelValue.FromString("oops")));

        result.IsError.ShouldBeTrue();
        result.ErrorMessage.ShouldBe("found no matching overload for '_<_' applied to '(string, int)'");
    }

    [Fact]
    public void Evaluate_ActivationOfOtherDeclarations_IsACallerBug()
    {
        var compiled = Cel.Compile("x < 1", ("x", CelType.Int));

        Should.Throw<ArgumentException>(() => compiled.Evaluate(new CelActivation(new CelDeclarations().Add("x", CelType.Int))));
    }

    [Fact]
    public void Evaluate_CompiledExpression_IsReusableAcrossActivations()
    {
        var compiled = Cel.Compile("x * 2", ("x", CelType.Int));
        var activation = compiled.CreateActivation();

        var results = Enumerable.Range(0, 5).Select(i =>
        {
            activation.Set(0, CelValue.FromInt(i));
            return compiled.Evaluate(activation).Value.AsInt();
        });

        results.ShouldBe([0, 2, 4, 6, 8]);
    }
}
