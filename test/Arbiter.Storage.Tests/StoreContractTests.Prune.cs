using Arbiter.Storage.Tests.Support;
using static Arbiter.Storage.Tests.Support.Tuples;

namespace Arbiter.Storage.Tests;

public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task PruneChanges_ThroughARevision_KeepsTheLaterFeed_TheStateAndTheRevision()
    {
        var model = await Store.WriteModelAsync(StoreId, Model);                                                      // 1
        await Store.WriteAsync(StoreId, Write(T("document:1#viewer@user:anne"), T("document:2#viewer@user:bob")));  // 2
        await Store.WriteAsync(StoreId, new StoreWrite { SetAttributes = [new EntityAttributes(new ObjectRef("user", "anne"), new Dictionary<string, object?> { ["department"] = "eng" })] }); // 3
        await Store.WriteAsync(StoreId, Delete(T("document:1#viewer@user:anne")));                                   // 4
        await Store.WriteAsync(StoreId, Write(T("document:3#viewer@user:carl")));                                    // 5
        var tuples = await ReadAllAsync(Store, StoreId);

        var result = await Store.PruneAsync(StoreId, new StorePrune { ChangesThrough = 3 });

        result.ShouldBe(new PruneResult(ChangesRemoved: 3, KeysRemoved: 0, FirstRevision: 4));
        (await Store.ReadChangesAsync(StoreId, 3)).Select(c => c.Revision).ShouldBe([4L, 5L]);
        var gone = await Should.ThrowAsync<ArbiterException>(Store.ReadChangesAsync(StoreId, 2).AsTask());
        gone.Code.ShouldBe(ArbiterErrorCode.ChangesUnavailable);
        gone.Message.ShouldContain("before revision 4");
        gone.Message.ShouldContain("pruned");
        (await Should.ThrowAsync<ArbiterException>(Store.ReadChangesAsync(StoreId, 0).AsTask())).Code.ShouldBe(ArbiterErrorCode.ChangesUnavailable);
        // no revision committed, nothing of the state changed
        (await Store.ReadRevisionAsync(StoreId)).ShouldBe(5);
        (await ReadAllAsync(Store, StoreId)).ShouldBe(tuples);
        (await Store.ReadModelAsync(StoreId))!.Id.ShouldBe(model.Id);
        (await Store.ReadAttributesAsync(StoreId, new ObjectRef("user", "anne")))!.Values["department"].ShouldBe("eng");

        // the next write gets the next revision and joins the feed
        (await Store.WriteAsync(StoreId, Write(T("document:4#viewer@user:dora")))).Revision.ShouldBe(6);
        (await Store.ReadChangesAsync(StoreId, 3)).Select(c => c.Revision).ShouldBe([4L, 5L, 6L]);

        // the feed's start never moves back; pruning through the current revision empties it
        (await Store.PruneAsync(StoreId, new StorePrune { ChangesThrough = 2 })).ShouldBe(new PruneResult(0, 0, 4));
        (await Store.ReadChangesAsync(StoreId, 3)).Count.ShouldBe(3);
        (await Store.PruneAsync(StoreId, new StorePrune { ChangesThrough = 6 })).ShouldBe(new PruneResult(3, 0, 7));
        (await Store.ReadChangesAsync(StoreId, 6)).ShouldBeEmpty();
        (await Should.ThrowAsync<ArbiterException>(Store.ReadChangesAsync(StoreId, 5).AsTask())).Code.ShouldBe(ArbiterErrorCode.ChangesUnavailable);
        (await Store.ReadRevisionAsync(StoreId)).ShouldBe(6);
    }

    [StoreFact]
    public async Task PruneChanges_AfterAnImport_MovesTheStartOnlyForward()
    {
        await Store.ImportAsync(StoreId, Import(42, [T("document:1#viewer@user:anne")]));
        await Store.WriteAsync(StoreId, Write(T("document:2#viewer@user:anne")));  // 43
        (await Store.PruneAsync(StoreId, new StorePrune { ChangesThrough = 10 })).ShouldBe(new PruneResult(0, 0, 43));
        (await Store.ReadChangesAsync(StoreId, 42)).ShouldHaveSingleItem().Revision.ShouldBe(43);
        (await Store.PruneAsync(StoreId, new StorePrune { ChangesThrough = 43 })).ShouldBe(new PruneResult(1, 0, 44));
        (await Store.ReadChangesAsync(StoreId, 43)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task Prune_BeyondTheRevision_OrNegative_IsRefused_AndRemovesNothing()
    {
        await Store.WriteAsync(StoreId, Write(T("document:1#viewer@user:anne")));
        var beyond = await Should.ThrowAsync<ArbiterException>(Store.PruneAsync(StoreId, new StorePrune { ChangesThrough = 5 }).AsTask());
        beyond.Code.ShouldBe(ArbiterErrorCode.ValidationError);
        beyond.Message.ShouldContain("through revision 5");
        beyond.Message.ShouldContain("at revision 1");
        (await Should.ThrowAsync<ArbiterException>(Store.PruneAsync(StoreId, new StorePrune { ChangesThrough = -1 }).AsTask())).Code.ShouldBe(ArbiterErrorCode.ValidationError);
        (await Should.ThrowAsync<ArbiterException>(Store.PruneAsync(StoreId, new StorePrune { KeysOlderThan = TimeSpan.FromSeconds(-1) }).AsTask())).Code.ShouldBe(ArbiterErrorCode.ValidationError);
        (await Should.ThrowAsync<ArbiterException>(Store.PruneAsync("ghost", new StorePrune { ChangesThrough = 0 }).AsTask())).Code.ShouldBe(ArbiterErrorCode.StoreNotFound);
        (await Store.ReadChangesAsync(StoreId, 0)).ShouldHaveSingleItem();
        (await Store.PruneAsync(StoreId, new StorePrune())).ShouldBe(new PruneResult(0, 0, 1));
    }

    [StoreFact]
    public async Task PruneKeys_OlderThanAnAge_ForgetsOldKeys_AndKeepsRecentOnes()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var store = await OpenAsync(time: clock);
        var id = (await store.CreateStoreAsync("keys")).Id;
        await store.WriteAsync(id, Write(T("document:1#viewer@user:anne")) with { IdempotencyKey = "old" });     // 1
        clock.Advance(TimeSpan.FromHours(2));
        await store.WriteAsync(id, Write(T("document:2#viewer@user:anne")) with { IdempotencyKey = "recent" });  // 2
        clock.Advance(TimeSpan.FromMinutes(30));

        var result = await store.PruneAsync(id, new StorePrune { KeysOlderThan = TimeSpan.FromHours(1) });

        result.ShouldBe(new PruneResult(ChangesRemoved: 0, KeysRemoved: 1, FirstRevision: 1));
        (await store.ReadRevisionAsync(id)).ShouldBe(2);
        (await store.ReadChangesAsync(id, 0)).Count.ShouldBe(2);
        // the forgotten key is free for a different write; the recent one still guards its write
        var reused = await store.WriteAsync(id, Write(T("document:3#viewer@user:anne")) with { IdempotencyKey = "old" });
        (reused.Revision, reused.Replayed).ShouldBe((3L, false));
        (await store.WriteAsync(id, Write(T("document:2#viewer@user:anne")) with { IdempotencyKey = "recent" })).ShouldBe(new WriteResult(2, Replayed: true));
        (await Should.ThrowAsync<ArbiterException>(store.WriteAsync(id, Write(T("document:4#viewer@user:anne")) with { IdempotencyKey = "recent" }).AsTask()))
            .Code.ShouldBe(ArbiterErrorCode.IdempotencyConflict);
    }

    [StoreFact]
    public async Task PrunedFeed_AnEngineBehindIt_ReloadsTheState_AndReachesTheLatestRevision()
    {
        await Store.WriteModelAsync(StoreId, Model);                                        // 1
        await Store.WriteAsync(StoreId, Write(T("document:1#viewer@user:anne")));          // 2
        using var snapshot = new MemoryStream();
        await StoreSnapshot.ExportAsync(Store, StoreId, snapshot);                          // the engine starts at 2
        await Store.WriteAsync(StoreId, Delete(T("document:1#viewer@user:anne")));         // 3
        await Store.WriteAsync(StoreId, Write(T("document:2#viewer@user:bob")));           // 4
        var latest = (await Store.WriteAsync(StoreId, Write(T("document:3#viewer@user:carl")))).Revision; // 5
        await Store.PruneAsync(StoreId, new StorePrune { ChangesThrough = 4 });

        snapshot.Position = 0;
        await using var engine = await AuthorizationEngine.FromSnapshotAsync(snapshot);
        engine.Revision.ShouldBe(2);
        engine.Follow(Store, StoreId);

        async Task<bool> Allowed(string user, string document)
        {
            var decision = await engine.CheckAsync(CheckRequest.Create(user, "viewer", document) with { Consistency = Consistency.AtLeast(latest) });
            decision.Revision.ShouldBeGreaterThanOrEqualTo(latest);
            return decision.Allowed;
        }
        (await Allowed("user:anne", "document:1")).ShouldBeFalse();
        (await Allowed("user:bob", "document:2")).ShouldBeTrue();
        (await Allowed("user:carl", "document:3")).ShouldBeTrue();
    }
}
