using Arbiter.Conditions;
using Arbiter.Model;
using Arbiter.Parsing;
using static Arbiter.Tests.Engine.Conditions.ConditionFixtures;

namespace Arbiter.Tests.Engine.Conditions;

public class ConditionValidationTests
{
    [Fact]
    public void Parse_CelTypeError_IsReportedAtItsLineAndColumnWithTheTypes()
    {
        const string dsl = """
            model
              schema 1.1
            type user
            type document
              relations
                define viewer: [user with c]
            condition c(x: int) {
              x + 'a' > 1
            }
            """;

        var diagnostic = ModelParser.Parse(dsl).Diagnostics.ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe(CelDiagnosticCodes.TypeError);
        diagnostic.Span.ShouldNotBeNull().Line.ShouldBe(8);
        diagnostic.Span!.Value.Column.ShouldBe(5);
        diagnostic.Message.ShouldContain("condition 'c'");
        diagnostic.Message.ShouldContain("'(int, string)'");
    }

    [Fact]
    public void Parse_CelSyntaxError_IsReportedInsideTheModelText()
    {
        const string dsl = """
            model
              schema 1.1
            type user
            type document
              relations
                define viewer: [user with c]
            condition c(x: int) {
              x < < 1
            }
            """;

        var diagnostic = ModelParser.Parse(dsl).Diagnostics.ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe(CelDiagnosticCodes.SyntaxError);
        diagnostic.Span.ShouldNotBeNull().Line.ShouldBe(8);
    }

    [Fact]
    public void Parse_ConditionThatIsNotABool_IsAnError()
    {
        const string dsl = """
            model
              schema 1.1
            type user
            type document
              relations
                define viewer: [user with c]
            condition c(x: int) {
              x + 1
            }
            """;

        var diagnostic = ModelParser.Parse(dsl).Diagnostics.ShouldHaveSingleItem();

        diagnostic.Message.ShouldContain("expected bool, found 'int'");
        diagnostic.Span.ShouldNotBeNull().Line.ShouldBe(8);
    }

    [Fact]
    public void Parse_NullComparisonsOnTimestamps_TypeCheckAsInCelGo()
    {
        const string dsl = """
            model
              schema 1.1
            type user
            type document
              relations
                define viewer: [user with c]
            condition c(t: timestamp, ip: ipaddress) {
              t != null && ip != null
            }
            """;

        ModelParser.Parse(dsl).Success.ShouldBeTrue();
    }

    [Fact]
    public void Create_ConditionBeyondTheEngineLimits_IsAModelError()
    {
        var options = new AuthorizationEngineOptions { Cel = new CelOptions { MaxExpressionLength = 5 } };

        Should.Throw<ModelValidationException>(() => NewEngine(options));
    }

    [Fact]
    public void Write_TupleContextWithAnUndeclaredParameter_IsRejected()
    {
        var error = Should.Throw<ArbiterException>(() => NewEngine().With(Tuple("document:1#viewer@user:anne", "x_less_than", Context(("y", 1L)))));

        error.Code.ShouldBe(ArbiterErrorCode.InvalidTuple);
        error.Message.ShouldContain("no parameter 'y'");
    }

    [Fact]
    public void Write_TupleContextOfTheWrongType_IsRejectedNamingTheParameter()
    {
        var error = Should.Throw<ArbiterException>(() => NewEngine().With(Tuple("document:1#viewer@user:anne", "x_less_than", Context(("x", "many")))));

        error.Code.ShouldBe(ArbiterErrorCode.InvalidTuple);
        error.Message.ShouldContain("'x'");
    }

    [Fact]
    public void Write_ConditionNotAllowedByTheRestriction_IsRejected() =>
        Should.Throw<ArbiterException>(() => NewEngine().With(Tuple("document:1#owner@user:anne", "x_less_than")))
            .Code.ShouldBe(ArbiterErrorCode.InvalidTuple);

    [Fact]
    public void Check_ContextWithTooManyEntries_IsRefused()
    {
        var engine = NewEngine(new AuthorizationEngineOptions { MaxContextEntries = 3 });
        var context = Context(("x", new List<object?> { 1L, 2L, 3L, 4L }));

        var error = Should.Throw<ArbiterException>(() => engine.Check("user:anne", "viewer", "document:1", context));

        error.Code.ShouldBe(ArbiterErrorCode.ValidationError);
        error.Message.ShouldContain("more than 3 entries");
    }

    [Fact]
    public void Check_ContextNestedTooDeep_IsRefused()
    {
        object? value = 1L;
        for (var i = 0; i < 20; i++)
        {
            value = new List<object?> { value };
        }

        Should.Throw<ArbiterException>(() => NewEngine().Check("user:anne", "viewer", "document:1", Context(("x", value))))
            .Message.ShouldContain("deeper than 8");
    }

    [Fact]
    public void Check_ContextWithAHugeString_IsRefused() =>
        Should.Throw<ArbiterException>(() => NewEngine().Check("user:anne", "viewer", "document:1", Context(("cidr", new string('a', 100_000)))))
            .Message.ShouldContain("65536");

    [Fact]
    public void Check_ConditionBeyondTheCostBudget_IsAnErrorNeverAnAllow()
    {
        const string dsl = """
            model
              schema 1.1
            type user
            type document
              relations
                define viewer: [user with big] or owner
                define owner: [user]
            condition big(xs: list<int>) {
              xs.all(a, xs.all(b, a + b >= 0))
            }
            """;
        var options = new AuthorizationEngineOptions { Cel = new CelOptions { MaxCost = 1_000 } };
        var engine = EngineFixtures.Engine(dsl, options).With(Tuple("document:1#viewer@user:anne", "big"));
        var xs = Enumerable.Range(0, 500).Select(i => (object?)(long)i).ToList();

        var decision = engine.Check("user:anne", "viewer", "document:1", Context(("xs", xs)));

        decision.Allowed.ShouldBeFalse();
        decision.Error.ShouldNotBeNull().Message.ShouldContain("condition 'big'");
    }

    [Fact]
    public void Check_ConditionThatFailsToEvaluate_InAUnionWithATrueBranch_Allows()
    {
        const string dsl = """
            model
              schema 1.1
            type user
            type document
              relations
                define viewer: [user with divides] or owner
                define owner: [user]
            condition divides(x: int) {
              100 / x > 1
            }
            """;
        var engine = EngineFixtures.Engine(dsl).With(Tuple("document:1#viewer@user:anne", "divides"));

        var failing = engine.Check("user:anne", "viewer", "document:1", Context(("x", 0L)));
        engine.Write([RelationshipTuple.Parse("document:1#owner@user:anne")]);
        var rescued = engine.Check("user:anne", "viewer", "document:1", Context(("x", 0L)));

        failing.Allowed.ShouldBeFalse();
        failing.Error.ShouldNotBeNull().Message.ShouldContain("divide by zero");
        rescued.Allowed.ShouldBeTrue();
    }

    [Fact]
    public void SetModel_RedefinedCondition_IsCompiledForTheNewVersion()
    {
        var engine = NewEngine().With(Tuple("document:1#viewer@user:anne", "x_less_than"));
        var model = EngineFixtures.Parse(ConditionFixtures.Model.Replace("x < 100", "x < 5", StringComparison.Ordinal));

        engine.Check("user:anne", "viewer", "document:1", Context(("x", 10L))).Allowed.ShouldBeTrue();
        engine.SetModel(model);
        engine.Check("user:anne", "viewer", "document:1", Context(("x", 10L))).Allowed.ShouldBeFalse();
    }
}
