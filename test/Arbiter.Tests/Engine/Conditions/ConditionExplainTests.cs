using static Arbiter.Tests.Engine.Conditions.ConditionFixtures;

namespace Arbiter.Tests.Engine.Conditions;

public class ConditionExplainTests
{
    [Fact]
    public void Explain_ConditionNode_NamesTheParametersAndRedactsTheValues()
    {
        var engine = NewEngine().With(Tuple("document:1#viewer@user:anne", "ip_in_range", Context(("cidr", "10.0.0.0/8"))));

        var decision = engine.Check("user:anne", "viewer", "document:1", Context(("user_ip", "10.1.2.3")), explain: true);

        decision.Allowed.ShouldBeTrue();
        var node = ConditionNodes(decision.Explanation!).Single();
        var condition = node.Condition.ShouldNotBeNull();
        condition.Name.ShouldBe("ip_in_range");
        condition.Status.ShouldBe(ConditionStatus.Met);
        condition.Inputs.Select(i => (i.Name, i.Source, i.Value)).ShouldBe([("user_ip", "request", "***"), ("cidr", "tuple", "***")]);
        node.Description.ShouldNotContain("10.");
        node.Tuple.ShouldNotBeNull().Condition!.Context!["cidr"].ShouldBe("***");
    }

    [Fact]
    public void Explain_WithValues_ShowsTheInputValues()
    {
        var engine = NewEngine().With(Tuple("document:1#viewer@user:anne", "x_less_than"));

        var decision = engine.Check("user:anne", "viewer", "document:1", Context(("x", 500L)), explain: true, values: true);

        var condition = ConditionNodes(decision.Explanation!).Single().Condition!;
        condition.Status.ShouldBe(ConditionStatus.NotMet);
        condition.Inputs.Single().ShouldBe(new ConditionInput("x", "request", "500"));
    }

    [Fact]
    public void Explain_MissingParameters_AreListed()
    {
        var engine = NewEngine().With(Tuple("document:1#viewer@user:anne", "ip_in_range"));

        var decision = engine.Check("user:anne", "viewer", "document:1", Context(("cidr", "10.0.0.0/8")), explain: true);

        decision.Allowed.ShouldBeFalse();
        decision.Error.ShouldNotBeNull();
        var condition = ConditionNodes(decision.Explanation!).Single().Condition!;
        condition.Status.ShouldBe(ConditionStatus.MissingParameters);
        condition.MissingParameters.ShouldBe(["user_ip"]);
    }

    [Fact]
    public void Explain_ConversionError_IsAnErrorNode()
    {
        var engine = NewEngine().With(Tuple("document:1#viewer@user:anne", "x_less_than"));

        var decision = engine.Check("user:anne", "viewer", "document:1", Context(("x", true)), explain: true);

        var condition = ConditionNodes(decision.Explanation!).Single().Condition!;
        condition.Status.ShouldBe(ConditionStatus.Error);
        condition.Error.ShouldNotBeNull().ShouldContain("'x'");
    }

    [Fact]
    public void Explain_AgreesWithCheck()
    {
        var engine = NewEngine().With(Tuple("document:1#viewer@group:eng#member", "x_less_than")).With("group:eng#member@user:anne");

        foreach (var x in new long[] { 1, 500 })
        {
            var plain = engine.Check("user:anne", "viewer", "document:1", Context(("x", x)));
            var explained = engine.Check("user:anne", "viewer", "document:1", Context(("x", x)), explain: true);
            explained.Allowed.ShouldBe(plain.Allowed);
            explained.Explanation!.Result.ShouldBe(plain.Allowed);
        }
    }

    private static IEnumerable<Explanation> ConditionNodes(Explanation node) =>
        (node.Kind == "condition" ? [node] : Enumerable.Empty<Explanation>()).Concat(node.Children.SelectMany(ConditionNodes));
}
