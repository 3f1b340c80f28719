using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Arbiter.Conformance.Tests.OpenFga;

/// <summary>The shape of OpenFGA's check test files (<c>assets/tests/*.yaml</c>): tests of stages sharing one store.</summary>
internal sealed class OpenFgaTestFile
{
    public const string Consolidated = "openfga/assets/tests/consolidated_1_1_tests.yaml";
    public const string Abac = "openfga/assets/tests/abac_tests.yaml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .WithAttemptingUnquotedStringTypeDeserialization() // context values: 10 is a number, "10" a string, as in OpenFGA's YAML
        .Build();

    public List<OpenFgaTest> Tests { get; set; } = [];

    public static OpenFgaTestFile Load(string relative) =>
        Yaml.Deserialize<OpenFgaTestFile>(File.ReadAllText(ConformanceData.PathOf(relative))) ?? new OpenFgaTestFile();
}

internal sealed class OpenFgaTest
{
    public string Name { get; set; } = string.Empty;

    public List<OpenFgaStage> Stages { get; set; } = [];
}

internal sealed class OpenFgaStage
{
    public string Model { get; set; } = string.Empty;

    public List<OpenFgaTuple>? Tuples { get; set; }

    public List<OpenFgaCheckAssertion>? CheckAssertions { get; set; }

    public List<OpenFgaListObjectsAssertion>? ListObjectsAssertions { get; set; }

    public List<OpenFgaListUsersAssertion>? ListUsersAssertions { get; set; }
}

internal sealed class OpenFgaTuple
{
    public string? Object { get; set; }

    public string? Relation { get; set; }

    public string? User { get; set; }

    public OpenFgaCondition? Condition { get; set; }

    public override string ToString() => $"{Object}#{Relation}@{User}" + (Condition is null ? string.Empty : " with " + Condition.Name);
}

internal sealed class OpenFgaCondition
{
    public string Name { get; set; } = string.Empty;

    public Dictionary<string, object?>? Context { get; set; }
}

internal sealed class OpenFgaCheckAssertion
{
    public OpenFgaTuple Tuple { get; set; } = new();

    public List<OpenFgaTuple>? ContextualTuples { get; set; }

    public Dictionary<string, object?>? Context { get; set; }

    public bool Expectation { get; set; }

    public int ErrorCode { get; set; }
}

internal sealed class OpenFgaListObjectsAssertion
{
    public OpenFgaListObjectsRequest Request { get; set; } = new();

    public List<OpenFgaTuple>? ContextualTuples { get; set; }

    public Dictionary<string, object?>? Context { get; set; }

    /// <summary>The objects expected, in any order (<see langword="null"/> when the YAML leaves it empty).</summary>
    public List<string>? Expectation { get; set; }

    public int ErrorCode { get; set; }
}

internal sealed class OpenFgaListObjectsRequest
{
    public string? User { get; set; }

    public string? Type { get; set; }

    public string? Relation { get; set; }

    public override string ToString() => $"list-objects {User} {Relation} {Type}";
}

internal sealed class OpenFgaListUsersAssertion
{
    public OpenFgaListUsersRequest Request { get; set; } = new();

    public List<OpenFgaTuple>? ContextualTuples { get; set; }

    public Dictionary<string, object?>? Context { get; set; }

    /// <summary>The subjects expected (<c>user:anne</c>, <c>user:*</c>, <c>group:eng#member</c>), in any order.</summary>
    public List<string>? Expectation { get; set; }

    public int ErrorCode { get; set; }
}

internal sealed class OpenFgaListUsersRequest
{
    public string? Object { get; set; }

    public string? Relation { get; set; }

    public List<string> Filters { get; set; } = [];

    public override string ToString() => $"list-users {Object} {Relation} [{string.Join(", ", Filters)}]";
}
