using Arbiter.Parsing;
using Arbiter.Storage.Tests.Support;
using static Arbiter.Storage.Tests.Support.Tuples;

namespace Arbiter.Storage.Tests;

public abstract partial class StoreContractTests
{
    private static StoreImport Import(long revision, IEnumerable<RelationshipTuple> tuples, IEnumerable<EntityAttributes>? attributes = null, StoredModel? model = null) => new()
    {
        Revision = revision,
        Model = model,
        Tuples = Async(tuples),
        Attributes = Async(attributes ?? []),
    };

    [StoreFact]
    public async Task Import_FillsAnEmptyStoreAtTheSnapshotRevision()
    {
        var model = new StoredModel("01JCZ0000000000000000000AB", 40, DateTimeOffset.UnixEpoch.AddDays(20000), Model with { Id = "01JCZ0000000000000000000AB" });
        await Store.ImportAsync(StoreId, Import(42,
            [T("document:1#viewer@user:anne"), T("document:1#viewer@user:bob", "recent", new Dictionary<string, object?> { ["limit"] = 5L })],
            [new EntityAttributes(new ObjectRef("user", "anne"), new Dictionary<string, object?> { ["department"] = "eng" })],
            model));

        (await Store.ReadRevisionAsync(StoreId)).ShouldBe(42);
        var read = (await Store.ReadModelAsync(StoreId))!;
        read.Id.ShouldBe(model.Id);
        ModelJson.Write(read.Model).ShouldBe(ModelJson.Write(model.Model));
        (await ReadAllAsync(Store, StoreId)).Count.ShouldBe(2);
        (await ReadAllAsync(Store, StoreId)).Single(t => t.Subject.Id == "bob").Condition!.Context!["limit"].ShouldBe(5L);
        (await Store.ReadAttributesAsync(StoreId, new ObjectRef("user", "anne")))!.Values["department"].ShouldBe("eng");

        // the feed starts after the snapshot
        (await Store.ReadChangesAsync(StoreId, 42)).ShouldBeEmpty();
        var gone = await Should.ThrowAsync<ArbiterException>(Store.ReadChangesAsync(StoreId, 10).AsTask());
        gone.Code.ShouldBe(ArbiterErrorCode.ChangesUnavailable);
        gone.Message.ShouldContain("42");
        (await Store.WriteAsync(StoreId, Write(T("document:2#viewer@user:anne")))).Revision.ShouldBe(43);
        (await Store.ReadChangesAsync(StoreId, 42)).ShouldHaveSingleItem().Revision.ShouldBe(43);
    }

    [StoreFact]
    public async Task Import_IntoAStoreWithData_IsRefused()
    {
        await Store.WriteAsync(StoreId, Write(T("document:1#viewer@user:anne")));
        var ex = await Should.ThrowAsync<ArbiterException>(Store.ImportAsync(StoreId, Import(5, [T("document:9#viewer@user:zed")])).AsTask());
        ex.Code.ShouldBe(ArbiterErrorCode.StoreNotEmpty);
        (await ReadAllAsync(Store, StoreId)).Select(t => t.ToString()).ShouldBe(["document:1#viewer@user:anne"]);
        (await Store.ReadRevisionAsync(StoreId)).ShouldBe(1);
    }

    [StoreFact]
    public async Task Import_WithADuplicateOrBadTuple_ImportsNothing()
    {
        var duplicate = await Should.ThrowAsync<ArbiterException>(Store.ImportAsync(StoreId,
            Import(7, [T("document:1#viewer@user:anne"), T("document:2#viewer@user:anne"), T("document:1#viewer@user:anne")])).AsTask());
        duplicate.Message.ShouldContain("document:1#viewer@user:anne");
        (await Store.ReadRevisionAsync(StoreId)).ShouldBe(0);
        (await ReadAllAsync(Store, StoreId)).ShouldBeEmpty();

        var bad = new RelationshipTuple(new ObjectRef("document", "1"), "", SubjectRef.Parse("user:anne"));
        await Should.ThrowAsync<ArbiterException>(Store.ImportAsync(StoreId, Import(7, [T("document:3#viewer@user:anne"), bad])).AsTask());
        (await Store.ReadRevisionAsync(StoreId)).ShouldBe(0);
        (await ReadAllAsync(Store, StoreId)).ShouldBeEmpty();
        // still empty, so a good import works afterwards
        await Store.ImportAsync(StoreId, Import(7, [T("document:3#viewer@user:anne")]));
        (await Store.ReadRevisionAsync(StoreId)).ShouldBe(7);
    }

    [StoreFact]
    public async Task WaitForRevision_ReturnsAtOnce_TimesOut_OrWakesOnACommit()
    {
        await Store.WriteAsync(StoreId, Write(T("document:1#viewer@user:anne")));
        (await Store.WaitForRevisionAsync(StoreId, 0, TimeSpan.FromSeconds(30))).ShouldBe(1);
        var started = System.Diagnostics.Stopwatch.StartNew();
        (await Store.WaitForRevisionAsync(StoreId, 1, TimeSpan.FromMilliseconds(200))).ShouldBe(1);
        started.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(150));

        started.Restart();
        var waiting = Store.WaitForRevisionAsync(StoreId, 1, TimeSpan.FromSeconds(30)).AsTask();
        await Task.Delay(50);
        waiting.IsCompleted.ShouldBeFalse();
        await Store.WriteAsync(StoreId, Write(T("document:2#viewer@user:anne")));
        (await waiting).ShouldBe(2);
        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [StoreFact]
    public async Task ConcurrentWriters_GetDistinctGapFreeRevisions()
    {
        const int writers = 6;
        const int writesEach = 15;
        var revisions = new System.Collections.Concurrent.ConcurrentBag<long>();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < writesEach; i++)
            {
                revisions.Add((await Store.WriteAsync(StoreId, Write(T($"document:{w}-{i}#viewer@user:anne"), T($"document:{w}-{i}#editor@user:anne")))).Revision);
            }
        })));
        revisions.Order().ShouldBe(Enumerable.Range(1, writers * writesEach).Select(i => (long)i));
        var changes = new List<StoreChange>();
        long after = 0;
        while (true)
        {
            var page = await Store.ReadChangesAsync(StoreId, after, limit: 25);
            if (page.Count == 0)
            {
                break;
            }
            changes.AddRange(page);
            after = page[^1].Revision;
        }
        changes.Select(c => c.Revision).ShouldBe(Enumerable.Range(1, writers * writesEach).Select(i => (long)i));
        changes.ShouldAllBe(c => c.Written.Count == 2 && c.Written[0].Object == c.Written[1].Object);
        (await ReadAllAsync(Store, StoreId)).Count.ShouldBe(writers * writesEach * 2);
    }
}
