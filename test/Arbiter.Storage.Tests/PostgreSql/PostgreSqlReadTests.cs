using Arbiter.Storage.PostgreSql;

namespace Arbiter.Storage.Tests.PostgreSql;

public sealed class PostgreSqlReadTests(PostgresSchema schema) : IClassFixture<PostgresSchema>
{
    private static RelationshipTuple T(string text) => RelationshipTuple.Parse(text);

    private async Task<(PostgreSqlStore Store, string Id)> NewStoreAsync()
    {
        var store = schema.CreateStore();
        return (store, (await store.CreateStoreAsync()).Id);
    }

    [PostgresFact]
    public async Task ReadTuples_PagesInCodePointOrder()
    {
        var (store, id) = await NewStoreAsync();
        // 'B' < 'a' < 'é' < '𝔸' in code point order, unlike most linguistic collations
        var tuples = new[] { "doc:a#viewer@user:x", "doc:B#viewer@user:x", "doc:é#viewer@user:x", "doc:𝔸#viewer@user:x", "doc:a#viewer@group:g#member", "doc:a#viewer@user:*" }
            .Select(T).ToList();
        await store.WriteAsync(id, new StoreWrite { Writes = tuples });

        var all = new List<RelationshipTuple>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await store.ReadTuplesAsync(id, new TupleQuery { Limit = 2, ContinuationToken = token });
            all.AddRange(page.Tuples);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        pages.ShouldBe(3);
        all.Select(TupleKey.Of).ShouldBe(tuples.Select(TupleKey.Of).Order());
    }

    [PostgresFact]
    public async Task ReadTuples_Filters()
    {
        var (store, id) = await NewStoreAsync();
        await store.WriteAsync(id, new StoreWrite
        {
            Writes = [T("doc:1#viewer@user:anne"), T("doc:1#editor@user:anne"), T("doc:2#viewer@user:*"), T("folder:1#viewer@group:g#member")],
        });

        async Task<string> Read(TupleQuery q) => PostgreSqlWriteTests.Describe((await store.ReadTuplesAsync(id, q)).Tuples);

        (await Read(new TupleQuery { ObjectType = "doc", ObjectId = "1" })).ShouldBe("doc:1#editor@user:anne, doc:1#viewer@user:anne");
        (await Read(new TupleQuery { Relation = "viewer" })).ShouldBe("doc:1#viewer@user:anne, doc:2#viewer@user:*, folder:1#viewer@group:g#member");
        (await Read(new TupleQuery { Subject = new SubjectRef("user", "*") })).ShouldBe("doc:2#viewer@user:*");
        (await Read(new TupleQuery { Subject = new SubjectRef("group", "g") })).ShouldBe(string.Empty);
        (await Read(new TupleQuery { Subject = new SubjectRef("group", "g", "member") })).ShouldBe("folder:1#viewer@group:g#member");
    }

    [PostgresTheory]
    [InlineData(0)]
    [InlineData(10_001)]
    public async Task ReadTuples_LimitOutOfRange_IsValidationError(int limit)
    {
        var (store, id) = await NewStoreAsync();

        (await Should.ThrowAsync<ArbiterException>(() => store.ReadTuplesAsync(id, new TupleQuery { Limit = limit }).AsTask())).Code.ShouldBe(ArbiterErrorCode.ValidationError);
    }

    [PostgresFact]
    public async Task ReadTuples_BadToken_IsValidationError()
    {
        var (store, id) = await NewStoreAsync();

        (await Should.ThrowAsync<ArbiterException>(() => store.ReadTuplesAsync(id, new TupleQuery { ContinuationToken = "not-a-token" }).AsTask()))
            .Code.ShouldBe(ArbiterErrorCode.ValidationError);
    }

    [PostgresFact]
    public async Task ChangeFeed_GroupsOneWritePerRevision_InOrder()
    {
        var (store, id) = await NewStoreAsync();
        var model = Arbiter.Parsing.ModelJson.Parse("""{"schema_version":"1.1","type_definitions":[{"type":"user"}]}""").GetModelOrThrow();
        var stored = await store.WriteModelAsync(id, model);
        await store.WriteAsync(id, new StoreWrite
        {
            Writes = [T("doc:1#viewer@user:anne"), T("doc:2#viewer@user:bob")],
            SetAttributes = [new EntityAttributes(new ObjectRef("user", "anne"), new Dictionary<string, object?> { ["a"] = "b" })],
        });
        await store.WriteAsync(id, new StoreWrite { Deletes = [T("doc:1#viewer@user:anne")] });

        var changes = await store.ReadChangesAsync(id, 0);
        var limited = await store.ReadChangesAsync(id, 1, limit: 1);

        changes.Select(c => c.Revision).ShouldBe([1L, 2L, 3L]);
        changes[0].ModelId.ShouldBe(stored.Id);
        PostgreSqlWriteTests.Describe(changes[1].Written).ShouldBe("doc:1#viewer@user:anne, doc:2#viewer@user:bob");
        changes[1].AttributesSet.Single().Entity.ShouldBe(new ObjectRef("user", "anne"));
        PostgreSqlWriteTests.Describe(changes[2].Deleted).ShouldBe("doc:1#viewer@user:anne");
        limited.Single().Revision.ShouldBe(2);
        (await store.ReadChangesAsync(id, 3)).ShouldBeEmpty();
        (await store.ReadModelAsync(id))!.Id.ShouldBe(stored.Id);
        (await store.ListModelsAsync(id)).Single().Revision.ShouldBe(1);
    }

    [PostgresFact]
    public async Task Import_FillsEmptyStore_AndChangesStartAfterIt()
    {
        var (store, id) = await NewStoreAsync();
        var model = Arbiter.Parsing.ModelJson.Parse("""{"schema_version":"1.1","type_definitions":[{"type":"user"}]}""").GetModelOrThrow();
        var tuples = Enumerable.Range(0, 2000).Select(i => T($"doc:{i}#viewer@user:u{i}")).ToList();

        await store.ImportAsync(id, new StoreImport
        {
            Revision = 42,
            Model = new StoredModel("01JMODEL0000000000000000000", 40, DateTimeOffset.UnixEpoch, model),
            Tuples = tuples.ToAsyncEnumerable(),
            Attributes = new[] { new EntityAttributes(new ObjectRef("user", "u1"), new Dictionary<string, object?> { ["x"] = "y" }) }.ToAsyncEnumerable(),
        });

        (await store.ReadRevisionAsync(id)).ShouldBe(42);
        (await store.ReadModelAsync(id))!.Id.ShouldBe("01JMODEL0000000000000000000");
        (await store.ReadAttributesAsync(id, new ObjectRef("user", "u1"))).ShouldNotBeNull();
        (await Should.ThrowAsync<ArbiterException>(() => store.ReadChangesAsync(id, 41).AsTask())).Code.ShouldBe(ArbiterErrorCode.ChangesUnavailable);
        (await store.ReadChangesAsync(id, 42)).ShouldBeEmpty();
        (await store.WriteAsync(id, new StoreWrite { Writes = [T("doc:x#viewer@user:u")] })).Revision.ShouldBe(43);
        (await store.ReadChangesAsync(id, 42)).Single().Revision.ShouldBe(43);
        await using var state = await store.OpenStateAsync(id);
        (await state.ReadTuplesAsync().CountAsync()).ShouldBe(2001);
    }

    [PostgresFact]
    public async Task Import_DuplicateKey_ImportsNothing_AndNonEmptyStoreIsRefused()
    {
        var (store, id) = await NewStoreAsync();
        StoreImport Import(params string[] tuples) => new()
        {
            Revision = 5,
            Tuples = tuples.Select(T).ToAsyncEnumerable(),
            Attributes = AsyncEnumerable.Empty<EntityAttributes>(),
        };

        var duplicate = await Should.ThrowAsync<ArbiterException>(() => store.ImportAsync(id, Import("doc:1#viewer@user:a", "doc:2#viewer@user:a", "doc:1#viewer@user:a")).AsTask());
        var farApart = Enumerable.Range(0, 5000).Select(i => $"doc:{i}#viewer@user:a").Append("doc:1#viewer@user:a").ToArray();
        var copyDuplicate = await Should.ThrowAsync<ArbiterException>(() => store.ImportAsync(id, Import(farApart)).AsTask());
        var revisionAfterFailure = await store.ReadRevisionAsync(id);
        await store.ImportAsync(id, Import("doc:1#viewer@user:a"));
        var again = await Should.ThrowAsync<ArbiterException>(() => store.ImportAsync(id, Import("doc:3#viewer@user:a")).AsTask());

        duplicate.Code.ShouldBe(ArbiterErrorCode.InvalidTuple);
        copyDuplicate.Code.ShouldBe(ArbiterErrorCode.InvalidTuple);
        copyDuplicate.Message.ShouldNotContain("user:a");
        revisionAfterFailure.ShouldBe(0);
        again.Code.ShouldBe(ArbiterErrorCode.StoreNotEmpty);
        (await store.ReadTuplesAsync(id, new TupleQuery())).Tuples.Count.ShouldBe(1);
    }

    [PostgresFact]
    public async Task State_IsASnapshot_WhileWritesGoOn()
    {
        var (store, id) = await NewStoreAsync();
        await store.WriteAsync(id, new StoreWrite { Writes = [T("doc:1#viewer@user:a"), T("doc:2#viewer@user:a")] });
        await store.WriteAsync(id, new StoreWrite { SetAttributes = [new EntityAttributes(new ObjectRef("user", "a"), new Dictionary<string, object?> { ["k"] = true })] });

        await using var state = await store.OpenStateAsync(id);
        await store.WriteAsync(id, new StoreWrite { Writes = [T("doc:3#viewer@user:a")], ClearAttributes = [new ObjectRef("user", "a")] });

        state.Revision.ShouldBe(2);
        state.Model.ShouldBeNull();
        (await state.ReadTuplesAsync().ToListAsync()).Count.ShouldBe(2);
        (await state.ReadAttributesAsync().ToListAsync()).Single().Entity.ShouldBe(new ObjectRef("user", "a"));
    }
}
