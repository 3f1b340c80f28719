using Arbiter.Model;
using Arbiter.Parsing;

namespace Arbiter.Tests.Parsing;

public class ModelParserTests
{
    private const string Header = "model\n  schema 1.1\n";

    private static AuthorizationModel ParseValid(string dsl)
    {
        var result = ModelParser.Parse(dsl);
        result.Diagnostics.ShouldBeEmpty(string.Join("\n", result.Diagnostics));
        result.Success.ShouldBeTrue();
        return result.Model!;
    }

    private static List<string> Restrictions(RelationDefinition relation) => relation.DirectlyRelatedTypes.Select(r => r.ToString()).ToList();

    private static RelationDefinition Relation(AuthorizationModel model, string type, string relation) =>
        model.Types.Single(t => t.Name == type).Relations.Single(r => r.Name == relation);

    [Fact]
    public void Parse_HeaderOnly_ReadsSchemaVersion()
    {
        var model = ParseValid(Header);

        model.SchemaVersion.ShouldBe("1.1");
        model.Types.ShouldBeEmpty();
        model.Span.ShouldBe(new SourceSpan(1, 1, 2, 13));
    }

    [Fact]
    public void Parse_DirectTypeRestrictions_ReadsEveryForm()
    {
        var model = ParseValid(Header + """
            type user
            type group
              relations
                define member: [user, user:*, group#member, user with ok, user:* with ok, group#member with ok]
            condition ok(x: int) {
              x < 1
            }
            """);

        var member = Relation(model, "group", "member");
        member.Rewrite.ShouldBeOfType<DirectUserset>();
        member.DirectlyRelatedTypes.Select(r => r with { Span = null }).ShouldBe(
        [
            new RelationReference("user"),
            new RelationReference("user", Wildcard: true),
            new RelationReference("group", "member"),
            new RelationReference("user", Condition: "ok"),
            new RelationReference("user", Wildcard: true, Condition: "ok"),
            new RelationReference("group", "member", Condition: "ok"),
        ]);
        member.DirectlyRelatedTypes[2].Span.ShouldBe(new SourceSpan(6, 35, 6, 47));
    }

    [Fact]
    public void Parse_Operators_BuildRewriteTrees()
    {
        var model = ParseValid(Header + """
            type user
            type folder
              relations
                define viewer: [user]
            type doc
              relations
                define parent: [folder]
                define owner: [user]
                define editor: [user] or owner
                define viewer: editor or viewer from parent
                define both: editor and owner
                define cannot: viewer but not owner
                define nested: ([user] or owner) and (editor but not (viewer or both))
            """);

        Relation(model, "doc", "editor").Rewrite.ShouldBeOfType<UnionUserset>().Children.Select(c => c.GetType()).ShouldBe([typeof(DirectUserset), typeof(ComputedUserset)]);
        var ttu = Relation(model, "doc", "viewer").Rewrite.ShouldBeOfType<UnionUserset>().Children[1].ShouldBeOfType<TupleToUserset>();
        ttu.Tupleset.ShouldBe("parent");
        ttu.ComputedRelation.ShouldBe("viewer");
        Relation(model, "doc", "both").Rewrite.ShouldBeOfType<IntersectionUserset>().Children.Count.ShouldBe(2);
        var difference = Relation(model, "doc", "cannot").Rewrite.ShouldBeOfType<DifferenceUserset>();
        difference.Base.ShouldBeOfType<ComputedUserset>().Relation.ShouldBe("viewer");
        difference.Subtract.ShouldBeOfType<ComputedUserset>().Relation.ShouldBe("owner");
        difference.Span.ShouldBe(new SourceSpan(14, 20, 14, 40));
        var nested = Relation(model, "doc", "nested").Rewrite.ShouldBeOfType<IntersectionUserset>();
        nested.Children[0].ShouldBeOfType<UnionUserset>().Children[0].ShouldBeOfType<DirectUserset>();
        nested.Children[1].ShouldBeOfType<DifferenceUserset>().Subtract.ShouldBeOfType<UnionUserset>();
        Restrictions(Relation(model, "doc", "nested")).ShouldBe(["user"]);
    }

    [Fact]
    public void Parse_Condition_KeepsExpressionTextAndSpans()
    {
        var model = ParseValid(Header + """
            type user
            type doc
              relations
                define viewer: [user with in_range]
            condition in_range(x: int, names: list<string>, limits: map<double>, ip: ipaddress, at: timestamp, d: duration, u: uint, b: bool) {
              x < 100 && "}" != '{'
                && ip.in_cidr("10.0.0.0/8")
            }
            """);

        var condition = model.Conditions.ShouldHaveSingleItem();
        condition.Name.ShouldBe("in_range");
        condition.Expression.ShouldBe("x < 100 && \"}\" != '{'\n    && ip.in_cidr(\"10.0.0.0/8\")");
        condition.ExpressionSpan!.Value.Line.ShouldBe(8);
        condition.ExpressionSpan!.Value.Column.ShouldBe(3);
        condition.Span.ShouldBe(SourceSpan.OnLine(7, 11, 8));
        condition.Parameters.Select(p => p.Type.ToString()).ShouldBe(["int", "list<string>", "map<double>", "ipaddress", "timestamp", "duration", "uint", "bool"]);
    }

    [Fact]
    public void Parse_CommentsAndBlankLines_AreIgnored()
    {
        var model = ParseValid("""
            # leading comment
            model
              # inside the header
              schema 1.1

            type user # trailing comment
            # between types

            type doc
              relations
                # before a relation
                define viewer: [user, doc#viewer] # after a relation

                define editor: [user]
            """);

        model.Types.Select(t => t.Name).ShouldBe(["user", "doc"]);
        Restrictions(Relation(model, "doc", "viewer")).ShouldBe(["user", "doc#viewer"]);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("_.a_/_b._")]
    [InlineData("asset-category")]
    [InlineData("model")]
    [InlineData("extend")]
    [InlineData("list")]
    public void Parse_ExtendedIdentifiersAndSoftKeywords_AreNames(string name)
    {
        var model = ParseValid(Header + $"type user\ntype {name}\n  relations\n    define {name}: [user, {name}#{name}]\n");

        Restrictions(Relation(model, name, name)).ShouldBe(["user", name + "#" + name]);
    }

    [Fact]
    public void Parse_WindowsLineEndings_AreAccepted()
    {
        var model = ParseValid("model\r\n  schema 1.1\r\ntype user\r\ntype doc\r\n  relations\r\n    define viewer: [user]\r\n");

        Relation(model, "doc", "viewer").Span.ShouldBe(SourceSpan.OnLine(6, 12, 6));
    }

    [Fact]
    public void Parse_MultiLineTypeRestriction_IsAccepted()
    {
        var model = ParseValid(Header + "type user\ntype team\n  relations\n    define member: [\n      user,\n      team#member\n    ]\n");

        Relation(model, "team", "member").DirectlyRelatedTypes.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("type user\n", 1, 1)]
    [InlineData("model\ntype user\n", 2, 1)]
    [InlineData("model\n  schema 11\n", 2, 10)]
    [InlineData(Header + "type user\n  relations\n    define viewer [user]\n", 5, 19)]
    [InlineData(Header + "type user\n  relations\n    define viewer: [user] and member or owner\n", 5, 38)]
    [InlineData(Header + "type user\n  relations\n    define viewer: member or [user]\n", 5, 30)]
    [InlineData(Header + "type user\n  relations\n    define viewer: [user:*:*]\n", 5, 27)]
    [InlineData(Header + "type user\n    define viewer: [user]\n", 4, 5)]
    [InlineData(Header + "type user\ncondition c(x: map<list>) {\n  x\n}\n", 4, 20)]
    [InlineData(Header + "type user\ncondition c(x: int) {\n  x\n", 4, 21)]
    [InlineData(Header + "type usér\n", 3, 8)]
    public void Parse_SyntaxError_ReportsLineAndColumn(string dsl, int line, int column)
    {
        var result = ModelParser.Parse(dsl);

        result.Success.ShouldBeFalse();
        result.Model.ShouldBeNull();
        var first = result.Diagnostics[0];
        first.Code.ShouldBe("syntax-error");
        (first.Span!.Value.Line, first.Span!.Value.Column).ShouldBe((line, column), first.ToString());
    }

    [Fact]
    public void Parse_ErrorsInSeveralDeclarations_ReportsEachOne()
    {
        var dsl = Header + """
            type user
            type group
              relations
                define member: [user
                define viewer: member
            type doc
              relations
                define viewer: [user] and editor or owner
            condition c(x: int y: int) {
              x < y
            }
            type folder
              relations
                define a: [user] but not
            """;

        var result = ModelParser.Parse(dsl, "models/app.fga");

        result.Diagnostics.Select(d => d.Span!.Value.Line).ShouldBe([7, 10, 11, 12, 16]);
        result.Diagnostics.ShouldAllBe(d => d.Source == "models/app.fga");
        result.Diagnostics[0].Message.ShouldContain("is not closed");
        result.Diagnostics[0].ToString().ShouldStartWith("models/app.fga:7:5: ");
    }

    [Fact]
    public void Parse_SemanticErrors_AreReportedWithPositions()
    {
        var result = ModelParser.Parse(Header + "type user\ntype doc\n  relations\n    define viewer: [usr] or editor\n");

        result.Diagnostics.Select(d => (d.Code, d.Span!.Value.Line, d.Span!.Value.Column)).OrderBy(d => d.Column).ShouldBe(
        [
            ("invalid-type", 6, 21),
            ("missing-definition", 6, 29),
        ]);
    }

    [Fact]
    public void Parse_InputOverTheLimit_IsRefused()
    {
        var result = ModelParser.Parse(Header + new string(' ', 100), new ModelParseOptions { MaxLength = 50 });

        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("input-too-large");
    }

    [Fact]
    public void Parse_DeepParentheses_AreRefusedWithoutStackOverflow()
    {
        var dsl = Header + "type user\ntype doc\n  relations\n    define a: [user]\n    define b: " + new string('(', 100_000) + "a" + new string(')', 100_000) + "\n";

        var result = ModelParser.Parse(dsl);

        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("nesting-too-deep");
    }

    [Fact]
    public void Parse_ModuleFile_IsReportedAsUnsupported()
    {
        var result = ModelParser.Parse("module core\n\ntype user\n\nextend type doc\n");

        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("schema-version-required");
    }

    [Fact]
    public void Parse_ExtendInAModel_IsAnError()
    {
        var result = ModelParser.Parse(Header + "extend type user\n");

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("modular model");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("model")]
    [InlineData("model\n  schema")]
    [InlineData("model\n  schema 1.1\ntype")]
    [InlineData("model\n  schema 1.1\ntype a\n  relations\n    define")]
    [InlineData("model\n  schema 1.1\ntype a\n  relations\n    define b: [")]
    [InlineData("model\n  schema 1.1\ntype a\n  relations\n    define b: (((")]
    [InlineData("model\n  schema 1.1\ncondition")]
    [InlineData("model\n  schema 1.1\ncondition c(")]
    [InlineData("model\n  schema 1.1\ncondition c(x: list<")]
    [InlineData("model\n  schema 1.1\ncondition c(x: int) {\n \"unterminated }")]
    [InlineData("\0\uffff\ud800#[]:*")]
    public void Parse_TruncatedOrGarbageInput_ReportsProblemsWithoutThrowing(string dsl)
    {
        var result = ModelParser.Parse(dsl);

        result.Success.ShouldBeFalse();
        result.Diagnostics.ShouldNotBeEmpty();
        result.Diagnostics.ShouldAllBe(d => d.Span != null);
    }
}
