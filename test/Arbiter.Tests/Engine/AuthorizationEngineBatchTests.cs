using FsCheck;
using FsCheck.Fluent;

namespace Arbiter.Tests.Engine;

public class AuthorizationEngineBatchTests
{
    private static readonly string[] Users = ["user:a", "user:b", "user:c", "user:*"];
    private static readonly string[] Relations = ["owner", "editor", "viewer", "blocked", "approver", "can_share", "can_view", "parent"];

    [Fact]
    public void BatchCheck_EqualsSingleChecks_ForAnyTuplesAndRequests()
    {
        var tupleGen = Gen.OneOf(
            Gen.Elements("document:1", "document:2", "document:3").SelectMany(d => Gen.Elements("owner", "editor", "viewer", "blocked", "approver")
                .SelectMany(r => Gen.Elements("user:a", "user:b", "user:c").Select(u => $"{d}#{r}@{u}"))),
            Gen.Elements("document:1", "document:2", "document:3").SelectMany(d => Gen.Elements("folder:x", "folder:y").Select(f => $"{d}#parent@{f}")),
            Gen.Elements("folder:x", "folder:y").SelectMany(f => Gen.Elements("folder:x", "folder:y").Select(p => $"{f}#parent@{p}")),
            Gen.Elements("folder:x", "folder:y").SelectMany(f => Gen.Elements("user:a", "user:b", "user:*", "group:g1#member").Select(u => $"{f}#viewer@{u}")),
            Gen.Elements("group:g1", "group:g2").SelectMany(g => Gen.Elements("user:a", "user:c", "group:g1#member", "group:g2#member").Select(u => $"{g}#member@{u}")),
            Gen.Elements("document:1", "document:2", "document:3").SelectMany(d => Gen.Elements("group:g1#member", "group:g2#member", "user:*").Select(u => $"{d}#viewer@{u}")));
        var requestGen = Gen.Elements(Users.Concat(["group:g1#member"]).ToArray()).SelectMany(u =>
            Gen.Elements(Relations).SelectMany(r => Gen.Elements("document:1", "document:2", "document:3", "document:4").Select(d => (u, r, d))));
        var scenario = Gen.ListOf(tupleGen).SelectMany(t => Gen.ListOf(requestGen).Select(r => (Tuples: t.Distinct().ToArray(), Requests: r.ToArray())));

        Prop.ForAll(Arb.From(scenario), s =>
        {
            var engine = EngineFixtures.Engine(options: new AuthorizationEngineOptions { MaxResolutionDepth = 4 });
            var tuples = s.Tuples.Select(RelationshipTuple.Parse).ToList();
            engine.Write(tuples);
            var requests = s.Requests.Select(r => CheckRequest.Create(r.u, r.r, r.d)).ToList();
            var batch = engine.BatchCheckAsync(requests).Sync();
            for (var i = 0; i < requests.Count; i++)
            {
                var single = Single(engine, requests[i]);
                if (single != (batch[i].Allowed, batch[i].Error?.Code))
                {
                    return false;
                }
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void BatchCheck_RequestThatSingleCheckWouldReject_GetsAnErrorDecision()
    {
        var engine = EngineFixtures.Engine().With("document:1#viewer@user:anne");

        var decisions = engine.BatchCheckAsync([CheckRequest.Create("user:anne", "viewer", "document:1"), CheckRequest.Create("user:anne", "viewer", "report:1")]).Sync();

        decisions[0].Allowed.ShouldBeTrue();
        decisions[1].Allowed.ShouldBeFalse();
        decisions[1].Error.ShouldNotBeNull().Code.ShouldBe(ArbiterErrorCode.TypeNotFound);
    }

    [Fact]
    public void BatchCheck_SharedParents_AnswersEveryDocument()
    {
        var engine = EngineFixtures.Engine().With("folder:root#viewer@user:anne");
        engine.Write(Enumerable.Range(0, 50).Select(i => RelationshipTuple.Parse($"document:{i}#parent@folder:root")).ToList());

        var decisions = engine.BatchCheckAsync(Enumerable.Range(0, 50).Select(i => CheckRequest.Create("user:anne", "viewer", $"document:{i}")).ToList()).Sync();

        decisions.ShouldAllBe(d => d.Allowed);
    }

    [Fact]
    public void ListActions_ReturnsTheRelationsThatHold_InModelOrder()
    {
        var engine = EngineFixtures.Engine().With("document:1#editor@user:anne", "document:1#approver@user:anne");

        var actions = engine.ListActionsAsync(new ListActionsRequest(SubjectRef.Parse("user:anne"), ObjectRef.Parse("document:1"))).Sync();

        actions.ShouldBe(["editor", "viewer", "approver", "can_share", "can_view"]);
    }

    [Fact]
    public void ListActions_UnknownType_ThrowsTypeNotFound() =>
        Should.Throw<ArbiterException>(() => EngineFixtures.Engine().ListActionsAsync(new ListActionsRequest(SubjectRef.Parse("user:anne"), ObjectRef.Parse("report:1"))))
            .Code.ShouldBe(ArbiterErrorCode.TypeNotFound);

    private static (bool, ArbiterErrorCode?) Single(AuthorizationEngine engine, CheckRequest request)
    {
        try
        {
            var d = engine.CheckAsync(request).Sync();
            return (d.Allowed, d.Error?.Code);
        }
        catch (ArbiterException e)
        {
            return (false, e.Code);
        }
    }
}
