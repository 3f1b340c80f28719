using System.Net;
using System.Text.Json;
using Arbiter.Conditions;
using Arbiter.Model;

namespace Arbiter.Tests.Conditions;

/// <summary>Context values (.NET or JSON) converted to the declared parameter types, as OpenFGA converts them.</summary>
public class CelConversionTests
{
    public static TheoryData<object?, string, string> Conversions() => new()
    {
        { 42, "int", "42" },
        { 42.0, "int", "42" },
        { "42", "int", "42" },
        { 7L, "uint", "7u" },
        { 1, "double", "1.0" },
        { true, "bool", "true" },
        { "s", "string", "\"s\"" },
        { "2023-10-11T10:00:00Z", "timestamp", "timestamp(\"2023-10-11T10:00:00Z\")" },
        { new DateTimeOffset(2023, 10, 11, 12, 0, 0, TimeSpan.FromHours(2)), "timestamp", "timestamp(\"2023-10-11T10:00:00Z\")" },
        { "1h30m", "duration", "duration(\"5400s\")" },
        { TimeSpan.FromMinutes(2), "duration", "duration(\"120s\")" },
        { "192.168.0.1", "ipaddress", "ipaddress(\"192.168.0.1\")" },
        { IPAddress.IPv6Loopback, "ipaddress", "ipaddress(\"::1\")" },
        { new[] { "a", "b" }, "list<string>", "[\"a\", \"b\"]" },
        { new Dictionary<string, object?> { ["k"] = 1 }, "map<int>", "{\"k\": 1}" },
        { 3.5, "any", "3.5" },
        { null, "any", "null" },
        { new List<object?> { 1, "x", null }, "any", "[1, \"x\", null]" },
    };

    [Theory]
    [MemberData(nameof(Conversions))]
    public void TryConvert_FollowsTheDeclaredType(object? value, string type, string expected)
    {
        CelValue.TryConvert(value, Type(type), out var result, out var error).ShouldBeTrue(error);

        result.ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("x", "int", "Type conversion error")]
    [InlineData(1.5, "int", "not an integer")]
    [InlineData(-1, "uint", "range")]
    [InlineData(1, "string", "expected string, found Int32")]
    [InlineData(null, "int", "expected int, found null")]
    [InlineData("yesterday", "timestamp", "not RFC 3339")]
    [InlineData("10.0.0", "ipaddress", "not a valid IP address")]
    [InlineData("soon", "duration", "not valid")]
    public void TryConvert_WrongValues_NameTheProblem(object? value, string type, string message)
    {
        CelValue.TryConvert(value, Type(type), out _, out var error).ShouldBeFalse();

        error.ShouldNotBeNull().ShouldContain(message);
    }

    [Fact]
    public void TryConvert_ReadsJson()
    {
        using var json = JsonDocument.Parse("""{"x": 10, "ts": "2023-10-11T10:00:00Z", "tags": ["a"], "nested": {"k": [1.5, true]}}""");
        var root = json.RootElement;

        CelValue.TryConvert(root.GetProperty("x"), CelType.Int, out var x, out _).ShouldBeTrue();
        CelValue.TryConvert(root.GetProperty("ts"), CelType.Timestamp, out var ts, out _).ShouldBeTrue();
        CelValue.TryConvert(root.GetProperty("tags"), CelType.List(CelType.String), out var tags, out _).ShouldBeTrue();
        CelValue.TryConvert(root.GetProperty("nested"), CelType.Dyn, out var nested, out _).ShouldBeTrue();

        x.AsInt().ShouldBe(10);
        ts.ToString().ShouldBe("timestamp(\"2023-10-11T10:00:00Z\")");
        tags.ToString().ShouldBe("[\"a\"]");
        nested.ToString().ShouldBe("{\"k\": [1.5, true]}");
    }

    [Fact]
    public void TryConvert_ListElementOfTheWrongType_Fails()
    {
        CelValue.TryConvert(new object[] { "a", 1 }, CelType.List(CelType.String), out _, out var error).ShouldBeFalse();

        error.ShouldBe("expected string, found Int32");
    }

    [Fact]
    public void TryConvert_DeepNesting_IsBounded()
    {
        object value = 1;
        for (var i = 0; i < 100; i++)
        {
            value = new List<object> { value };
        }

        CelValue.TryConvert(value, CelType.Dyn, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("nests more than");
    }

    private static CelType Type(string name)
    {
        var open = name.IndexOf('<', StringComparison.Ordinal);
        return CelType.FromParameterType(open < 0
            ? new ConditionParameterType(name)
            : new ConditionParameterType(name[..open], [new ConditionParameterType(name[(open + 1)..^1])]));
    }
}
