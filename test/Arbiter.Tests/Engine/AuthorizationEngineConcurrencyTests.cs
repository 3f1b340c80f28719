namespace Arbiter.Tests.Engine;

public class AuthorizationEngineConcurrencyTests
{
    [Fact]
    public async Task Check_WhileWritesLand_SeesOneRevision()
    {
        var engine = EngineFixtures.Engine();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        const int Writes = 400;

        var writer = Task.Run(() =>
        {
            for (var i = 0; i < Writes; i++)
            {
                // Each write grants both relations at once: a reader must never see one without the other.
                engine.Write([RelationshipTuple.Parse($"document:{i}#owner@user:anne"), RelationshipTuple.Parse($"document:{i}#approver@user:anne")]);
            }
        });
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            long lastRevision = 0;
            var violations = 0;
            while (!writer.IsCompleted && !cts.IsCancellationRequested)
            {
                var n = Random.Shared.Next(Writes);
                var decisions = engine.BatchCheckAsync(
                [
                    CheckRequest.Create("user:anne", "owner", $"document:{n}"),
                    CheckRequest.Create("user:anne", "approver", $"document:{n}"),
                    CheckRequest.Create("user:anne", "can_share", $"document:{n}"),
                ]).Sync();
                if (decisions[0].Allowed != decisions[1].Allowed || decisions[0].Allowed != decisions[2].Allowed
                    || decisions[0].Revision != decisions[2].Revision || decisions[0].Revision < lastRevision)
                {
                    violations++;
                }
                lastRevision = decisions[0].Revision;
            }
            return violations;
        })).ToList();

        await writer;
        var results = await Task.WhenAll(readers);

        results.ShouldAllBe(v => v == 0);
        engine.Revision.ShouldBe(Writes);
    }

    [Fact]
    public async Task Check_WhileTheModelChanges_UsesOneModelVersionPerDecision()
    {
        var engine = EngineFixtures.Engine().With("document:1#viewer@user:anne");
        var model = EngineFixtures.Parse(EngineFixtures.Documents);
        var changer = Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                engine.SetModel(model);
            }
        });

        while (!changer.IsCompleted)
        {
            var decision = engine.Check("user:anne", "viewer", "document:1");
            decision.Allowed.ShouldBeTrue();
            decision.ModelId.ShouldNotBeNull();
        }
        await changer;
    }
}
