using Arbiter.Conditions;
using Arbiter.Model;

namespace Arbiter.Tests.Conditions;

public class CelCheckerTests
{
    private static readonly (string, CelType)[] Variables =
    [
        ("x", CelType.Int),
        ("u", CelType.Uint),
        ("d", CelType.Double),
        ("s", CelType.String),
        ("t", CelType.Timestamp),
        ("dur", CelType.Duration),
        ("ip", CelType.IpAddress),
        ("l", CelType.List(CelType.Int)),
        ("m", CelType.Map(CelType.String, CelType.Int)),
        ("any", CelType.Dyn),
        ("request.ip", CelType.String),
    ];

    [Theory]
    [InlineData("x < 100", "bool")]
    [InlineData("x + 1", "int")]
    [InlineData("u * 2u", "uint")]
    [InlineData("d / 2.0", "double")]
    [InlineData("s + 'a'", "string")]
    [InlineData("x < 2u && d > x", "bool")]
    [InlineData("l[0]", "int")]
    [InlineData("m['a']", "int")]
    [InlineData("m.a", "int")]
    [InlineData("has(m.a)", "bool")]
    [InlineData("l.map(e, e * 2)", "list(int)")]
    [InlineData("l.filter(e, e > 1)", "list(int)")]
    [InlineData("m.map(k, k + '!')", "list(string)")]
    [InlineData("l.exists(e, e == x)", "bool")]
    [InlineData("{'a': 1}", "map(string, int)")]
    [InlineData("[1, 'a']", "list(dyn)")]
    [InlineData("any.foo.bar", "dyn")]
    [InlineData("any + 1", "int")]
    [InlineData("t - dur", "google.protobuf.Timestamp")]
    [InlineData("t - t", "google.protobuf.Duration")]
    [InlineData("t.getHours('Europe/Paris')", "int")]
    [InlineData("dur.getMinutes()", "int")]
    [InlineData("ip.in_cidr('10.0.0.0/8')", "bool")]
    [InlineData("request.ip.startsWith('10.')", "bool")]
    [InlineData("x > 0 ? 'pos' : 'neg'", "string")]
    [InlineData("type(x)", "type(int)")]
    [InlineData("int", "type(int)")]
    [InlineData("size(s) + s.size()", "int")]
    [InlineData("s.matches('^a+$')", "bool")]
    [InlineData("timestamp('2024-01-01T00:00:00Z') < t", "bool")]
    [InlineData("dyn(x) == 1u", "bool")]
    public void Check_InfersTheType(string expression, string type) =>
        Cel.Compile(expression, Variables).ResultType.ToString().ShouldBe(type);

    [Theory]
    [InlineData("x + 'a'", "found no matching overload for '_+_' applied to '(int, string)'", 1, 3)]
    [InlineData("x == 1u", "found no matching overload for '_==_' applied to '(int, uint)'", 1, 3)]
    [InlineData("s.contains(1)", "found no matching overload for 'contains' applied to 'string.(int)'", 1, 3)]
    [InlineData("size(1)", "found no matching overload for 'size' applied to '(int)'", 1, 1)]
    [InlineData("-u", "found no matching overload for '-_' applied to '(uint)'", 1, 1)]
    [InlineData("!x", "found no matching overload for '!_' applied to '(int)'", 1, 1)]
    [InlineData("x && true", "found no matching overload for '_&&_' applied to '(int, bool)'", 1, 3)]
    [InlineData("y > 1", "undeclared reference to 'y'", 1, 1)]
    [InlineData("nope(1)", "undeclared reference to 'nope'", 1, 1)]
    [InlineData("x.field", "type 'int' does not support field selection", 1, 3)]
    [InlineData("l.all(e, e)", "the predicate of all() must be a bool, found 'int'", 1, 10)]
    [InlineData("x.all(e, true)", "all() needs a list or a map, found 'int'", 1, 3)]
    [InlineData("x ? 1 : 2", "the condition of '?:' must be a bool, found 'int'", 1, 1)]
    [InlineData("s.matches('(a)\\\\1')", "backreferences are not supported", 1, 11)]
    [InlineData("s.matches('(?=a)')", "lookaround", 1, 11)]
    [InlineData("{[1]: 2}", "unsupported map key type 'list(int)'", 1, 2)]
    public void Check_Errors_SayWhatWasFoundAndWhere(string expression, string message, int line, int column)
    {
        var error = Cel.Errors(expression, Variables).First();
        error.Code.ShouldBe(CelDiagnosticCodes.TypeError);
        error.Message.ShouldContain(message);
        (error.Span!.Value.Line, error.Span!.Value.Column).ShouldBe((line, column));
    }

    [Fact]
    public void Check_NoMatchingOverload_ListsTheExpectedSignatures()
    {
        var error = Cel.Errors("x + 'a'", Variables).ShouldHaveSingleItem();

        error.Message.ShouldContain("expected (int, int); (uint, uint); (double, double); (string, string)");
    }

    [Fact]
    public void Check_ReportsEveryError()
    {
        var errors = Cel.Errors("y + 1 == z && x + 's'", Variables);

        errors.Select(e => e.Message).ShouldSatisfyAllConditions(
            m => m.ShouldContain(s => s.Contains("'y'", StringComparison.Ordinal)),
            m => m.ShouldContain(s => s.Contains("'z'", StringComparison.Ordinal)),
            m => m.ShouldContain(s => s.Contains("'_+_' applied to '(int, string)'", StringComparison.Ordinal)));
    }

    [Fact]
    public void Declarations_FromOpenFgaParameters_MapEveryType()
    {
        var parameters = new[]
        {
            new ConditionParameter("i", new ConditionParameterType("int")),
            new ConditionParameter("n", new ConditionParameterType("uint")),
            new ConditionParameter("f", new ConditionParameterType("double")),
            new ConditionParameter("b", new ConditionParameterType("bool")),
            new ConditionParameter("s", new ConditionParameterType("string")),
            new ConditionParameter("y", new ConditionParameterType("bytes")),
            new ConditionParameter("d", new ConditionParameterType("duration")),
            new ConditionParameter("t", new ConditionParameterType("timestamp")),
            new ConditionParameter("a", new ConditionParameterType("any")),
            new ConditionParameter("ip", new ConditionParameterType("ipaddress")),
            new ConditionParameter("l", new ConditionParameterType("list", [new ConditionParameterType("string")])),
            new ConditionParameter("m", new ConditionParameterType("map", [new ConditionParameterType("int")])),
        };

        var declarations = CelDeclarations.FromParameters(parameters);

        declarations.Variables.Select(v => $"{v.Key}:{v.Value}").ShouldBe(
        [
            "i:int", "n:uint", "f:double", "b:bool", "s:string", "y:bytes", "d:google.protobuf.Duration",
            "t:google.protobuf.Timestamp", "a:dyn", "ip:ipaddress", "l:list(string)", "m:map(string, int)",
        ]);
        declarations.SlotOf("t").ShouldBe(7);
        declarations.SlotOf("missing").ShouldBe(-1);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("a..b")]
    [InlineData("1a")]
    [InlineData("a-b")]
    public void Declarations_RejectInvalidNames(string name) =>
        Should.Throw<ArgumentException>(() => new CelDeclarations().Add(name, CelType.Int));
}
