using System.Text.Json.Nodes;
using Arbiter.Model;
using Arbiter.Parsing;

namespace Arbiter.Tests.Parsing;

public class ModelJsonTests
{
    private const string Dsl = """
        model
          schema 1.1

        type user

        type folder
          relations
            define viewer: [user, user:* with recent, folder#viewer]

        type doc
          relations
            define parent: [folder]
            define blocked: [user]
            define viewer: ([user] or viewer from parent) but not blocked

        condition recent(at: timestamp, limits: map<int>, tags: list<string>) {
          at > timestamp("2024-01-01T00:00:00Z")
        }

        """;

    [Fact]
    public void Write_Model_ProducesOpenFgaJson()
    {
        var json = JsonNode.Parse(AuthorizationModel.FromDsl(Dsl).ToJson())!;

        json["schema_version"]!.GetValue<string>().ShouldBe("1.1");
        var folder = json["type_definitions"]![1]!;
        folder["relations"]!["viewer"]!["this"].ShouldBeOfType<JsonObject>();
        var types = folder["metadata"]!["relations"]!["viewer"]!["directly_related_user_types"]!.AsArray();
        types[1]!.ToJsonString().ShouldBe("""{"type":"user","wildcard":{},"condition":"recent"}""");
        types[2]!.ToJsonString().ShouldBe("""{"type":"folder","relation":"viewer"}""");
        var viewer = json["type_definitions"]![2]!["relations"]!["viewer"]!;
        viewer["difference"]!["base"]!["union"]!["child"]![1]!.ToJsonString()
            .ShouldBe("""{"tupleToUserset":{"tupleset":{"relation":"parent"},"computedUserset":{"relation":"viewer"}}}""");
        var parameters = json["conditions"]!["recent"]!["parameters"]!;
        parameters["at"]!.ToJsonString().ShouldBe("""{"type_name":"TYPE_NAME_TIMESTAMP"}""");
        parameters["tags"]!.ToJsonString().ShouldBe("""{"type_name":"TYPE_NAME_LIST","generic_types":[{"type_name":"TYPE_NAME_STRING"}]}""");
        json["type_definitions"]![0]!["metadata"].ShouldBeNull();
    }

    [Fact]
    public void ParseAndWrite_RoundTrip_IsIdentity()
    {
        var json = AuthorizationModel.FromDsl(Dsl).ToJson();

        var model = AuthorizationModel.FromJson(json);

        model.ToJson().ShouldBe(json);
        model.ToDsl().ShouldBe(Dsl.Replace("\r\n", "\n", StringComparison.Ordinal));
        ModelJson.Write(model, indented: false).ShouldNotContain("\n");
    }

    [Fact]
    public void Parse_ReadsIdAndSnakeCaseUsersets()
    {
        var result = ModelJson.Parse("""
            {"id": "01HX", "schema_version": "1.1", "type_definitions": [
              {"type": "user"},
              {"type": "doc", "relations": {"a": {"this": {}}, "b": {"computed_userset": {"relation": "a"}}},
               "metadata": {"relations": {"a": {"directly_related_user_types": [{"type": "user", "relation": "", "condition": ""}]}}}}]}
            """);

        result.Diagnostics.ShouldBeEmpty();
        result.Model!.Id.ShouldBe("01HX");
        result.Model.Types[1].Relations[1].Rewrite.ShouldBeOfType<ComputedUserset>().Relation.ShouldBe("a");
        result.Model.Types[1].Relations[0].DirectlyRelatedTypes.ShouldHaveSingleItem().ToString().ShouldBe("user");
    }

    [Theory]
    [InlineData("[]", "$: expected the model as a JSON object")]
    [InlineData("""{"schema_version": 1.1}""", "$.schema_version: expected a string")]
    [InlineData("""{"schema_version": "1.1", "type_definitions": {}}""", "$.type_definitions: expected an array")]
    [InlineData("""{"schema_version": "1.1", "type_definitions": [{}]}""", "$.type_definitions[0].type: is required")]
    [InlineData("""{"schema_version": "1.1", "type_definitions": [{"type": "d", "relations": {"r": {}}}]}""", "$.type_definitions[0].relations.r: expected exactly one of")]
    [InlineData("""{"schema_version": "1.1", "type_definitions": [{"type": "d", "relations": {"r": {"this": {}, "computedUserset": {"relation": "x"}}}}]}""", "found 2")]
    [InlineData("""{"schema_version": "1.1", "type_definitions": [{"type": "d", "relations": {"r": {"difference": {"base": {"this": {}}}}}}]}""", ".difference.subtract: is required")]
    [InlineData("""{"schema_version": "1.1", "conditions": {"c": {"expression": "x", "parameters": {"x": {"type_name": "TYPE_NAME_FOO"}}}}}""", "$.conditions.c.parameters.x.type_name: unknown parameter type")]
    public void Parse_MalformedModel_NamesTheJsonPath(string json, string message)
    {
        var result = ModelJson.Parse(json);

        result.Success.ShouldBeFalse();
        result.Diagnostics.ShouldContain(d => d.Message.Contains(message, StringComparison.Ordinal), string.Join("\n", result.Diagnostics));
        result.Diagnostics.ShouldAllBe(d => d.Code == "invalid-json");
    }

    [Fact]
    public void Parse_InvalidJsonText_ReportsLineAndColumn()
    {
        var result = ModelJson.Parse("{\n  \"schema_version\": \"1.1\",\n  oops\n}");

        var problem = result.Diagnostics.ShouldHaveSingleItem();
        problem.Code.ShouldBe("invalid-json");
        problem.Span!.Value.Line.ShouldBe(3);
        problem.Message.ShouldNotContain("LineNumber");
    }

    [Fact]
    public void Parse_DeeplyNestedJson_IsRefusedWithoutThrowing()
    {
        var json = """{"schema_version": "1.1", "type_definitions": [{"type": "d", "relations": {"r": """ + string.Concat(Enumerable.Repeat("""{"union": {"child": [""", 500)) + "]}}";

        ModelJson.Parse(json).Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("invalid-json");
    }

    [Fact]
    public void Parse_SemanticProblems_AreReported()
    {
        var result = ModelJson.Parse("""{"schema_version": "1.1", "type_definitions": [{"type": "doc", "relations": {"a": {"computedUserset": {"relation": "b"}}}}]}""");

        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("missing-definition");
    }

    [Fact]
    public void FromJson_InvalidModel_ThrowsListingEveryProblem()
    {
        var ex = Should.Throw<ModelValidationException>(() => AuthorizationModel.FromJson("""{"schema_version": "1.1", "type_definitions": [{"type": "self"}, {"type": "this"}]}"""));

        ex.Diagnostics.Count.ShouldBe(2);
        ex.Message.ShouldContain("2 problems");
    }
}
