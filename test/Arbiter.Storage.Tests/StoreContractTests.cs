using Arbiter.Model;
using Arbiter.Parsing;
using Arbiter.Storage.Tests.Support;
using static Arbiter.Storage.Tests.Support.Tuples;

namespace Arbiter.Storage.Tests;

/// <summary>
/// The store contract: every provider (in-memory, SQLite, PostgreSQL) runs these same tests through a subclass.
/// A subclass may declare <c>public static string? SkipReason</c> to skip them all with a message.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private readonly List<IStore> _opened = [];

    /// <summary>Opens a provider over fresh, empty storage (its own file, schema or database) with the given clock.</summary>
    protected abstract ValueTask<IStore> OpenProviderAsync(int maxWriteOperations, TimeProvider time);

    protected IStore Store { get; private set; } = null!;

    protected string StoreId { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await OpenAsync();
        StoreId = (await Store.CreateStoreAsync("main", "Main store")).Id;
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }
    }

    protected async Task<IStore> OpenAsync(int maxWriteOperations = StoreWrites.DefaultMaxOperations, TimeProvider? time = null)
    {
        var store = await OpenProviderAsync(maxWriteOperations, time ?? TimeProvider.System);
        _opened.Add(store);
        return store;
    }

    private static readonly AuthorizationModel Model = ModelParser.Parse("""
        model
          schema 1.1
        type user
          attributes
            department: string
        type group
          relations
            define member: [user, group#member]
        type document
          attributes
            level: int
          relations
            define viewer: [user, user:*, group#member, user with recent]
            define editor: [user]
        condition recent(age: int, limit: int) {
          age < limit
        }
        """).GetModelOrThrow();

    [StoreFact]
    public async Task CreateStore_IsListedAndRead()
    {
        var info = await Store.GetStoreAsync("main");
        info.ShouldNotBeNull();
        info.Name.ShouldBe("Main store");
        (await Store.ListStoresAsync()).Select(s => s.Id).ShouldContain("main");
        var generated = await Store.CreateStoreAsync();
        generated.Id.Length.ShouldBe(26);
        generated.Name.ShouldBe(generated.Id);
        (await Store.GetStoreAsync("nope")).ShouldBeNull();
    }

    [StoreFact]
    public async Task CreateStore_ExistingOrInvalidId_Fails()
    {
        (await Should.ThrowAsync<ArbiterException>(Store.CreateStoreAsync("main").AsTask())).Code.ShouldBe(ArbiterErrorCode.StoreExists);
        var invalid = await Should.ThrowAsync<ArbiterException>(Store.CreateStoreAsync("no spaces").AsTask());
        invalid.Code.ShouldBe(ArbiterErrorCode.ValidationError);
        invalid.Message.ShouldContain("' '");
    }

    [StoreFact]
    public async Task NewStore_IsEmptyAtRevisionZero()
    {
        (await Store.ReadRevisionAsync(StoreId)).ShouldBe(0);
        (await Store.ReadModelAsync(StoreId)).ShouldBeNull();
        (await Store.ReadChangesAsync(StoreId, 0)).ShouldBeEmpty();
        (await Store.ReadTuplesAsync(StoreId, new TupleQuery())).Tuples.ShouldBeEmpty();
    }

    [StoreFact]
    public async Task DeleteStore_RemovesEverything()
    {
        await Store.WriteAsync(StoreId, Write(T("document:1#viewer@user:anne")));
        (await Store.DeleteStoreAsync(StoreId)).ShouldBeTrue();
        (await Store.DeleteStoreAsync(StoreId)).ShouldBeFalse();
        (await Store.GetStoreAsync(StoreId)).ShouldBeNull();
        (await Should.ThrowAsync<ArbiterException>(Store.ReadRevisionAsync(StoreId).AsTask())).Code.ShouldBe(ArbiterErrorCode.StoreNotFound);
        (await Should.ThrowAsync<ArbiterException>(Store.WriteAsync(StoreId, Write(T("document:1#viewer@user:anne"))).AsTask())).Code.ShouldBe(ArbiterErrorCode.StoreNotFound);
        // the id can be used again, and the new store starts empty
        await Store.CreateStoreAsync(StoreId);
        (await Store.ReadTuplesAsync(StoreId, new TupleQuery())).Tuples.ShouldBeEmpty();
        (await Store.ReadRevisionAsync(StoreId)).ShouldBe(0);
    }

    [StoreFact]
    public async Task UnknownStore_IsNamedInEveryOperation()
    {
        async Task Fails(Func<Task> act)
        {
            var ex = await Should.ThrowAsync<ArbiterException>(act);
            ex.Code.ShouldBe(ArbiterErrorCode.StoreNotFound);
            ex.Message.ShouldContain("'ghost'");
        }
        await Fails(() => Store.ReadRevisionAsync("ghost").AsTask());
        await Fails(() => Store.ReadModelAsync("ghost").AsTask());
        await Fails(() => Store.ListModelsAsync("ghost").AsTask());
        await Fails(() => Store.ReadTuplesAsync("ghost", new TupleQuery()).AsTask());
        await Fails(() => Store.ReadAttributesAsync("ghost", new ObjectRef("user", "anne")).AsTask());
        await Fails(() => Store.ReadChangesAsync("ghost", 0).AsTask());
        await Fails(() => Store.OpenStateAsync("ghost").AsTask());
        await Fails(() => Store.WriteModelAsync("ghost", Model).AsTask());
        await Fails(() => Store.WriteAsync("ghost", Write(T("document:1#viewer@user:anne"))).AsTask());
    }

    [StoreFact]
    public async Task Stores_AreIsolated()
    {
        var other = (await Store.CreateStoreAsync("other")).Id;
        await Store.WriteModelAsync(StoreId, Model);
        await Store.WriteAsync(StoreId, Write(T("document:1#viewer@user:anne")));
        await Store.WriteAsync(StoreId, new StoreWrite { SetAttributes = [new EntityAttributes(new ObjectRef("user", "anne"), new Dictionary<string, object?> { ["department"] = "eng" })] });

        (await Store.ReadRevisionAsync(other)).ShouldBe(0);
        (await Store.ReadModelAsync(other)).ShouldBeNull();
        (await Store.ReadTuplesAsync(other, new TupleQuery())).Tuples.ShouldBeEmpty();
        (await Store.ReadAttributesAsync(other, new ObjectRef("user", "anne"))).ShouldBeNull();
        (await Store.ReadChangesAsync(other, 0)).ShouldBeEmpty();
        // the same tuple may exist in both
        (await Store.WriteAsync(other, Write(T("document:1#viewer@user:anne")))).Revision.ShouldBe(1);
    }

    [StoreFact]
    public async Task WriteModel_VersionsAreImmutableAndNewestWins()
    {
        var first = await Store.WriteModelAsync(StoreId, Model);
        first.Revision.ShouldBe(1);
        first.Model.Id.ShouldBe(first.Id);
        var changed = ModelParser.Parse("model\n  schema 1.1\ntype user\ntype folder\n  relations\n    define owner: [user]\n").GetModelOrThrow();
        var second = await Store.WriteModelAsync(StoreId, changed);
        second.Revision.ShouldBe(2);
        string.CompareOrdinal(second.Id, first.Id).ShouldBeGreaterThan(0);

        (await Store.ReadModelAsync(StoreId))!.Id.ShouldBe(second.Id);
        var read = (await Store.ReadModelAsync(StoreId, first.Id))!;
        read.Revision.ShouldBe(1);
        ModelJson.Write(read.Model).ShouldBe(ModelJson.Write(Model with { Id = first.Id }));
        (await Store.ReadModelAsync(StoreId, "01ARZ3NDEKTSV4RRFFQ69G5FAV")).ShouldBeNull();
        (await Store.ListModelsAsync(StoreId)).Select(m => m.Id).ShouldBe([second.Id, first.Id]);
        (await Store.ListModelsAsync(StoreId, limit: 1)).Select(m => m.Id).ShouldBe([second.Id]);
        var changes = await Store.ReadChangesAsync(StoreId, 0);
        changes.Select(c => c.ModelId).ShouldBe([first.Id, second.Id]);
    }

    [StoreFact]
    public async Task Write_EachCommitGetsTheNextRevision_AndReadsBackInKeyOrder()
    {
        var context = new Dictionary<string, object?> { ["limit"] = 10L, ["ratio"] = 0.5, ["name"] = "x", ["ok"] = true, ["list"] = new List<object?> { 1L, "a" }, ["map"] = new Dictionary<string, object?> { ["k"] = 2L } };
        (await Store.WriteAsync(StoreId, Write(T("document:2#viewer@user:bob"), T("document:1#viewer@user:anne", "recent", context)))).Revision.ShouldBe(1);
        (await Store.WriteAsync(StoreId, Write(T("document:1#viewer@group:eng#member"), T("document:1#viewer@user:*")))).Revision.ShouldBe(2);
        (await Store.ReadRevisionAsync(StoreId)).ShouldBe(2);

        var all = await ReadAllAsync(Store, StoreId);
        all.Select(t => t.ToString()).ShouldBe([
            "document:1#viewer@group:eng#member",
            "document:1#viewer@user:*",
            "document:1#viewer@user:anne (with recent)",
            "document:2#viewer@user:bob",
        ]);
        var conditioned = all[2].Condition!;
        conditioned.Name.ShouldBe("recent");
        conditioned.Context!["limit"].ShouldBe(10L);
        conditioned.Context["ratio"].ShouldBe(0.5);
        conditioned.Context["name"].ShouldBe("x");
        conditioned.Context["ok"].ShouldBe(true);
        ((IEnumerable<object?>)conditioned.Context["list"]!).ShouldBe([1L, "a"]);
        ((IReadOnlyDictionary<string, object?>)conditioned.Context["map"]!)["k"].ShouldBe(2L);
    }

    [StoreFact]
    public async Task Write_ExistingTuple_FailsNamingIt_AndStoresNothing()
    {
        await Store.WriteAsync(StoreId, Write(T("document:1#viewer@user:anne")));
        var ex = await Should.ThrowAsync<ArbiterException>(Store.WriteAsync(StoreId,
            Write(T("document:9#viewer@user:zed"), T("document:1#viewer@user:anne"), T("document:8#viewer@user:yan"))).AsTask());
        ex.Code.ShouldBe(ArbiterErrorCode.PreconditionFailed);
        ex.Message.ShouldContain("document:1#viewer@user:anne");
        ex.Message.ShouldContain("already exists");
        (await ReadAllAsync(Store, StoreId)).Count.ShouldBe(1);
        (await Store.ReadRevisionAsync(StoreId)).ShouldBe(1);
        (await Store.ReadChangesAsync(StoreId, 0)).Count.ShouldBe(1);
    }

    [StoreFact]
    public async Task Delete_RemovesTheTuple_AndTheFeedKeepsItsCondition()
    {
        var conditioned = T("document:1#viewer@user:anne", "recent", new Dictionary<string, object?> { ["limit"] = 3L });
        await Store.WriteAsync(StoreId, Write(conditioned, T("document:1#editor@user:anne")));
        (await Store.WriteAsync(StoreId, Delete(T("document:1#viewer@user:anne")))).Revision.ShouldBe(2);
        (await ReadAllAsync(Store, StoreId)).Select(t => t.ToString()).ShouldBe(["document:1#editor@user:anne"]);
        var change = (await Store.ReadChangesAsync(StoreId, 1)).ShouldHaveSingleItem();
        change.Revision.ShouldBe(2);
        var deleted = change.Deleted.ShouldHaveSingleItem();
        deleted.Condition!.Name.ShouldBe("recent");
        deleted.Condition.Context!["limit"].ShouldBe(3L);
        change.Written.ShouldBeEmpty();
    }

    [StoreFact]
    public async Task Delete_MissingTuple_FailsNamingIt_AndStoresNothing()
    {
        await Store.WriteAsync(StoreId, Write(T("document:1#viewer@user:anne")));
        var ex = await Should.ThrowAsync<ArbiterException>(Store.WriteAsync(StoreId, new StoreWrite
        {
            Writes = [T("document:5#viewer@user:bob")],
            Deletes = [T("document:1#viewer@user:anne"), T("document:2#viewer@user:anne")],
        }).AsTask());
        ex.Code.ShouldBe(ArbiterErrorCode.PreconditionFailed);
        ex.Message.ShouldContain("document:2#viewer@user:anne");
        ex.Message.ShouldContain("does not exist");
        (await ReadAllAsync(Store, StoreId)).Select(t => t.ToString()).ShouldBe(["document:1#viewer@user:anne"]);
        (await Store.ReadRevisionAsync(StoreId)).ShouldBe(1);
    }

    [StoreFact]
    public async Task IgnoreRules_SkipConflicts_AndAWriteThatChangesNothingCommitsNoRevision()
    {
        await Store.WriteAsync(StoreId, Write(T("document:1#viewer@user:anne")));
        var result = await Store.WriteAsync(StoreId, new StoreWrite
        {
            Writes = [T("document:1#viewer@user:anne"), T("document:2#viewer@user:bob")],
            Deletes = [T("document:3#viewer@user:nobody")],
            OnDuplicate = ConflictBehavior.Ignore,
            OnMissing = ConflictBehavior.Ignore,
        });
        result.Revision.ShouldBe(2);
        var change = (await Store.ReadChangesAsync(StoreId, 1)).ShouldHaveSingleItem();
        change.Written.Select(t => t.ToString()).ShouldBe(["document:2#viewer@user:bob"]);
        change.Deleted.ShouldBeEmpty();

        var nothing = await Store.WriteAsync(StoreId, new StoreWrite { Writes = [T("document:2#viewer@user:bob")], OnDuplicate = ConflictBehavior.Ignore });
        nothing.Revision.ShouldBe(2);
        (await Store.WriteAsync(StoreId, new StoreWrite())).Revision.ShouldBe(2);
        (await Store.ReadRevisionAsync(StoreId)).ShouldBe(2);
        (await Store.ReadChangesAsync(StoreId, 0)).Count.ShouldBe(2);
    }

    [StoreFact]
    public async Task Preconditions_AreCheckedBeforeAnythingChanges()
    {
        await Store.WriteAsync(StoreId, Write(T("document:1#owner@user:anne")));
        var ok = await Store.WriteAsync(StoreId, new StoreWrite
        {
            Writes = [T("document:1#viewer@user:bob")],
            Preconditions = [Precondition.MustExist(T("document:1#owner@user:anne")), Precondition.MustNotExist(T("document:1#blocked@user:bob"))],
        });
        ok.Revision.ShouldBe(2);

        var mustExist = await Should.ThrowAsync<ArbiterException>(Store.WriteAsync(StoreId, new StoreWrite
        {
            Writes = [T("document:1#viewer@user:carl")],
            Preconditions = [Precondition.MustExist(T("document:1#owner@user:carl"))],
        }).AsTask());
        mustExist.Code.ShouldBe(ArbiterErrorCode.PreconditionFailed);
        mustExist.Message.ShouldContain("document:1#owner@user:carl");
        mustExist.Message.ShouldContain("must exist");

        var mustNotExist = await Should.ThrowAsync<ArbiterException>(Store.WriteAsync(StoreId, new StoreWrite
        {
            Deletes = [T("document:1#viewer@user:bob")],
            Preconditions = [Precondition.MustNotExist(T("document:1#owner@user:anne"))],
        }).AsTask());
        mustNotExist.Message.ShouldContain("must not exist");
        (await ReadAllAsync(Store, StoreId)).Count.ShouldBe(2);
        (await Store.ReadRevisionAsync(StoreId)).ShouldBe(2);
    }

    [StoreFact]
    public async Task IdempotencyKey_ReplaysTheSameWrite_AndRefusesADifferentOne()
    {
        var write = Write(T("document:1#viewer@user:anne")) with { IdempotencyKey = "req-42" };
        var first = await Store.WriteAsync(StoreId, write);
        first.ShouldBe(new WriteResult(1, Replayed: false));
        await Store.WriteAsync(StoreId, Write(T("document:2#viewer@user:anne")));
        var again = await Store.WriteAsync(StoreId, Write(T("document:1#viewer@user:anne")) with { IdempotencyKey = "req-42" });
        again.ShouldBe(new WriteResult(1, Replayed: true));
        (await Store.ReadRevisionAsync(StoreId)).ShouldBe(2);

        var conflict = await Should.ThrowAsync<ArbiterException>(Store.WriteAsync(StoreId, Write(T("document:3#viewer@user:anne")) with { IdempotencyKey = "req-42" }).AsTask());
        conflict.Code.ShouldBe(ArbiterErrorCode.IdempotencyConflict);
        conflict.Message.ShouldContain("req-42");
        (await Store.ReadRevisionAsync(StoreId)).ShouldBe(2);
        // keys belong to a store
        var other = (await Store.CreateStoreAsync("other")).Id;
        (await Store.WriteAsync(other, Write(T("document:3#viewer@user:anne")) with { IdempotencyKey = "req-42" })).Replayed.ShouldBeFalse();
    }

    [StoreFact]
    public async Task IdempotencyKey_OfAWriteThatChangedNothing_IsKept()
    {
        await Store.WriteAsync(StoreId, Write(T("document:1#viewer@user:anne")));
        var noOp = new StoreWrite { Writes = [T("document:1#viewer@user:anne")], OnDuplicate = ConflictBehavior.Ignore, IdempotencyKey = "noop" };
        (await Store.WriteAsync(StoreId, noOp)).ShouldBe(new WriteResult(1));
        await Store.WriteAsync(StoreId, Write(T("document:2#viewer@user:anne")));
        (await Store.WriteAsync(StoreId, noOp)).ShouldBe(new WriteResult(1, Replayed: true));
        var conflict = await Should.ThrowAsync<ArbiterException>(Store.WriteAsync(StoreId, Write(T("document:3#viewer@user:anne")) with { IdempotencyKey = "noop" }).AsTask());
        conflict.Code.ShouldBe(ArbiterErrorCode.IdempotencyConflict);
        (await Store.ReadRevisionAsync(StoreId)).ShouldBe(2);
    }

    [StoreFact]
    public async Task InvalidTupleInABatch_RejectsTheWholeBatch_NamingTheTuple()
    {
        var bad = new RelationshipTuple(new ObjectRef("document", "x"), "view er", SubjectRef.Parse("user:anne"));
        var ex = await Should.ThrowAsync<ArbiterException>(Store.WriteAsync(StoreId, Write(T("document:1#viewer@user:anne"), bad)).AsTask());
        ex.Code.ShouldBe(ArbiterErrorCode.InvalidTuple);
        ex.Message.ShouldContain("document:x#view er@user:anne");
        var repeated = await Should.ThrowAsync<ArbiterException>(Store.WriteAsync(StoreId, Write(T("document:1#viewer@user:anne"), T("document:1#viewer@user:anne"))).AsTask());
        repeated.Message.ShouldContain("more than once");
        (await Store.ReadRevisionAsync(StoreId)).ShouldBe(0);
        (await ReadAllAsync(Store, StoreId)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task OversizedBatch_IsRefusedWithTheLimit()
    {
        var small = await OpenAsync(maxWriteOperations: 3);
        var id = (await small.CreateStoreAsync("s")).Id;
        var ex = await Should.ThrowAsync<ArbiterException>(small.WriteAsync(id,
            Write(T("document:1#viewer@user:a"), T("document:1#viewer@user:b"), T("document:1#viewer@user:c"), T("document:1#viewer@user:d"))).AsTask());
        ex.Code.ShouldBe(ArbiterErrorCode.ValidationError);
        ex.Message.ShouldContain("at most 3");
        ex.Message.ShouldContain("has 4");
        (await small.ReadRevisionAsync(id)).ShouldBe(0);
    }

    [StoreFact]
    public async Task Attributes_AreSetReplacedAndCleared_InTheFeedToo()
    {
        var anne = new ObjectRef("user", "anne");
        var doc = new ObjectRef("document", "1");
        await Store.WriteAsync(StoreId, new StoreWrite
        {
            SetAttributes = [
                new EntityAttributes(anne, new Dictionary<string, object?> { ["department"] = "eng", ["since"] = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero) }),
                new EntityAttributes(doc, new Dictionary<string, object?> { ["level"] = 3 }),
            ],
        });
        var read = (await Store.ReadAttributesAsync(StoreId, anne))!;
        read.Values["department"].ShouldBe("eng");
        read.Values["since"].ShouldBe("2024-01-02T03:04:05+00:00");
        (await Store.ReadAttributesAsync(StoreId, doc))!.Values["level"].ShouldBe(3L);

        await Store.WriteAsync(StoreId, new StoreWrite { SetAttributes = [new EntityAttributes(anne, new Dictionary<string, object?> { ["department"] = "ops" })] });
        (await Store.ReadAttributesAsync(StoreId, anne))!.Values.Keys.ShouldBe(["department"]);
        await Store.WriteAsync(StoreId, new StoreWrite { ClearAttributes = [doc, new ObjectRef("document", "never-had-any")] });
        (await Store.ReadAttributesAsync(StoreId, doc)).ShouldBeNull();

        var changes = await Store.ReadChangesAsync(StoreId, 0);
        changes.Select(c => c.Revision).ShouldBe([1L, 2L, 3L]);
        changes[0].AttributesSet.Select(a => a.Entity).ShouldBe([anne, doc], ignoreOrder: true);
        changes[1].AttributesSet.ShouldHaveSingleItem().Values["department"].ShouldBe("ops");
        changes[2].AttributesCleared.ShouldBe([doc, new ObjectRef("document", "never-had-any")], ignoreOrder: true);
    }

    [StoreFact]
    public async Task AttributeValueThatCannotBeStored_IsRefusedNamingIt()
    {
        var ex = await Should.ThrowAsync<ArbiterException>(Store.WriteAsync(StoreId, new StoreWrite
        {
            SetAttributes = [new EntityAttributes(new ObjectRef("user", "anne"), new Dictionary<string, object?> { ["score"] = double.NaN })],
        }).AsTask());
        ex.Code.ShouldBe(ArbiterErrorCode.ValidationError);
        ex.Message.ShouldContain("user:anne");
        ex.Message.ShouldContain("'score'");
        (await Store.ReadRevisionAsync(StoreId)).ShouldBe(0);
    }

    [StoreFact]
    public async Task ChangeFeed_IsOrderedGapFreeAndPaged()
    {
        for (var i = 0; i < 7; i++)
        {
            await Store.WriteAsync(StoreId, Write(T($"document:{i}#viewer@user:anne"), T($"document:{i}#editor@user:bob")));
        }
        var all = await Store.ReadChangesAsync(StoreId, 0);
        all.Select(c => c.Revision).ShouldBe([1L, 2L, 3L, 4L, 5L, 6L, 7L]);
        all[3].Written.Select(t => t.ToString()).ShouldBe(["document:3#viewer@user:anne", "document:3#editor@user:bob"], ignoreOrder: true);
        (await Store.ReadChangesAsync(StoreId, 2, limit: 3)).Select(c => c.Revision).ShouldBe([3L, 4L, 5L]);
        (await Store.ReadChangesAsync(StoreId, 7)).ShouldBeEmpty();
        all.ShouldAllBe(c => c.CommittedAt > DateTimeOffset.UnixEpoch);
    }

    [StoreFact]
    public async Task ReadTuples_FiltersExactly()
    {
        await Store.WriteAsync(StoreId, Write(
            T("document:1#viewer@user:anne"), T("document:1#viewer@user:*"), T("document:1#viewer@group:eng#member"),
            T("document:1#editor@user:anne"), T("document:2#viewer@user:anne"), T("folder:1#viewer@user:anne")));
        async Task<string[]> Read(TupleQuery q) => [.. (await ReadAllAsync(Store, StoreId, q)).Select(t => t.ToString())];

        (await Read(new TupleQuery { ObjectType = "folder" })).ShouldBe(["folder:1#viewer@user:anne"]);
        (await Read(new TupleQuery { ObjectType = "document", ObjectId = "1", Relation = "viewer" })).Length.ShouldBe(3);
        (await Read(new TupleQuery { Relation = "editor" })).ShouldBe(["document:1#editor@user:anne"]);
        (await Read(new TupleQuery { Subject = SubjectRef.Parse("user:anne") })).Length.ShouldBe(4);
        (await Read(new TupleQuery { Subject = SubjectRef.Parse("user:*") })).ShouldBe(["document:1#viewer@user:*"]);
        (await Read(new TupleQuery { Subject = SubjectRef.Parse("group:eng#member") })).ShouldBe(["document:1#viewer@group:eng#member"]);
        (await Read(new TupleQuery { Subject = SubjectRef.Parse("group:eng") })).ShouldBeEmpty();
        (await Read(new TupleQuery { ObjectType = "document", Subject = SubjectRef.Parse("user:anne"), Relation = "viewer" })).Length.ShouldBe(2);
    }

    [StoreFact]
    public async Task ReadTuples_PagesCoverEveryTupleOnce_InCodePointOrder()
    {
        string[] ids = ["b", "B", "a-1", "é", "\U0001F600", "\uFF21", "z_9", "o'neil", "10", "9"];
        await Store.WriteAsync(StoreId, Write([.. ids.Select(id => T($"document:{id}#viewer@user:anne"))]));
        var seen = new List<RelationshipTuple>();
        var query = new TupleQuery { Limit = 3 };
        var pages = 0;
        while (true)
        {
            var page = await Store.ReadTuplesAsync(StoreId, query);
            page.Tuples.Count.ShouldBeLessThanOrEqualTo(3);
            seen.AddRange(page.Tuples);
            pages++;
            if (page.ContinuationToken is null)
            {
                break;
            }
            query = query with { ContinuationToken = page.ContinuationToken };
        }
        pages.ShouldBeGreaterThanOrEqualTo(4);
        var expected = ids.Select(id => TupleKey.Of(T($"document:{id}#viewer@user:anne"))).Order().Select(k => k.ObjectId).ToArray();
        seen.Select(t => t.Object.Id).ShouldBe(expected);
        expected[^1].ShouldBe("\U0001F600"); // above U+FFFF sorts after U+FF21 in code point order
    }

    [StoreFact]
    public async Task ReadTuples_BadPageSizeOrToken_IsAValidationError()
    {
        (await Should.ThrowAsync<ArbiterException>(Store.ReadTuplesAsync(StoreId, new TupleQuery { Limit = 0 }).AsTask())).Code.ShouldBe(ArbiterErrorCode.ValidationError);
        (await Should.ThrowAsync<ArbiterException>(Store.ReadTuplesAsync(StoreId, new TupleQuery { Limit = 10_001 }).AsTask())).Code.ShouldBe(ArbiterErrorCode.ValidationError);
        var token = await Should.ThrowAsync<ArbiterException>(Store.ReadTuplesAsync(StoreId, new TupleQuery { ContinuationToken = "not-a-token" }).AsTask());
        token.Code.ShouldBe(ArbiterErrorCode.ValidationError);
        token.Message.ShouldContain("continuation token");
    }

    [StoreFact]
    public async Task OpenState_ShowsOneRevision_WhileWritesGoOn()
    {
        var model = await Store.WriteModelAsync(StoreId, Model);
        await Store.WriteAsync(StoreId, new StoreWrite
        {
            Writes = [T("document:1#viewer@user:anne"), T("document:2#viewer@user:bob")],
            SetAttributes = [new EntityAttributes(new ObjectRef("user", "anne"), new Dictionary<string, object?> { ["department"] = "eng" })],
        });
        await using (var state = await Store.OpenStateAsync(StoreId))
        {
            await Store.WriteAsync(StoreId, new StoreWrite { Writes = [T("document:3#viewer@user:carl")], Deletes = [T("document:1#viewer@user:anne")] });
            await Store.WriteAsync(StoreId, new StoreWrite { ClearAttributes = [new ObjectRef("user", "anne")] });

            state.Revision.ShouldBe(2);
            state.Store.Id.ShouldBe(StoreId);
            state.Model!.Id.ShouldBe(model.Id);
            (await ToListAsync(state.ReadTuplesAsync())).Select(t => t.ToString()).ShouldBe(["document:1#viewer@user:anne", "document:2#viewer@user:bob"]);
            (await ToListAsync(state.ReadAttributesAsync())).ShouldHaveSingleItem().Values["department"].ShouldBe("eng");
        }
        await using var later = await Store.OpenStateAsync(StoreId);
        later.Revision.ShouldBe(4);
        (await ToListAsync(later.ReadTuplesAsync())).Select(t => t.ToString()).ShouldBe(["document:2#viewer@user:bob", "document:3#viewer@user:carl"]);
        (await ToListAsync(later.ReadAttributesAsync())).ShouldBeEmpty();
    }
}
