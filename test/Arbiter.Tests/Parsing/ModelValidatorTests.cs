using Arbiter.Model;
using Arbiter.Parsing;

namespace Arbiter.Tests.Parsing;

public class ModelValidatorTests
{
    private static readonly TypeDefinition User = new("user", []);

    private static RelationDefinition Direct(string name, params RelationReference[] types) => new(name, new DirectUserset(), types);

    private static AuthorizationModel Model(params TypeDefinition[] types) => new() { Types = types };

    private static List<string> Codes(AuthorizationModel model) => ModelValidator.Validate(model).Select(d => d.Code).ToList();

    [Fact]
    public void Validate_ValidModelBuiltInCode_HasNoProblems()
    {
        var model = Model(User,
            new TypeDefinition("folder", [Direct("viewer", new RelationReference("user"))]),
            new TypeDefinition("doc",
            [
                Direct("parent", new RelationReference("folder")),
                new RelationDefinition("viewer", new UnionUserset([new DirectUserset(), new TupleToUserset("parent", "viewer")]), [new RelationReference("user", Wildcard: true)]),
            ]));

        ModelValidator.Validate(model).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("self", "reserved-type-keywords")]
    [InlineData("this", "reserved-type-keywords")]
    [InlineData("a b", "invalid-name")]
    [InlineData("a:b", "invalid-name")]
    [InlineData("", "invalid-name")]
    public void Validate_BadTypeName_IsReported(string name, string code) =>
        Codes(Model(User, new TypeDefinition(name, []))).ShouldBe([code]);

    [Fact]
    public void Validate_NamesWithoutSpans_HaveNoPosition()
    {
        var problem = ModelValidator.Validate(Model(new TypeDefinition("self", []))).ShouldHaveSingleItem();

        problem.Span.ShouldBeNull();
        problem.Symbol.ShouldBe("self");
    }

    [Fact]
    public void Validate_DuplicateRelation_IsReported() =>
        Codes(Model(User, new TypeDefinition("doc", [Direct("v", new RelationReference("user")), Direct("v", new RelationReference("user"))])))
            .ShouldBe(["duplicated-error"]);

    [Theory]
    [InlineData("", "schema-version-required")]
    [InlineData("1.0", "invalid-schema")]
    [InlineData("2.0", "invalid-schema")]
    public void Validate_UnsupportedSchema_IsReported(string version, string code) =>
        Codes(Model(User) with { SchemaVersion = version }).ShouldBe([code]);

    [Fact]
    public void Validate_UndefinedReferences_AreAllReported()
    {
        var model = Model(User, new TypeDefinition("doc",
        [
            Direct("a", new RelationReference("nobody"), new RelationReference("user", "missing"), new RelationReference("user", Condition: "nope")),
            new RelationDefinition("b", new ComputedUserset("zzz"), []),
            new RelationDefinition("c", new TupleToUserset("nothing", "a"), []),
            new RelationDefinition("d", new DirectUserset(), []),
        ]));

        Codes(model).Order().ShouldBe(["assignable-relation-must-have-type", "condition-not-defined", "invalid-relation-type", "invalid-relation-type", "invalid-type", "missing-definition"]);
    }

    [Fact]
    public void Validate_TuplesetThatIsNotDirect_IsReported()
    {
        var model = Model(User, new TypeDefinition("folder",
        [
            Direct("parent", new RelationReference("folder")),
            new RelationDefinition("ancestor", new ComputedUserset("parent"), []),
            Direct("wild", new RelationReference("folder", Wildcard: true)),
            new RelationDefinition("viewer", new UnionUserset([new DirectUserset(), new TupleToUserset("ancestor", "viewer"), new TupleToUserset("wild", "viewer")]), [new RelationReference("user")]),
        ]));

        Codes(model).ShouldBe(["tupleuserset-not-direct", "tupleuserset-not-direct"]);
    }

    [Fact]
    public void Validate_TupleToUsersetTargetMissingOnEveryType_IsReportedPerType()
    {
        var model = Model(User, new TypeDefinition("a", []), new TypeDefinition("b", []), new TypeDefinition("doc",
        [
            Direct("parent", new RelationReference("a"), new RelationReference("b")),
            new RelationDefinition("viewer", new TupleToUserset("parent", "viewer"), []),
        ]));

        Codes(model).ShouldBe(["invalid-relation-on-tupleset", "invalid-relation-on-tupleset"]);
    }

    [Fact]
    public void Validate_Duplicates_AreReported()
    {
        var model = Model(User, User, new TypeDefinition("doc",
        [
            Direct("a", new RelationReference("user"), new RelationReference("user")),
            new RelationDefinition("b", new UnionUserset([new ComputedUserset("a"), new ComputedUserset("a")]), []),
            new RelationDefinition("c", new DifferenceUserset(new ComputedUserset("a"), new ComputedUserset("a")), []),
        ]));

        Codes(model).ShouldBe(["duplicated-error", "duplicated-error", "duplicated-error", "duplicated-error"]);
    }

    [Fact]
    public void Validate_RelationsWithoutEntryPoint_AreReported()
    {
        var model = Model(User, new TypeDefinition("doc",
        [
            new RelationDefinition("x", new ComputedUserset("y"), []),
            new RelationDefinition("y", new ComputedUserset("x"), []),
            Direct("self_only", new RelationReference("doc", "self_only")),
            Direct("ok", new RelationReference("user")),
            new RelationDefinition("both", new IntersectionUserset([new ComputedUserset("ok"), new ComputedUserset("x")]), []),
        ]));

        var problems = ModelValidator.Validate(model);

        problems.Select(p => p.Symbol).Order(StringComparer.Ordinal).ShouldBe(["both", "self_only", "x", "y"]);
        problems.ShouldAllBe(p => p.Code == "relation-no-entry-point");
        problems.Single(p => p.Symbol == "x").Message.ShouldContain("loop");
        problems.Single(p => p.Symbol == "self_only").Message.ShouldContain("no entrypoint");
    }

    [Fact]
    public void Validate_LongChainOfRelations_IsFast()
    {
        var relations = Enumerable.Range(0, 3000).Select(i => new RelationDefinition("r" + i, new ComputedUserset("r" + (i + 1)), [])).ToList();
        relations.Add(Direct("r3000", new RelationReference("user")));

        ModelValidator.Validate(Model(User, new TypeDefinition("doc", relations))).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_Conditions_ChecksDefinitionsAndUse()
    {
        var model = Model(User, new TypeDefinition("doc", [Direct("a", new RelationReference("user", Condition: "used"))])) with
        {
            Conditions =
            [
                new ConditionDefinition("used", "x < 1", [new ConditionParameter("x", new("int")), new ConditionParameter("x", new("int"))]),
                new ConditionDefinition("unused", "true", [new ConditionParameter("y", new("list", [new ConditionParameterType("list", [new("int")])]))]),
                new ConditionDefinition("empty", " ", []),
            ],
        };

        Codes(model).ShouldBe(["duplicated-error", "invalid-condition-parameter-type", "condition-expression-empty"]);
        Codes(model with { Conditions = [model.Conditions[0] with { Parameters = [new ConditionParameter("x", new("int"))] }, new ConditionDefinition("unused", "true", [])] })
            .ShouldBe(["condition-not-used"]);
    }

    [Fact]
    public void Validate_ForeignRewriteKind_IsReportedNotThrown()
    {
        var model = Model(User, new TypeDefinition("doc", [new RelationDefinition("a", new ForeignUserset(), [])]));

        Codes(model).ShouldContain("unsupported-rewrite");
    }

    [Fact]
    public void Validate_NullCollections_AreTreatedAsEmpty()
    {
        var model = new AuthorizationModel { Types = [new TypeDefinition("user", null!)], Conditions = null! };

        ModelValidator.Validate(model).ShouldBeEmpty();
    }

    private sealed record ForeignUserset : Userset;
}
