using Arbiter.Engine;
using Arbiter.Model;

namespace Arbiter.Tests.Engine;

public class AuthorizationEngineRequestTests
{
    [Fact]
    public void Check_UnknownObjectType_ThrowsTypeNotFound() =>
        Should.Throw<ArbiterException>(() => EngineFixtures.Engine().Check("user:anne", "viewer", "report:1"))
            .Code.ShouldBe(ArbiterErrorCode.TypeNotFound);

    [Fact]
    public void Check_UnknownRelation_ThrowsValidationErrorAsOpenFga() =>
        Should.Throw<ArbiterException>(() => EngineFixtures.Engine().Check("user:anne", "reader", "document:1"))
            .Code.ShouldBe(ArbiterErrorCode.ValidationError);

    [Fact]
    public void Check_UnknownSubjectType_ThrowsValidationError() =>
        Should.Throw<ArbiterException>(() => EngineFixtures.Engine().Check("employee:anne", "viewer", "document:1"))
            .Message.ShouldContain("employee");

    [Fact]
    public void Check_UnknownUsersetRelation_ThrowsValidationError() =>
        Should.Throw<ArbiterException>(() => EngineFixtures.Engine().Check("group:eng#owner", "viewer", "document:1"))
            .Code.ShouldBe(ArbiterErrorCode.ValidationError);

    [Fact]
    public void Check_ContextualTuple_CountsForTheRequest() =>
        EngineFixtures.Engine().Allows("user:anne", "viewer", "document:1", "document:1#viewer@user:anne").ShouldBeTrue();

    [Fact]
    public void Check_ContextualTuple_IsNotStored()
    {
        var engine = EngineFixtures.Engine();
        engine.Allows("user:anne", "viewer", "document:1", "document:1#viewer@user:anne");

        engine.Allows("user:anne", "viewer", "document:1").ShouldBeFalse();
        engine.Revision.ShouldBe(0);
    }

    [Fact]
    public void Check_ContextualTupleWithStoredTuples_CombinesThem() =>
        EngineFixtures.Engine().With("folder:a#viewer@user:anne")
            .Allows("user:anne", "viewer", "document:1", "document:1#parent@folder:a").ShouldBeTrue();

    [Fact]
    public void Check_InvalidContextualTuple_ThrowsInvalidTupleNamingIt()
    {
        var error = Should.Throw<ArbiterException>(() => EngineFixtures.Engine().Check("user:anne", "viewer", "document:1", "document:1#viewer@folder:x"));

        error.Code.ShouldBe(ArbiterErrorCode.InvalidTuple);
        error.Message.ShouldContain("document:1#viewer@folder:x");
    }

    [Fact]
    public void Check_ConditionalTupleWithoutItsParameter_FailsClosedWithAValidationError()
    {
        var engine = EngineFixtures.Engine(Conditional);
        engine.Write([RelationshipTuple.Create("document:1", "viewer", "user:anne", new TupleCondition("small"))]);

        var decision = engine.Check("user:anne", "viewer", "document:1");

        decision.Allowed.ShouldBeFalse();
        var error = decision.Error.ShouldNotBeNull();
        error.Code.ShouldBe(ArbiterErrorCode.ValidationError);
        error.Message.ShouldContain("missing context parameters 'x'");
    }

    [Fact]
    public void Check_ConditionalTupleInAUnion_AnotherTrueBranchStillAllows()
    {
        var engine = EngineFixtures.Engine(Conditional);
        engine.Write([RelationshipTuple.Create("document:1", "viewer", "user:anne", new TupleCondition("small")), RelationshipTuple.Parse("document:1#owner@user:anne")]);

        var decision = engine.Check("user:anne", "viewer", "document:1");

        decision.Allowed.ShouldBeTrue();
        decision.Error.ShouldBeNull();
    }

    [Fact]
    public void Check_ConditionEvaluator_DecidesConditionalTuples()
    {
        var options = new AuthorizationEngineOptions { ConditionEvaluator = new ContextFlagEvaluator() };
        var engine = EngineFixtures.Engine(Conditional, options);
        engine.Write([RelationshipTuple.Create("document:1", "viewer", "user:anne", new TupleCondition("small"))]);
        var request = CheckRequest.Create("user:anne", "viewer", "document:1");

        engine.CheckAsync(request with { Context = new Dictionary<string, object?> { ["x"] = true } }).Sync().Allowed.ShouldBeTrue();
        engine.CheckAsync(request with { Context = new Dictionary<string, object?> { ["x"] = false } }).Sync().Allowed.ShouldBeFalse();
    }

    private const string Conditional = """
        model
          schema 1.1
        type user
        type document
          relations
            define owner: [user]
            define viewer: [user with small] or owner
        condition small(x: bool) {
          x
        }
        """;

    private sealed class ContextFlagEvaluator : IConditionEvaluator
    {
        public ConditionOutcome Evaluate(ConditionDefinition condition, IReadOnlyDictionary<string, object?>? tupleContext, IReadOnlyDictionary<string, object?>? requestContext, ConditionTrace? trace) =>
            requestContext is not null && requestContext.TryGetValue("x", out var x) && x is bool b
                ? (b ? ConditionOutcome.Met : ConditionOutcome.NotMet)
                : ConditionOutcome.Failed("missing x");
    }
}
