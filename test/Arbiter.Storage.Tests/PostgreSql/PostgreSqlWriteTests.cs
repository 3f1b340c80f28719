using Arbiter.Storage.PostgreSql;

namespace Arbiter.Storage.Tests.PostgreSql;

public sealed class PostgreSqlWriteTests(PostgresSchema schema) : IClassFixture<PostgresSchema>
{
    private static RelationshipTuple T(string text) => RelationshipTuple.Parse(text);

    private async Task<(PostgreSqlStore Store, string Id)> NewStoreAsync(Action<PostgreSqlStoreOptions>? configure = null)
    {
        var store = schema.CreateStore(configure);
        var info = await store.CreateStoreAsync();
        return (store, info.Id);
    }

    [PostgresFact]
    public async Task Write_ReturnsNextRevision_AndNothingChangedReturnsCurrent()
    {
        var (store, id) = await NewStoreAsync();

        (await store.WriteAsync(id, new StoreWrite { Writes = [T("doc:1#viewer@user:anne")] })).Revision.ShouldBe(1);
        var again = await store.WriteAsync(id, new StoreWrite { Writes = [T("doc:1#viewer@user:anne")], OnDuplicate = ConflictBehavior.Ignore });
        var none = await store.WriteAsync(id, new StoreWrite { Deletes = [T("doc:9#viewer@user:anne")], OnMissing = ConflictBehavior.Ignore });

        again.ShouldBe(new WriteResult(1));
        none.ShouldBe(new WriteResult(1));
        (await store.ReadRevisionAsync(id)).ShouldBe(1);
        (await store.ReadChangesAsync(id, 0)).Count.ShouldBe(1);
    }

    [PostgresFact]
    public async Task Write_ExistingTuple_FailsNamingIt_AndMissingDeleteFails()
    {
        var (store, id) = await NewStoreAsync();
        await store.WriteAsync(id, new StoreWrite { Writes = [T("doc:1#viewer@user:anne")] });

        var duplicate = await Should.ThrowAsync<ArbiterException>(() =>
            store.WriteAsync(id, new StoreWrite { Writes = [T("doc:2#viewer@user:bob"), T("doc:1#viewer@user:anne")] }).AsTask());
        var missing = await Should.ThrowAsync<ArbiterException>(() =>
            store.WriteAsync(id, new StoreWrite { Deletes = [T("doc:3#viewer@user:carl")] }).AsTask());

        duplicate.Code.ShouldBe(ArbiterErrorCode.PreconditionFailed);
        duplicate.Message.ShouldBe(StoreWrites.PreconditionMessage(T("doc:1#viewer@user:anne"), PreconditionKind.MustNotExist));
        missing.Code.ShouldBe(ArbiterErrorCode.PreconditionFailed);
        missing.Message.ShouldBe(StoreWrites.PreconditionMessage(T("doc:3#viewer@user:carl"), PreconditionKind.MustExist));
        (await store.ReadTuplesAsync(id, new TupleQuery())).Tuples.Count.ShouldBe(1);
        (await store.ReadRevisionAsync(id)).ShouldBe(1);
    }

    [PostgresFact]
    public async Task ExplicitPreconditions_AreCheckedBeforeAnythingChanges()
    {
        var (store, id) = await NewStoreAsync();
        await store.WriteAsync(id, new StoreWrite { Writes = [T("doc:1#owner@user:anne")] });
        var mustNot = Precondition.MustNotExist(T("doc:1#owner@user:anne"));

        var failed = await Should.ThrowAsync<ArbiterException>(() => store.WriteAsync(id, new StoreWrite
        {
            Deletes = [T("doc:1#owner@user:anne")],
            Preconditions = [Precondition.MustExist(T("doc:1#owner@user:anne")), mustNot],
        }).AsTask());
        var held = await store.WriteAsync(id, new StoreWrite
        {
            Deletes = [T("doc:1#owner@user:anne")],
            Writes = [T("doc:1#owner@user:bob")],
            Preconditions = [Precondition.MustExist(T("doc:1#owner@user:anne")), Precondition.MustNotExist(T("doc:1#owner@user:bob"))],
        });

        failed.Code.ShouldBe(ArbiterErrorCode.PreconditionFailed);
        failed.Message.ShouldBe(StoreWrites.ExplicitPreconditionMessage(mustNot));
        held.Revision.ShouldBe(2);
        (await store.ReadTuplesAsync(id, new TupleQuery())).Tuples.ShouldBe([T("doc:1#owner@user:bob")]);
    }

    [PostgresFact]
    public async Task IdempotencyKey_ReplaysSameWrite_AndRefusesDifferentOne()
    {
        var (store, id) = await NewStoreAsync();
        var write = new StoreWrite { Writes = [T("doc:1#viewer@user:anne")], IdempotencyKey = "k1" };

        var first = await store.WriteAsync(id, write);
        await store.WriteAsync(id, new StoreWrite { Writes = [T("doc:2#viewer@user:anne")] });
        var replay = await store.WriteAsync(id, write with { Writes = [T("doc:1#viewer@user:anne")] });
        var conflict = await Should.ThrowAsync<ArbiterException>(() =>
            store.WriteAsync(id, new StoreWrite { Writes = [T("doc:3#viewer@user:anne")], IdempotencyKey = "k1" }).AsTask());

        replay.ShouldBe(new WriteResult(first.Revision, Replayed: true));
        conflict.Code.ShouldBe(ArbiterErrorCode.IdempotencyConflict);
        (await store.ReadRevisionAsync(id)).ShouldBe(2);
    }

    [PostgresTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task LargeWrite_WithFailingTupleInTheMiddle_LeavesNothing(bool copy)
    {
        var (store, id) = await NewStoreAsync(o => o.CopyThreshold = copy ? 1000 : int.MaxValue);
        await store.WriteAsync(id, new StoreWrite { Writes = [T("doc:5000#viewer@user:u5000")] });
        var tuples = Enumerable.Range(0, 10_000).Select(i => T($"doc:{i}#viewer@user:u{i}")).ToList();

        var error = await Should.ThrowAsync<ArbiterException>(() => store.WriteAsync(id, new StoreWrite { Writes = tuples }).AsTask());

        error.Code.ShouldBe(ArbiterErrorCode.PreconditionFailed);
        error.Message.ShouldContain("doc:5000#viewer@user:u5000");
        (await store.ReadTuplesAsync(id, new TupleQuery())).Tuples.Count.ShouldBe(1);
        (await store.ReadRevisionAsync(id)).ShouldBe(1);
    }

    [PostgresFact]
    public async Task CopyPath_AndUnnestPath_GiveIdenticalResults()
    {
        var (copyStore, copyId) = await NewStoreAsync(o => o.CopyThreshold = 1);
        var (arrayStore, arrayId) = await NewStoreAsync(o => o.CopyThreshold = int.MaxValue);
        var context = new Dictionary<string, object?> { ["ip"] = "10.0.0.1", ["n"] = 3L };
        var first = new StoreWrite
        {
            Writes =
            [
                T("doc:1#viewer@user:anne"), T("doc:1#viewer@user:*"), T("doc:1#viewer@group:g#member"),
                T("doc:2#viewer@user:bob") with { Condition = new TupleCondition("in_network", context) },
                T("doc:3#viewer@user:carl") with { Condition = new TupleCondition("plain") },
            ],
        };
        var second = new StoreWrite
        {
            Writes = [T("doc:1#viewer@user:anne"), T("doc:4#viewer@user:dora")],
            Deletes = [T("doc:1#viewer@user:*"), T("doc:2#viewer@user:bob"), T("doc:9#viewer@user:zed")],
            OnDuplicate = ConflictBehavior.Ignore,
            OnMissing = ConflictBehavior.Ignore,
        };

        foreach (var (store, id) in new[] { (copyStore, copyId), (arrayStore, arrayId) })
        {
            await store.WriteAsync(id, first);
            await store.WriteAsync(id, second);
        }

        var copied = await copyStore.ReadTuplesAsync(copyId, new TupleQuery());
        var arrayed = await arrayStore.ReadTuplesAsync(arrayId, new TupleQuery());
        Describe(copied.Tuples).ShouldBe(Describe(arrayed.Tuples));
        var copiedChanges = await copyStore.ReadChangesAsync(copyId, 0);
        var arrayedChanges = await arrayStore.ReadChangesAsync(arrayId, 0);
        copiedChanges.Select(c => Describe(c.Written) + "|" + Describe(c.Deleted))
            .ShouldBe(arrayedChanges.Select(c => Describe(c.Written) + "|" + Describe(c.Deleted)));
        Describe(copiedChanges[1].Deleted).ShouldBe(Describe([T("doc:1#viewer@user:*"), T("doc:2#viewer@user:bob") with { Condition = new TupleCondition("in_network", context) }]));
        Describe(copiedChanges[1].Written).ShouldBe(Describe([T("doc:4#viewer@user:dora")]));
    }

    [PostgresFact]
    public async Task ConcurrentWriters_OnSeveralProviders_GetDistinctGapFreeRevisions()
    {
        var providers = Enumerable.Range(0, 3).Select(_ => schema.CreateStore()).ToList();
        var id = (await providers[0].CreateStoreAsync()).Id;

        var revisions = await Task.WhenAll(Enumerable.Range(0, 12).Select(worker => Task.Run(async () =>
        {
            var mine = new List<long>();
            for (var i = 0; i < 15; i++)
            {
                var store = providers[(worker + i) % providers.Count];
                mine.Add((await store.WriteAsync(id, new StoreWrite { Writes = [T($"doc:{worker}-{i}#viewer@user:u")] })).Revision);
            }
            return mine;
        })));

        revisions.SelectMany(r => r).Order().ShouldBe(Enumerable.Range(1, 180).Select(i => (long)i));
        var changes = await providers[1].ReadChangesAsync(id, 0, 1000);
        changes.Select(c => c.Revision).ShouldBe(Enumerable.Range(1, 180).Select(i => (long)i));
        changes.ShouldAllBe(c => c.Written.Count == 1);
    }

    [PostgresFact]
    public async Task Attributes_SetReplaceAndClear()
    {
        var (store, id) = await NewStoreAsync();
        var anne = new ObjectRef("user", "anne");

        await store.WriteAsync(id, new StoreWrite { SetAttributes = [new EntityAttributes(anne, new Dictionary<string, object?> { ["age"] = 30L, ["tags"] = new List<object?> { "a" } })] });
        await store.WriteAsync(id, new StoreWrite { SetAttributes = [new EntityAttributes(anne, new Dictionary<string, object?> { ["age"] = 31L })] });
        var read = await store.ReadAttributesAsync(id, anne);
        await store.WriteAsync(id, new StoreWrite { ClearAttributes = [anne] });

        // compared as JSON: StoredValues.FromJson reads integers back as double (reported to the lead)
        StoredValues.ToJson(read!.Values).ShouldBe("{\"age\":31}");
        (await store.ReadAttributesAsync(id, anne)).ShouldBeNull();
        var changes = await store.ReadChangesAsync(id, 0);
        changes.Count.ShouldBe(3);
        StoredValues.ToJson(changes[1].AttributesSet.Single().Values).ShouldBe("{\"age\":31}");
        changes[2].AttributesCleared.ShouldBe([anne]);
    }

    [PostgresFact]
    public async Task MissingStore_IsStoreNotFound()
    {
        await using var store = schema.CreateStore();

        (await Should.ThrowAsync<ArbiterException>(() => store.WriteAsync("nope", new StoreWrite { Writes = [T("doc:1#viewer@user:anne")] }).AsTask()))
            .Code.ShouldBe(ArbiterErrorCode.StoreNotFound);
        (await Should.ThrowAsync<ArbiterException>(() => store.ReadTuplesAsync("nope", new TupleQuery()).AsTask())).Code.ShouldBe(ArbiterErrorCode.StoreNotFound);
        (await Should.ThrowAsync<ArbiterException>(() => store.ReadChangesAsync("nope", 0).AsTask())).Code.ShouldBe(ArbiterErrorCode.StoreNotFound);
        (await store.GetStoreAsync("nope")).ShouldBeNull();
        (await store.DeleteStoreAsync("nope")).ShouldBeFalse();
    }

    internal static string Describe(IEnumerable<RelationshipTuple> tuples) => string.Join(", ", tuples.Select(t =>
        TupleKey.Of(t) + (t.Condition is { } c ? $" [{c.Name} {(c.Context is null ? "-" : StoredValues.ToJson(c.Context))}]" : string.Empty)));
}
