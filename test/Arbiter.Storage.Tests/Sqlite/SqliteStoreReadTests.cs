using static Arbiter.Storage.Tests.Sqlite.SqliteTestData;

namespace Arbiter.Storage.Tests.Sqlite;

public sealed class SqliteStoreReadTests : IAsyncLifetime
{
    private readonly SqliteTestFile _file = new();
    private Arbiter.Storage.Sqlite.SqliteStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await _file.OpenAsync();
        await _store.CreateStoreAsync("s");
    }

    public async Task DisposeAsync() => await _file.DisposeAsync();

    [Fact]
    public async Task ReadTuples_Pages_FollowTheTokenInKeyOrder()
    {
        var tuples = Viewers(25);
        await _store.WriteAsync("s", Writes(tuples));

        var pages = new List<TuplePage>();
        var query = new TupleQuery { Limit = 10 };
        do
        {
            pages.Add(await _store.ReadTuplesAsync("s", query));
            query = query with { ContinuationToken = pages[^1].ContinuationToken };
        }
        while (query.ContinuationToken is not null);

        pages.Select(static p => p.Tuples.Count).ShouldBe([10, 10, 5]);
        pages.SelectMany(static p => p.Tuples).Select(Text).ShouldBe(tuples.Select(Text).Order(StringComparer.Ordinal));
        pages[0].ContinuationToken.ShouldBe(TupleKey.Of(pages[0].Tuples[^1]).ToToken());
    }

    [Fact]
    public async Task ReadTuples_ExactPageSize_EndsWithoutToken()
    {
        await _store.WriteAsync("s", Writes(Viewers(10)));

        var page = await _store.ReadTuplesAsync("s", new TupleQuery { Limit = 10 });

        page.Tuples.Count.ShouldBe(10);
        page.ContinuationToken.ShouldBeNull();
    }

    [Fact]
    public async Task ReadTuples_Order_IsCodePointOrderOfTupleKey()
    {
        string[] ids = ["a", "B", "Z", "é", "\uFF5E", "\U0001F600", "ab", "a-", "10", "9", "\uE000"];
        var tuples = ids.Select(static id => Tuple($"document:{id}#viewer@user:x")).ToList();
        tuples.Add(Tuple("document:a#viewer@group:g#member"));
        tuples.Add(Tuple("document:a#viewer@user:*"));
        tuples.Add(Tuple("document:a#editor@user:x"));
        await _store.WriteAsync("s", Writes(tuples));

        var read = await ReadAllAsync(_store, "s", new TupleQuery { Limit = 3 });

        var expected = tuples.Select(TupleKey.Of).Order().Select(static k => k.ToString()).ToList();
        read.Select(Text).ShouldBe(expected);
    }

    [Fact]
    public async Task ReadTuples_Filters_MatchExactly()
    {
        await _store.WriteAsync("s", Writes([
            Tuple("document:1#viewer@user:anne"),
            Tuple("document:1#viewer@user:*"),
            Tuple("document:1#viewer@group:eng#member"),
            Tuple("document:1#editor@user:anne"),
            Tuple("document:2#viewer@user:anne"),
            Tuple("folder:1#viewer@user:anne"),
        ]));

        async Task<string[]> Read(TupleQuery q) => (await ReadAllAsync(_store, "s", q)).Select(Text).ToArray();

        (await Read(new TupleQuery { ObjectType = "document", ObjectId = "1", Relation = "viewer" })).Length.ShouldBe(3);
        (await Read(new TupleQuery { ObjectType = "document" })).Length.ShouldBe(5);
        (await Read(new TupleQuery { Relation = "editor" })).ShouldBe(["document:1#editor@user:anne"]);
        (await Read(new TupleQuery { Subject = new SubjectRef("user", "*") })).ShouldBe(["document:1#viewer@user:*"]);
        (await Read(new TupleQuery { Subject = new SubjectRef("group", "eng", "member") })).ShouldBe(["document:1#viewer@group:eng#member"]);
        (await Read(new TupleQuery { Subject = new SubjectRef("group", "eng") })).ShouldBeEmpty();
        (await Read(new TupleQuery { Subject = new SubjectRef("user", "anne"), ObjectType = "document", Limit = 1 }))
            .ShouldBe(["document:1#editor@user:anne", "document:1#viewer@user:anne", "document:2#viewer@user:anne"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public async Task ReadTuples_LimitOutOfRange_IsAValidationError(int limit)
    {
        var error = await Should.ThrowAsync<ArbiterException>(async () => await _store.ReadTuplesAsync("s", new TupleQuery { Limit = limit }));

        error.Code.ShouldBe(ArbiterErrorCode.ValidationError);
        error.Message.ShouldContain(limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ReadTuples_BadToken_IsAValidationErrorNamingTheToken()
    {
        var error = await Should.ThrowAsync<ArbiterException>(async () =>
            await _store.ReadTuplesAsync("s", new TupleQuery { ContinuationToken = "not-a-token" }));

        error.Code.ShouldBe(ArbiterErrorCode.ValidationError);
        error.Message.ShouldContain("continuation token");
    }

    [Fact]
    public async Task ReadTuples_ConditionContext_RoundTrips()
    {
        var context = new Dictionary<string, object?> { ["n"] = 1.5, ["when"] = "2024-01-01T00:00:00Z", ["list"] = new List<object?> { true, "x" }, ["m"] = new Dictionary<string, object?> { ["k"] = true } };
        await _store.WriteAsync("s", Writes([Tuple("document:1#viewer@user:anne", new TupleCondition("recent", context)), Tuple("document:2#viewer@user:anne", new TupleCondition("recent"))]));

        var tuples = (await _store.ReadTuplesAsync("s", new TupleQuery())).Tuples;

        tuples[0].Condition!.Context!["n"].ShouldBe(1.5);
        tuples[0].Condition!.Context!["list"].ShouldBe(new List<object?> { true, "x" });
        tuples[0].Condition!.Context!["when"].ShouldBe("2024-01-01T00:00:00Z");
        ((IReadOnlyDictionary<string, object?>)tuples[0].Condition!.Context!["m"]!)["k"].ShouldBe(true);
        tuples[1].Condition.ShouldBe(new TupleCondition("recent"));
    }

    [Fact]
    public async Task Models_WriteReadAndList_NewestFirst()
    {
        var first = await _store.WriteModelAsync("s", NewModel());
        var second = await _store.WriteModelAsync("s", NewModel());

        first.Revision.ShouldBe(1);
        second.Revision.ShouldBe(2);
        first.Model.Id.ShouldBe(first.Id);
        (await _store.ReadModelAsync("s"))!.Id.ShouldBe(second.Id);
        var again = (await _store.ReadModelAsync("s", first.Id))!;
        again.Model.Id.ShouldBe(first.Id);
        again.CreatedAt.ShouldBe(first.CreatedAt);
        again.Model.Types.Select(static t => t.Name).ShouldBe(["user", "document"]);
        (await _store.ReadModelAsync("s", "nope")).ShouldBeNull();
        (await _store.ListModelsAsync("s")).Select(static m => m.Id).ShouldBe([second.Id, first.Id]);
        (await _store.ListModelsAsync("s", limit: 1)).Single().Id.ShouldBe(second.Id);
        (await _store.ReadChangesAsync("s", 0)).Select(static c => c.ModelId).ShouldBe([first.Id, second.Id]);
    }

    [Fact]
    public async Task ReadModel_StoredJsonThatNoLongerParses_FailsWithoutRetry()
    {
        var model = await _store.WriteModelAsync("s", NewModel());
        _file.Scalar("UPDATE models SET json = '{\"schema_version\":\"1.1\",\"type_definitions\":[{\"type\":\"x\",\"relations\":{\"r\":{\"this\":{}}}}]}'");

        var error = await Should.ThrowAsync<ArbiterStorageException>(async () => await _store.ReadModelAsync("s"));

        error.IsTransient.ShouldBeFalse();
        error.Message.ShouldContain(model.Id);
    }

    [Fact]
    public async Task Stores_CreateListGetDelete()
    {
        await _store.CreateStoreAsync("b", "Bee");
        var generated = await _store.CreateStoreAsync();

        generated.Id.Length.ShouldBe(26);
        generated.Name.ShouldBe(generated.Id);
        (await _store.ListStoresAsync()).Select(static s => s.Id).ShouldBe(new[] { "s", "b", generated.Id }.Order(StringComparer.Ordinal));
        (await Should.ThrowAsync<ArbiterException>(async () => await _store.CreateStoreAsync("b"))).Code.ShouldBe(ArbiterErrorCode.StoreExists);
        (await Should.ThrowAsync<ArbiterException>(async () => await _store.CreateStoreAsync("bad id"))).Code.ShouldBe(ArbiterErrorCode.ValidationError);
        (await _store.GetStoreAsync("b"))!.Name.ShouldBe("Bee");
        (await _store.GetStoreAsync("zz")).ShouldBeNull();
        (await _store.DeleteStoreAsync("b")).ShouldBeTrue();
        (await _store.DeleteStoreAsync("b")).ShouldBeFalse();
        (await _store.GetStoreAsync("b")).ShouldBeNull();
    }

    [Fact]
    public async Task DeleteStore_RemovesEveryRowOfThatStoreOnly()
    {
        await _store.CreateStoreAsync("other");
        foreach (var id in (string[])["s", "other"])
        {
            await _store.WriteModelAsync(id, NewModel());
            await _store.WriteAsync(id, new StoreWrite
            {
                Writes = Viewers(5),
                SetAttributes = [new EntityAttributes(new ObjectRef("user", "u1"), new Dictionary<string, object?> { ["a"] = 1L })],
                IdempotencyKey = "k",
            });
        }

        await _store.DeleteStoreAsync("s");

        foreach (var table in (string[])["models", "tuples", "attributes", "changes", "idempotency"])
        {
            _file.Scalar($"SELECT count(DISTINCT store) FROM {table}").ShouldBe(1L, table);
        }
        (await ReadAllAsync(_store, "other")).Count.ShouldBe(5);
        await _store.CreateStoreAsync("s");
        (await _store.ReadRevisionAsync("s")).ShouldBe(0);
        (await ReadAllAsync(_store, "s")).ShouldBeEmpty();
        (await _store.WriteAsync("s", Writes(Viewers(1)) with { IdempotencyKey = "k" })).ShouldBe(new WriteResult(1));
    }

    [Fact]
    public async Task EveryPerStoreMethod_UnknownStore_IsStoreNotFound()
    {
        var calls = new Func<Task>[]
        {
            async () => await _store.ReadRevisionAsync("x"),
            async () => await _store.ReadModelAsync("x"),
            async () => await _store.ListModelsAsync("x"),
            async () => await _store.ReadTuplesAsync("x", new TupleQuery()),
            async () => await _store.ReadAttributesAsync("x", new ObjectRef("user", "a")),
            async () => await _store.OpenStateAsync("x"),
            async () => await _store.ReadChangesAsync("x", 0),
            async () => await _store.WaitForRevisionAsync("x", 0, TimeSpan.FromSeconds(1)),
            async () => await _store.WriteModelAsync("x", NewModel()),
            async () => await _store.WriteAsync("x", Writes(Viewers(1))),
            async () => await _store.ImportAsync("x", new StoreImport { Revision = 1, Tuples = AsyncEnumerable.Empty<RelationshipTuple>(), Attributes = AsyncEnumerable.Empty<EntityAttributes>() }),
        };
        foreach (var call in calls)
        {
            (await Should.ThrowAsync<ArbiterException>(call)).Code.ShouldBe(ArbiterErrorCode.StoreNotFound);
        }
    }
}
