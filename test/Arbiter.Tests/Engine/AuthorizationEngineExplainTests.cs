namespace Arbiter.Tests.Engine;

public class AuthorizationEngineExplainTests
{
    [Fact]
    public void Check_WithExplain_NamesTheDecidingTuple()
    {
        var engine = EngineFixtures.Engine().With("document:1#viewer@user:anne");

        var decision = engine.CheckAsync(CheckRequest.Create("user:anne", "viewer", "document:1") with { Explain = true }).Sync();

        decision.Allowed.ShouldBeTrue();
        var root = decision.Explanation.ShouldNotBeNull();
        root.Description.ShouldBe("document:1#viewer");
        Flatten(root).Where(e => e.Kind == "tuple").Select(e => e.Tuple!.ToString()).ShouldBe(["document:1#viewer@user:anne"]);
    }

    [Fact]
    public void Check_WithExplain_NamesTheRewriteBranchesThroughParents()
    {
        var engine = EngineFixtures.Engine().With("document:1#parent@folder:a", "folder:a#viewer@user:anne");

        var root = engine.CheckAsync(CheckRequest.Create("user:anne", "viewer", "document:1") with { Explain = true }).Sync().Explanation.ShouldNotBeNull();

        var nodes = Flatten(root).ToList();
        nodes.ShouldContain(e => e.Kind == "union" && e.Result);
        nodes.ShouldContain(e => e.Kind == "tuple-to-userset" && e.Description == "viewer from parent" && e.Result);
        nodes.ShouldContain(e => e.Kind == "tuple" && e.Tuple!.ToString() == "document:1#parent@folder:a");
        nodes.ShouldContain(e => e.Kind == "tuple" && e.Tuple!.ToString() == "folder:a#viewer@user:anne");
    }

    [Fact]
    public void Check_WithExplain_ShowsWhyAnExclusionDenies()
    {
        var engine = EngineFixtures.Engine().With("document:1#viewer@user:bob", "document:1#blocked@user:bob");

        var decision = engine.CheckAsync(CheckRequest.Create("user:bob", "can_view", "document:1") with { Explain = true }).Sync();

        decision.Allowed.ShouldBeFalse();
        var exclusion = Flatten(decision.Explanation!).Single(e => e.Kind == "exclusion");
        exclusion.Result.ShouldBeFalse();
        exclusion.Children.Select(c => c.Result).ShouldBe([true, true]);
    }

    [Fact]
    public void Check_WithoutExplain_HasNoExplanation() =>
        EngineFixtures.Engine().With("document:1#viewer@user:anne").Check("user:anne", "viewer", "document:1").Explanation.ShouldBeNull();

    private static IEnumerable<Explanation> Flatten(Explanation node) => new[] { node }.Concat(node.Children.SelectMany(Flatten));
}
