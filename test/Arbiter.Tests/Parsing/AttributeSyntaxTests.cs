using System.Text.Json.Nodes;
using Arbiter.Model;
using Arbiter.Parsing;

namespace Arbiter.Tests.Parsing;

/// <summary>The Arbiter extensions of the model language: type attributes and attribute rules (<c>user where condition</c>).</summary>
public class AttributeSyntaxTests
{
    private const string Header = "model\n  schema 1.1\n";

    internal const string Example = """
        model
          schema 1.1

        type user
          attributes
            department: string
            clearance: int
            tags: list<string>

        type document
          attributes
            department: string
            classification: int
          relations
            define owner: [user]
            define viewer: [user] or owner or user where same_department
            define blocked: user where is_contractor
            define can_view: viewer but not blocked
            define can_edit: owner and (user where cleared)

        condition same_department() {
          subject.department == object.department
        }
        condition is_contractor(now: timestamp) {
          "contractor" in subject.tags
        }
        condition cleared() { subject.clearance >= object.classification }
        """;

    /// <summary>
    /// Checks that <paramref name="dsl"/> is a valid model: no syntax problem, no structural problem (validated with every
    /// condition body replaced by <c>true</c>), and, validated as written, no problem other than conditions reading
    /// <c>subject</c> and <c>object</c> — which the condition compiler declares once the engine side of attribute rules is in.
    /// </summary>
    internal static AuthorizationModel AssertValid(string dsl)
    {
        var syntax = DslParser.Parse(dsl);
        syntax.Diagnostics.ShouldBeEmpty(string.Join("\n", syntax.Diagnostics));
        var structural = syntax.Model with { Conditions = syntax.Model.Conditions.Select(c => c with { Expression = "true" }).ToList() };
        ModelValidator.Validate(structural).ShouldBeEmpty(string.Join("\n", ModelValidator.Validate(structural)));
        var asWritten = ModelParser.Parse(dsl).Diagnostics;
        asWritten.ShouldBeEmpty(string.Join("\n", asWritten));
        return syntax.Model;
    }

    private static List<string> Problems(string dsl) =>
        ModelParser.Parse(dsl).Diagnostics.Select(d => $"{d} [{d.Code}]").ToList();

    private static RelationDefinition Relation(AuthorizationModel model, string type, string relation) =>
        model.Types.Single(t => t.Name == type).Relations.Single(r => r.Name == relation);

    [Fact]
    public void Parse_Example_ReadsAttributesAndRules()
    {
        var model = AssertValid(Example);

        var user = model.Types[0];
        user.Relations.ShouldBeEmpty();
        user.Attributes.Select(a => $"{a.Name}: {a.Type}").ShouldBe(["department: string", "clearance: int", "tags: list<string>"]);
        user.Attributes[2].Span.ShouldBe(SourceSpan.OnLine(8, 5, 4));
        model.Types[1].Attributes.Select(a => a.Name).ShouldBe(["department", "classification"]);

        var viewer = Relation(model, "document", "viewer").Rewrite.ShouldBeOfType<UnionUserset>();
        var rule = viewer.Children[2].ShouldBeOfType<AttributeRuleUserset>();
        (rule.SubjectType, rule.Condition).ShouldBe(("user", "same_department"));
        rule.Span.ShouldBe(SourceSpan.OnLine(16, 39, 26));
        Relation(model, "document", "viewer").DirectlyRelatedTypes.ShouldHaveSingleItem().Type.ShouldBe("user");

        var blocked = Relation(model, "document", "blocked");
        blocked.Rewrite.ShouldBe(new AttributeRuleUserset("user", "is_contractor") { Span = SourceSpan.OnLine(17, 21, 24) });
        blocked.DirectlyRelatedTypes.ShouldBeEmpty();
        Relation(model, "document", "can_edit").Rewrite.ShouldBeOfType<IntersectionUserset>().Children[1]
            .ShouldBeOfType<AttributeRuleUserset>().Condition.ShouldBe("cleared");
        model.Conditions.Select(c => c.Parameters.Count).ShouldBe([0, 1, 0]);
    }

    [Fact]
    public void Parse_WhereBindsTighterThanEveryOperator()
    {
        var model = AssertValid(Header + """
            type user
            type doc
              relations
                define owner: [user]
                define a: owner but not user where c
                define b: user where c and owner
                define c: (owner or user where c) and user where c
            condition c() { true }
            """);

        Relation(model, "doc", "a").Rewrite.ShouldBeOfType<DifferenceUserset>().Subtract.ShouldBeOfType<AttributeRuleUserset>();
        Relation(model, "doc", "b").Rewrite.ShouldBeOfType<IntersectionUserset>().Children.Select(c => c.GetType())
            .ShouldBe([typeof(AttributeRuleUserset), typeof(ComputedUserset)]);
        var c = Relation(model, "doc", "c").Rewrite.ShouldBeOfType<IntersectionUserset>();
        c.Children[0].ShouldBeOfType<UnionUserset>().Children[1].ShouldBeOfType<AttributeRuleUserset>();
        c.Children[1].ShouldBeOfType<AttributeRuleUserset>();
    }

    [Fact]
    public void Parse_WhereAsAName_IsStillAName()
    {
        var model = AssertValid(Header + """
            type user
            type where
              relations
                define where: [user, where#where]
                define b: where or where from parent
                define parent: [where]
                define c: where where where
            condition where() { true }
            """);

        Relation(model, "where", "b").Rewrite.ShouldBeOfType<UnionUserset>().Children.Select(c => c.GetType())
            .ShouldBe([typeof(ComputedUserset), typeof(TupleToUserset)]);
        Relation(model, "where", "c").Rewrite.ShouldBe(new AttributeRuleUserset("where", "where") { Span = SourceSpan.OnLine(9, 15, 17) });
    }

    [Fact]
    public void Parse_TypeWithAttributesOnly_AndEveryAttributeType()
    {
        var model = AssertValid(Header + """
            type user
              attributes
                a: bool
                b: uint
                c: double
                d: duration
                e: timestamp
                f: ipaddress
                g: any
                h: map<int>
                i: list<any>
                type: string
                model: string
            type doc
            """);

        model.Types[0].Attributes.Select(a => a.Type.ToString())
            .ShouldBe(["bool", "uint", "double", "duration", "timestamp", "ipaddress", "any", "map<int>", "list<any>", "string", "string"]);
        model.Types[0].Relations.ShouldBeEmpty();
        model.Types[1].Name.ShouldBe("doc");
    }

    [Fact]
    public void Parse_ConditionWithoutParameters_IsAccepted()
    {
        var model = AssertValid(Header + "type user\ntype doc\n  relations\n    define a: user where c\ncondition c(\n) {\n  1 < 2\n}\n");

        var condition = model.Conditions.ShouldHaveSingleItem();
        condition.Parameters.ShouldBeEmpty();
        condition.Expression.ShouldBe("1 < 2");
    }

    [Theory]
    [InlineData("    define a: user#member where c\n", "6:19: an attribute rule names a plain type: write 'user where ...' without '#member' [syntax-error]")]
    [InlineData("    define a: user:* where c\n", "6:19: an attribute rule names a plain type: write 'user where ...' without ':*' [syntax-error]")]
    [InlineData("    define a: [user] where c\n", "6:22: unexpected 'where': an attribute rule is a type name, 'where' and a condition name, as in 'user where same_department' [syntax-error]")]
    [InlineData("    define a: a from b where c\n", "6:24: unexpected 'where': an attribute rule is a type name, 'where' and a condition name, as in 'user where same_department' [syntax-error]")]
    [InlineData("    define a: user where\n", "6:25: expected a condition name after 'where', found end of line [syntax-error]")]
    [InlineData("    define a: user where and\n", "6:26: expected a condition name after 'where', found 'and' ('and' is a keyword) [syntax-error]")]
    [InlineData("    define a: [user where c]\n", "6:21: an attribute rule is an operand of its own, not part of a type restriction: write it after the brackets, as in '[user] or user where same_department' [syntax-error]")]
    [InlineData("    define a: user where c where d\n", "6:28: unexpected 'where': an attribute rule is a type name, 'where' and a condition name, as in 'user where same_department' [syntax-error]")]
    public void Parse_BadRule_ReportsLineAndColumn(string relation, string problem) =>
        Problems(Header + "type user\ntype doc\n  relations\n" + relation + "condition c() { true }\n").ShouldBe([problem]);

    [Fact]
    public void Parse_RuleWithUndefinedTypeOrCondition_ReportsEach()
    {
        Problems(Header + """
            type user
            type doc
              relations
                define a: usr where c
                define b: [user] or user where d
            condition c() { true }
            """).ShouldBe(
        [
            "6:15: `usr` is not a valid type (in the attribute rule `usr where c` of `a` on type `doc`). [invalid-type]",
            "7:36: `d` is not a defined condition in the model (in the attribute rule `user where d` of `b` on type `doc`). [condition-not-defined]",
        ]);
    }

    [Fact]
    public void Parse_RuleOnARelationName_SaysTheTypeIsNotValid()
    {
        // 'owner where c' reads as a rule over a type named 'owner'.
        Problems(Header + "type user\ntype doc\n  relations\n    define owner: [user]\n    define a: owner where c\ncondition c() { true }\n")
            .ShouldBe(["7:15: `owner` is not a valid type (in the attribute rule `owner where c` of `a` on type `doc`). [invalid-type]"]);
    }

    [Fact]
    public void Parse_DuplicateRuleOperand_IsReported()
    {
        Problems(Header + "type user\ntype doc\n  relations\n    define a: user where c or user where c\ncondition c() { true }\n")
            .ShouldBe(["6:31: the partial relation definition `user where c` is a duplicate in the relation `a`. [duplicated-error]"]);
    }

    [Fact]
    public void Parse_ConditionUsedOnlyByARule_IsUsed()
    {
        Problems(Header + "type user\ntype doc\n  relations\n    define a: user where c\ncondition c() { true }\ncondition d() { true }\n")
            .ShouldBe(["8:11: `d` condition is not used in the model. [condition-not-used]"]);
    }

    [Fact]
    public void Parse_RuleIsAnEntryPoint()
    {
        AssertValid(Header + """
            type user
            type doc
              relations
                define blocked: user where c
                define viewer: blocked
                define both: blocked and viewer
                define except: blocked but not viewer
            type folder
              relations
                define parent: [doc]
                define viewer: blocked from parent
            condition c() { true }
            """);
        // An intersection with itself still needs itself: a loop, rule or not.
        Problems(Header + "type user\ntype doc\n  relations\n    define a: user where c and a\ncondition c() { true }\n")
            .ShouldBe(["6:12: `a` is an impossible relation for `doc`: it is defined only through itself (potential loop). [relation-no-entry-point]"]);
    }

    [Fact]
    public void Parse_AttributeProblems_AreReportedLineByLine()
    {
        Problems(Header + """
            type user
              attributes
                a: string
                b: foo
                c string
                d: list<map<int>>
                e: int extra
              relations
                define x: [user]
            """).ShouldBe(
        [
            "6:8: unknown attribute type 'foo': expected bool, string, int, uint, double, duration, timestamp, ipaddress, any, list<T> or map<T> [syntax-error]",
            "7:7: expected ':' after the attribute name, found 'string' [syntax-error]",
            "8:13: expected a scalar element type in list<...>, found 'map' [syntax-error]",
            "8:16: expected '>' to close list<...>, found '<' [syntax-error]",
            "9:12: unexpected 'extra': expected the end of the line [syntax-error]",
        ]);
    }

    [Fact]
    public void Parse_DuplicateOrBadAttributeName_IsReported()
    {
        Problems(Header + """
            type user
              attributes
                dept: string
                level: int
                dept: int
                my-attr: int
                while: int
            """).ShouldBe(
        [
            "7:5: attribute 'dept' is already defined in type 'user'. [duplicated-error]",
            "8:5: attribute 'my-attr' of type 'user' is not a valid name: use letters, digits and '_', not starting with a digit, and not a CEL keyword (conditions read it as subject.name and object.name). [invalid-name]",
            "9:5: attribute 'while' of type 'user' is not a valid name: use letters, digits and '_', not starting with a digit, and not a CEL keyword (conditions read it as subject.name and object.name). [invalid-name]",
        ]);
    }

    [Theory]
    [InlineData("type user\n  attributes\n  relations\n    define a: [user]\n", "5:3: expected an attribute 'name: type' after 'attributes' (line 4), found 'relations' [syntax-error]")]
    [InlineData("type user\n  attributes\ntype doc\n", "5:1: expected an attribute 'name: type' after 'attributes' (line 4), found 'type' [syntax-error]")]
    [InlineData("type user\n  relations\n    define a: [user]\n  attributes\n    x: int\n", "6:3: the 'attributes' block of type 'user' must come before its 'relations' block [syntax-error]")]
    [InlineData("type user\n  attributes\n    x: int\n    define a: [user]\n", "6:5: expected 'relations' before the relations of type 'user' [syntax-error]")]
    [InlineData("type user\n  attributes x\n", "4:14: unexpected 'x': expected the end of the line [syntax-error]")]
    public void Parse_MisplacedAttributesBlock_ReportsLineAndColumn(string types, string problem) =>
        Problems(Header + types).ShouldBe([problem]);

    [Fact]
    public void Parse_ErrorsInAttributesAndLaterDeclarations_AreAllReported()
    {
        var lines = Problems(Header + """
            type user
              attributes
                a: nope
            type doc
              relations
                define a: user#x where c
            condition c() { true }
            """).Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)]).ToList();

        lines.ShouldBe(["5", "8"]);
    }

    [Fact]
    public void ToDsl_Example_IsCanonicalAndRoundTrips()
    {
        var model = DslParser.Parse(Example).Model;

        var printed = ModelPrinter.ToDsl(model);

        printed.ShouldBe("""
            model
              schema 1.1

            type user
              attributes
                department: string
                clearance: int
                tags: list<string>

            type document
              attributes
                department: string
                classification: int
              relations
                define owner: [user]
                define viewer: [user] or owner or user where same_department
                define blocked: user where is_contractor
                define can_view: viewer but not blocked
                define can_edit: owner and user where cleared

            condition cleared() {
              subject.clearance >= object.classification
            }

            condition is_contractor(now: timestamp) {
              "contractor" in subject.tags
            }

            condition same_department() {
              subject.department == object.department
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        var reparsed = AssertValid(printed);
        ModelPrinter.ToDsl(reparsed).ShouldBe(printed);
        Strip(reparsed).ShouldBe(Strip(model) with { Conditions = Strip(model).Conditions.OrderBy(c => c.Name, StringComparer.Ordinal).ToList() }, new ModelComparer());
    }

    [Fact]
    public void ToJson_Example_WritesAttributesAndRules()
    {
        var json = JsonNode.Parse(ModelJson.Write(DslParser.Parse(Example).Model))!;

        var user = json["type_definitions"]![0]!;
        user["attributes"]!.ToJsonString().ShouldBe(
            """{"department":{"type_name":"TYPE_NAME_STRING"},"clearance":{"type_name":"TYPE_NAME_INT"},"tags":{"type_name":"TYPE_NAME_LIST","generic_types":[{"type_name":"TYPE_NAME_STRING"}]}}""");
        var relations = json["type_definitions"]![1]!["relations"]!;
        relations["blocked"]!.ToJsonString().ShouldBe("""{"attributeRule":{"subject_type":"user","condition":"is_contractor"}}""");
        relations["viewer"]!["union"]!["child"]![2]!.ToJsonString().ShouldBe("""{"attributeRule":{"subject_type":"user","condition":"same_department"}}""");
        json["conditions"]!["cleared"]!["parameters"]!.ToJsonString().ShouldBe("{}");
    }

    [Fact]
    public void ToJson_TypeWithoutAttributes_HasNoAttributesKey()
    {
        var json = JsonNode.Parse(AuthorizationModel.FromDsl(Header + "type user\ntype doc\n  relations\n    define a: [user]\n").ToJson())!;

        json["type_definitions"]!.AsArray().ShouldAllBe(t => !t!.AsObject().ContainsKey("attributes"));
    }

    [Fact]
    public void Json_Example_RoundTripsThroughDsl()
    {
        var dsl = ModelPrinter.ToDsl(DslParser.Parse(Example).Model);
        var json = ModelJson.Write(DslParser.Parse(dsl).Model);

        var (model, problems) = JsonModelReader.Read(json);

        problems.ShouldBeEmpty();
        ModelPrinter.ToDsl(model!).ShouldBe(dsl);
        ModelJson.Write(model!).ShouldBe(json);
    }

    [Fact]
    public void Json_ValidModel_RoundTripsEndToEnd()
    {
        var dsl = Header + "\ntype user\n  attributes\n    level: int\n\ntype doc\n  relations\n    define a: [user] or user where c\n\ncondition c(limit: int) {\n  limit > 1\n}\n";

        var model = AuthorizationModel.FromJson(AuthorizationModel.FromDsl(dsl).ToJson());

        model.ToDsl().ShouldBe(dsl);
    }

    [Fact]
    public void FromJson_SnakeCaseRule_IsRead()
    {
        var model = AuthorizationModel.FromJson("""
            {"schema_version": "1.1", "type_definitions": [{"type": "user", "attributes": {"level": {"type_name": "TYPE_NAME_ANY"}}},
              {"type": "doc", "relations": {"a": {"attribute_rule": {"subject_type": "user", "condition": "c"}}}}],
             "conditions": {"c": {"name": "c", "expression": "true"}}}
            """);

        model.Types[0].Attributes.ShouldHaveSingleItem().ToString().ShouldBe(new AttributeDefinition("level", new ConditionParameterType("any")).ToString());
        model.Types[1].Relations[0].Rewrite.ShouldBe(new AttributeRuleUserset("user", "c"));
    }

    [Theory]
    [InlineData("""{"type": "user", "attributes": []}""", "$.type_definitions[0].attributes: expected an object, found an array")]
    [InlineData("""{"type": "user", "attributes": {"a": "string"}}""", "$.type_definitions[0].attributes.a: expected an object, found a string")]
    [InlineData("""{"type": "user", "attributes": {"a": {"type_name": "TYPE_NAME_FOO"}}}""", "$.type_definitions[0].attributes.a.type_name: unknown parameter type 'TYPE_NAME_FOO'")]
    [InlineData("""{"type": "user", "attributes": {"a": {}}}""", "$.type_definitions[0].attributes.a.type_name: is required")]
    [InlineData("""{"type": "d", "relations": {"r": {"attributeRule": {"condition": "c"}}}}""", "$.type_definitions[0].relations.r.attributeRule.subject_type: is required")]
    [InlineData("""{"type": "d", "relations": {"r": {"attributeRule": {"subject_type": "user", "condition": 1}}}}""", "$.type_definitions[0].relations.r.attributeRule.condition: expected a string, found a number")]
    [InlineData("""{"type": "d", "relations": {"r": {"attributeRule": "user"}}}""", "$.type_definitions[0].relations.r.attributeRule: expected an object, found a string")]
    [InlineData("""{"type": "d", "relations": {"r": {"union": {"child": [{"attributeRule": {"subject_type": "user"}}]}}}}""", "$.type_definitions[0].relations.r.union.child[0].attributeRule.condition: is required")]
    public void FromJson_MalformedExtension_NamesTheJsonPath(string type, string message)
    {
        var result = ModelJson.Parse("""{"schema_version": "1.1", "type_definitions": [""" + type + "]}");

        result.Diagnostics.Select(d => d.Message).ShouldContain(message, string.Join("\n", result.Diagnostics));
        result.Diagnostics.ShouldAllBe(d => d.Code == "invalid-json");
    }

    [Fact]
    public void FromJson_SemanticProblemsOfTheExtension_AreReported()
    {
        var result = ModelJson.Parse("""
            {"schema_version": "1.1", "type_definitions": [
              {"type": "user", "attributes": {"a": {"type_name": "TYPE_NAME_LIST"}, "b c": {"type_name": "TYPE_NAME_INT"}, "d": {"type_name": "TYPE_NAME_INT"}, "d": {"type_name": "TYPE_NAME_INT"}}},
              {"type": "doc", "relations": {"r": {"attributeRule": {"subject_type": "user#member", "condition": "c"}}}}]}
            """);

        result.Diagnostics.Select(d => $"{d} [{d.Code}]").ShouldBe(
        [
            "attribute 'a' of type 'user' has the unsupported type 'list': use bool, string, int, uint, double, duration, timestamp, ipaddress, any, list<T> or map<T> of those. [invalid-attribute-type]",
            "attribute 'b c' of type 'user' is not a valid name: use letters, digits and '_', not starting with a digit, and not a CEL keyword (conditions read it as subject.name and object.name). [invalid-name]",
            "attribute 'd' is already defined in type 'user'. [duplicated-error]",
        ]);
        ModelJson.Parse("""{"schema_version": "1.1", "type_definitions": [{"type": "user"}, {"type": "doc", "relations": {"r": {"attributeRule": {"subject_type": "user#member", "condition": "c"}}}}]}""")
            .Diagnostics.Select(d => d.Code).ShouldBe(["invalid-type", "condition-not-defined"]);
    }

    private static AuthorizationModel Strip(AuthorizationModel model) => model with { Span = null };

    /// <summary>Compares models by their printed DSL and JSON, which covers every field but the source spans.</summary>
    private sealed class ModelComparer : IEqualityComparer<AuthorizationModel>
    {
        public bool Equals(AuthorizationModel? x, AuthorizationModel? y) =>
            x is not null && y is not null && ModelJson.Write(x) == ModelJson.Write(y);

        public int GetHashCode(AuthorizationModel obj) => 0;
    }
}
