namespace Arbiter.Tests.Engine;

public class AuthorizationEngineCheckTests
{
    [Fact]
    public void Check_DirectTuple_Allows() =>
        EngineFixtures.Engine().With("document:1#viewer@user:anne").Allows("user:anne", "viewer", "document:1").ShouldBeTrue();

    [Fact]
    public void Check_NoTuple_Denies() =>
        EngineFixtures.Engine().With("document:1#viewer@user:anne").Allows("user:bob", "viewer", "document:1").ShouldBeFalse();

    [Fact]
    public void Check_UnknownObject_Denies() =>
        EngineFixtures.Engine().With("document:1#viewer@user:anne").Allows("user:anne", "viewer", "document:2").ShouldBeFalse();

    [Fact]
    public void Check_ComputedRelation_Allows() =>
        EngineFixtures.Engine().With("document:1#owner@user:anne").Allows("user:anne", "viewer", "document:1").ShouldBeTrue();

    [Fact]
    public void Check_TupleToUsersetThroughParent_Allows() =>
        EngineFixtures.Engine()
            .With("document:1#parent@folder:a", "folder:a#parent@folder:root", "folder:root#viewer@user:anne")
            .Allows("user:anne", "viewer", "document:1").ShouldBeTrue();

    [Fact]
    public void Check_TupleToUserset_SkipsParentTypeWithoutTheRelation()
    {
        var engine = EngineFixtures.Engine("""
            model
              schema 1.1
            type user
            type team
            type folder
              relations
                define viewer: [user]
            type document
              relations
                define parent: [folder, team]
                define viewer: viewer from parent
            """).With("document:1#parent@team:x", "document:1#parent@folder:a", "folder:a#viewer@user:anne");

        engine.Allows("user:anne", "viewer", "document:1").ShouldBeTrue();
        engine.Allows("user:bob", "viewer", "document:1").ShouldBeFalse();
    }

    [Fact]
    public void Check_UnionOfBranches_AllowsThroughAnyBranch() =>
        EngineFixtures.Engine().With("document:1#editor@user:anne").Allows("user:anne", "viewer", "document:1").ShouldBeTrue();

    [Fact]
    public void Check_Intersection_RequiresEveryBranch()
    {
        var engine = EngineFixtures.Engine().With("document:1#editor@user:anne", "document:1#editor@user:bob", "document:1#approver@user:bob");

        engine.Allows("user:anne", "can_share", "document:1").ShouldBeFalse();
        engine.Allows("user:bob", "can_share", "document:1").ShouldBeTrue();
    }

    [Fact]
    public void Check_Exclusion_RemovesSubtractedSubjects()
    {
        var engine = EngineFixtures.Engine().With("document:1#viewer@user:anne", "document:1#viewer@user:bob", "document:1#blocked@user:bob");

        engine.Allows("user:anne", "can_view", "document:1").ShouldBeTrue();
        engine.Allows("user:bob", "can_view", "document:1").ShouldBeFalse();
    }

    [Fact]
    public void Check_Wildcard_AllowsEveryUserOfTheType() =>
        EngineFixtures.Engine().With("document:1#viewer@user:*").Allows("user:anyone", "viewer", "document:1").ShouldBeTrue();

    [Fact]
    public void Check_Wildcard_DoesNotGrantAUserset() =>
        EngineFixtures.Engine().With("document:1#viewer@user:*").Allows("group:eng#member", "viewer", "document:1").ShouldBeFalse();

    [Fact]
    public void Check_UsersetTuple_AllowsMembersOfNestedGroups() =>
        EngineFixtures.Engine()
            .With("document:1#viewer@group:eng#member", "group:eng#member@group:backend#member", "group:backend#member@user:anne")
            .Allows("user:anne", "viewer", "document:1").ShouldBeTrue();

    [Fact]
    public void Check_UsersetSubject_MatchesItsOwnUsersetTuple() =>
        EngineFixtures.Engine().With("document:1#viewer@group:eng#member").Allows("group:eng#member", "viewer", "document:1").ShouldBeTrue();

    [Fact]
    public void Check_UsersetSubjectAskingAboutItself_Allows() =>
        EngineFixtures.Engine().Allows("group:eng#member", "member", "group:eng").ShouldBeTrue();

    [Fact]
    public void Check_CycleOfUsersets_IsFalseNotError()
    {
        var decision = EngineFixtures.Engine()
            .With("group:a#member@group:b#member", "group:b#member@group:a#member")
            .Check("user:anne", "member", "group:a");

        decision.Allowed.ShouldBeFalse();
        decision.Error.ShouldBeNull();
    }

    [Fact]
    public void Check_CycleWithAnotherPath_StillAllows() =>
        EngineFixtures.Engine()
            .With("group:a#member@group:b#member", "group:b#member@group:a#member", "group:b#member@user:anne")
            .Allows("user:anne", "member", "group:a").ShouldBeTrue();

    [Fact]
    public void Check_DeeperThanTheLimit_ReturnsResolutionTooComplex()
    {
        var engine = EngineFixtures.Engine(options: new AuthorizationEngineOptions { MaxResolutionDepth = 3 })
            .With("group:a#member@group:b#member", "group:b#member@group:c#member", "group:c#member@group:d#member", "group:d#member@user:anne");

        var decision = engine.Check("user:anne", "member", "group:a");

        decision.Allowed.ShouldBeFalse();
        decision.Error.ShouldNotBeNull().Code.ShouldBe(ArbiterErrorCode.ResolutionTooComplex);
    }

    [Fact]
    public void Check_WithinTheLimit_Allows() =>
        EngineFixtures.Engine(options: new AuthorizationEngineOptions { MaxResolutionDepth = 4 })
            .With("group:a#member@group:b#member", "group:b#member@group:c#member", "group:c#member@group:d#member", "group:d#member@user:anne")
            .Allows("user:anne", "member", "group:a").ShouldBeTrue();

    [Fact]
    public void Check_Decision_CarriesModelIdAndRevision()
    {
        var engine = EngineFixtures.Engine().With("document:1#viewer@user:anne");

        var decision = engine.Check("user:anne", "viewer", "document:1");

        decision.ModelId.ShouldBe(engine.ModelId);
        decision.Revision.ShouldBe(1);
    }

    [Fact]
    public void Check_CommonOutcome_ReusesOneDecisionPerRevision()
    {
        var engine = EngineFixtures.Engine().With("document:1#viewer@user:anne");

        engine.Check("user:anne", "viewer", "document:1").ShouldBeSameAs(engine.Check("user:anne", "viewer", "document:1"));
    }

    [Fact]
    public async Task Check_DirectTuple_AllocatesNothing()
    {
        var engine = EngineFixtures.Engine().With("document:1#viewer@user:anne", "document:1#parent@folder:a", "folder:a#viewer@user:bob");
        var direct = CheckRequest.Create("user:anne", "viewer", "document:1");
        var nested = CheckRequest.Create("user:bob", "viewer", "document:1");
        for (var i = 0; i < 10; i++)
        {
            await engine.CheckAsync(direct);
            await engine.CheckAsync(nested);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _ = engine.CheckAsync(direct).Sync();
            _ = engine.CheckAsync(nested).Sync();
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.ShouldBe(0);
    }
}
