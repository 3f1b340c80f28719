using static Arbiter.Tests.Engine.Conditions.ConditionFixtures;

namespace Arbiter.Tests.Engine.Conditions;

public class ConditionalCheckTests
{
    [Theory]
    [InlineData(10, true)]
    [InlineData(100, false)]
    public void Check_DirectConditionalTuple_FollowsTheCondition(long x, bool allowed) =>
        NewEngine().With(Tuple("document:1#viewer@user:anne", "x_less_than"))
            .Check("user:anne", "viewer", "document:1", Context(("x", x))).Allowed.ShouldBe(allowed);

    [Theory]
    [InlineData(10, true)]
    [InlineData(100, false)]
    public void Check_ConditionalUsersetTuple_FollowsTheCondition(long x, bool allowed)
    {
        var engine = NewEngine().With(Tuple("document:1#viewer@group:eng#member", "x_less_than")).With("group:eng#member@user:anne");

        engine.Check("user:anne", "viewer", "document:1", Context(("x", x))).Allowed.ShouldBe(allowed);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(100, false)]
    public void Check_ConditionalMembershipBehindAUserset_FollowsTheCondition(long x, bool allowed)
    {
        var engine = NewEngine().With("document:1#viewer@group:eng#member").With(Tuple("group:eng#member@user:anne", "x_less_than"));

        var decision = engine.Check("user:anne", "viewer", "document:1", Context(("x", x)));

        decision.Allowed.ShouldBe(allowed);
        decision.Error.ShouldBeNull();
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(100, false)]
    public void Check_ConditionalTupleToUsersetParent_FollowsTheCondition(long x, bool allowed)
    {
        var engine = NewEngine().With(Tuple("document:1#parent@folder:a", "x_less_than")).With("folder:a#viewer@user:anne");

        engine.Check("user:anne", "viewer", "document:1", Context(("x", x))).Allowed.ShouldBe(allowed);
    }

    [Fact]
    public void Check_ConditionalWildcard_FollowsTheCondition()
    {
        var engine = NewEngine().With(Tuple("document:1#viewer@user:*", "x_less_than"));

        engine.Check("user:zoe", "viewer", "document:1", Context(("x", 1L))).Allowed.ShouldBeTrue();
        engine.Check("user:zoe", "viewer", "document:1", Context(("x", 500L))).Allowed.ShouldBeFalse();
    }

    [Fact]
    public void Check_TupleContext_WinsOverTheRequestContext()
    {
        var engine = NewEngine().With(Tuple("document:1#viewer@user:anne", "x_less_than", Context(("x", 500L))));

        var decision = engine.Check("user:anne", "viewer", "document:1", Context(("x", 1L)));

        decision.Allowed.ShouldBeFalse();
        decision.Error.ShouldBeNull();
    }

    [Fact]
    public void Check_ParametersFromBothContexts_AreMerged()
    {
        var engine = NewEngine().With(Tuple("document:1#viewer@user:anne", "ip_in_range", Context(("cidr", "10.0.0.0/8"))));

        engine.Check("user:anne", "viewer", "document:1", Context(("user_ip", "10.1.2.3"))).Allowed.ShouldBeTrue();
        engine.Check("user:anne", "viewer", "document:1", Context(("user_ip", "192.168.1.1"))).Allowed.ShouldBeFalse();
    }

    [Fact]
    public void Check_MissingParameter_IsAValidationErrorNamingIt()
    {
        var engine = NewEngine().With(Tuple("document:1#viewer@user:anne", "ip_in_range", Context(("cidr", "10.0.0.0/8"))));

        var decision = engine.Check("user:anne", "viewer", "document:1", context: null);

        decision.Allowed.ShouldBeFalse();
        var error = decision.Error.ShouldNotBeNull();
        error.Code.ShouldBe(ArbiterErrorCode.ValidationError);
        error.Message.ShouldContain("missing context parameters 'user_ip'");
        error.Message.ShouldContain("document:1#viewer@user:anne");
    }

    [Fact]
    public void Check_MissingParameterNotNeeded_AnotherBranchAllows()
    {
        var engine = NewEngine().With(Tuple("document:1#viewer@user:anne", "x_less_than"), RelationshipTuple.Parse("document:1#owner@user:anne"));

        var decision = engine.Check("user:anne", "viewer", "document:1", context: null);

        decision.Allowed.ShouldBeTrue();
        decision.Error.ShouldBeNull();
    }

    [Fact]
    public void Check_MissingParameterInAnIntersectionWithAFalseBranch_IsFalse()
    {
        // editor: [user with x_less_than] and owner: without owner, the condition is not needed
        var engine = NewEngine().With(Tuple("document:1#editor@user:anne", "x_less_than"));

        var decision = engine.Check("user:anne", "editor", "document:1", context: null);

        decision.Allowed.ShouldBeFalse();
        decision.Error.ShouldBeNull();
    }

    [Fact]
    public void Check_MissingParameterInAnIntersectionThatNeedsIt_IsAnError()
    {
        var engine = NewEngine().With(Tuple("document:1#editor@user:anne", "x_less_than"), RelationshipTuple.Parse("document:1#owner@user:anne"));

        engine.Check("user:anne", "editor", "document:1", context: null).Error.ShouldNotBeNull().Code.ShouldBe(ArbiterErrorCode.ValidationError);
    }

    [Fact]
    public void Check_ExclusionWhoseBaseIsFalse_DoesNotNeedTheSubtractedCondition()
    {
        var engine = NewEngine().With(Tuple("document:1#blocked@user:anne", "x_less_than"));

        var decision = engine.Check("user:anne", "can_view", "document:1", context: null);

        decision.Allowed.ShouldBeFalse();
        decision.Error.ShouldBeNull();
    }

    [Fact]
    public void Check_ExclusionWhoseSubtractedConditionFails_IsAnErrorNeverAnAllow()
    {
        var engine = NewEngine().With(Tuple("document:1#blocked@user:anne", "x_less_than"), RelationshipTuple.Parse("document:1#owner@user:anne"));

        var decision = engine.Check("user:anne", "can_view", "document:1", context: null);

        decision.Allowed.ShouldBeFalse();
        decision.Error.ShouldNotBeNull();
    }

    [Fact]
    public void Check_ValueOfTheWrongType_IsAValidationErrorNamingTheParameter()
    {
        var engine = NewEngine().With(Tuple("document:1#viewer@user:anne", "x_less_than"));

        var decision = engine.Check("user:anne", "viewer", "document:1", Context(("x", "ten")));

        decision.Allowed.ShouldBeFalse();
        var error = decision.Error.ShouldNotBeNull();
        error.Code.ShouldBe(ArbiterErrorCode.ValidationError);
        error.Message.ShouldContain("parameter 'x'");
    }

    [Theory]
    [InlineData("10", true)]
    [InlineData(10.0, true)]
    [InlineData(10.5, false)]
    public void Check_NumbersConvertToTheDeclaredType_AsOpenFga(object value, bool converts)
    {
        var engine = NewEngine().With(Tuple("document:1#viewer@user:anne", "x_less_than"));

        var decision = engine.Check("user:anne", "viewer", "document:1", Context(("x", value)));

        decision.Allowed.ShouldBe(converts);
        (decision.Error is null).ShouldBe(converts);
    }

    [Fact]
    public void Check_ErrorOnOneUsersetTupleWhileAnotherMeetsItsCondition_IsNotAnError()
    {
        // OpenFGA's conditions-filtered iterator: an error counts only when no tuple of the read met its condition
        var engine = NewEngine()
            .With(Tuple("document:1#viewer@group:a#member", "x_less_than", Context(("x", 1L))), Tuple("document:1#viewer@group:b#member", "x_less_than"));

        var decision = engine.Check("user:anne", "viewer", "document:1", context: null);

        decision.Allowed.ShouldBeFalse();
        decision.Error.ShouldBeNull();
    }

    [Fact]
    public void Check_ContextualTupleWithACondition_IsEvaluated()
    {
        var engine = NewEngine();
        var contextual = Tuple("document:1#viewer@user:anne", "x_less_than");

        engine.Check("user:anne", "viewer", "document:1", Context(("x", 1L)), contextual: contextual).Allowed.ShouldBeTrue();
        engine.Check("user:anne", "viewer", "document:1", Context(("x", 200L)), contextual: contextual).Allowed.ShouldBeFalse();
        engine.Check("user:anne", "viewer", "document:1", null, contextual: contextual).Error.ShouldNotBeNull();
    }

    [Fact]
    public void Check_BatchOfConditionalChecks_EqualsSingleChecks()
    {
        var engine = NewEngine().With(Tuple("document:1#viewer@user:anne", "x_less_than"));
        CheckRequest Request(long x) => CheckRequest.Create("user:anne", "viewer", "document:1") with { Context = Context(("x", x)) };

        var decisions = engine.BatchCheckAsync([Request(1), Request(200), CheckRequest.Create("user:anne", "viewer", "document:1")]).Sync();

        decisions.Select(d => d.Allowed).ShouldBe([true, false, false]);
        decisions[2].Error.ShouldNotBeNull();
    }
}
