using static Arbiter.Storage.Tests.Sqlite.SqliteTestData;

namespace Arbiter.Storage.Tests.Sqlite;

public sealed class SqliteStoreChangesTests : IAsyncLifetime
{
    private readonly SqliteTestFile _file = new();
    private readonly FixedTime _time = new(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private Arbiter.Storage.Sqlite.SqliteStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await _file.OpenAsync(_file.Options(_time));
        await _store.CreateStoreAsync("s");
    }

    public async Task DisposeAsync() => await _file.DisposeAsync();

    [Fact]
    public async Task ReadChanges_GroupsTheRowsOfEachRevision()
    {
        var anne = new ObjectRef("user", "anne");
        await _store.WriteAsync("s", new StoreWrite
        {
            Writes = Viewers(3),
            SetAttributes = [new EntityAttributes(anne, new Dictionary<string, object?> { ["age"] = 3L })],
        });
        _time.Advance(TimeSpan.FromSeconds(1));
        await _store.WriteAsync("s", new StoreWrite { Deletes = Viewers(2), ClearAttributes = [anne] });
        _time.Advance(TimeSpan.FromSeconds(1));
        var model = await _store.WriteModelAsync("s", NewModel());

        var changes = await _store.ReadChangesAsync("s", 0);

        changes.Select(static c => c.Revision).ShouldBe([1, 2, 3]);
        changes[0].Written.Select(Text).ShouldBe(Viewers(3).Select(Text));
        changes[0].AttributesSet.ShouldHaveSingleItem().Entity.ShouldBe(anne);
        changes[0].CommittedAt.ShouldBe(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
        changes[1].Deleted.Select(Text).ShouldBe(Viewers(2).Select(Text));
        changes[1].AttributesCleared.ShouldBe([anne]);
        changes[1].Written.ShouldBeEmpty();
        changes[1].CommittedAt.ShouldBe(new DateTimeOffset(2025, 1, 2, 3, 4, 6, TimeSpan.Zero));
        changes[2].ModelId.ShouldBe(model.Id);
        changes[2].Written.ShouldBeEmpty();
        changes[0].ModelId.ShouldBeNull();
    }

    [Fact]
    public async Task ReadChanges_LimitAndAfter_SelectWholeRevisions()
    {
        for (var i = 0; i < 5; i++)
        {
            await _store.WriteAsync("s", Writes(Viewers(3, from: i * 3)));
        }

        (await _store.ReadChangesAsync("s", 1, limit: 2)).Select(static c => c.Revision).ShouldBe([2, 3]);
        (await _store.ReadChangesAsync("s", 3, limit: 10)).Select(static c => c.Written.Count).ShouldBe([3, 3]);
        (await _store.ReadChangesAsync("s", 5)).ShouldBeEmpty();
        (await _store.ReadChangesAsync("s", 50)).ShouldBeEmpty();
    }

    [Fact]
    public async Task OpenState_IsASnapshot_WritesAfterItAreNotSeen()
    {
        await _store.WriteModelAsync("s", NewModel());
        await _store.WriteAsync("s", new StoreWrite
        {
            Writes = Viewers(100),
            SetAttributes = [new EntityAttributes(new ObjectRef("user", "b"), new Dictionary<string, object?> { ["x"] = 1L }),
                new EntityAttributes(new ObjectRef("user", "a"), new Dictionary<string, object?> { ["x"] = 2L })],
        });

        await using var state = await _store.OpenStateAsync("s");
        await _store.WriteAsync("s", new StoreWrite { Writes = Viewers(50, from: 1000), Deletes = Viewers(10) });
        var newer = await _store.WriteModelAsync("s", NewModel());

        state.Revision.ShouldBe(2);
        state.Store.Id.ShouldBe("s");
        state.Model!.Revision.ShouldBe(1);
        state.Model.Id.ShouldNotBe(newer.Id);
        var tuples = await state.ReadTuplesAsync().ToListAsync();
        tuples.Select(Text).ShouldBe(Viewers(100).Select(Text).Order(StringComparer.Ordinal));
        var attributes = await state.ReadAttributesAsync().ToListAsync();
        attributes.Select(static a => a.Entity.Id).ShouldBe(["a", "b"]);
        attributes[0].Values["x"].ShouldBe(2L);
        (await _store.ReadRevisionAsync("s")).ShouldBe(4);
    }

    [Fact]
    public async Task OpenState_EmptyStore_HasNoModelAndNoRows()
    {
        await using var state = await _store.OpenStateAsync("s");

        state.Revision.ShouldBe(0);
        state.Model.ShouldBeNull();
        (await state.ReadTuplesAsync().ToListAsync()).ShouldBeEmpty();
        (await state.ReadAttributesAsync().ToListAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Import_IntoEmptyStore_SetsRevisionModelAndFeedStart()
    {
        var model = new StoredModel("01HZZZZZZZZZZZZZZZZZZZZZZZ", 40, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), NewModel());
        var import = new StoreImport
        {
            Revision = 42,
            Model = model,
            Tuples = Viewers(2000).ToAsyncEnumerable(),
            Attributes = new[] { new EntityAttributes(new ObjectRef("user", "u1"), new Dictionary<string, object?> { ["a"] = "b" }) }.ToAsyncEnumerable(),
        };

        await _store.ImportAsync("s", import);

        (await _store.ReadRevisionAsync("s")).ShouldBe(42);
        var read = (await _store.ReadModelAsync("s"))!;
        (read.Id, read.Revision, read.CreatedAt).ShouldBe((model.Id, 40L, model.CreatedAt));
        read.Model.Id.ShouldBe(model.Id);
        (await ReadAllAsync(_store, "s")).Count.ShouldBe(2000);
        (await _store.ReadAttributesAsync("s", new ObjectRef("user", "u1")))!.Values["a"].ShouldBe("b");
        (await _store.ReadChangesAsync("s", 42)).ShouldBeEmpty();
        var error = await Should.ThrowAsync<ArbiterException>(async () => await _store.ReadChangesAsync("s", 41));
        error.Code.ShouldBe(ArbiterErrorCode.ChangesUnavailable);
        error.Message.ShouldContain("snapshot");
        (await _store.WriteAsync("s", Writes(Viewers(1, from: 5000)))).Revision.ShouldBe(43);
        (await _store.ReadChangesAsync("s", 42)).ShouldHaveSingleItem().Revision.ShouldBe(43);
    }

    [Fact]
    public async Task Import_IntoStoreWithData_IsStoreNotEmpty()
    {
        await _store.WriteAsync("s", Writes(Viewers(1)));
        await _store.WriteAsync("s", new StoreWrite { Deletes = Viewers(1) });

        var error = await Should.ThrowAsync<ArbiterException>(async () => await _store.ImportAsync("s", new StoreImport
        {
            Revision = 5,
            Tuples = Viewers(1).ToAsyncEnumerable(),
            Attributes = AsyncEnumerable.Empty<EntityAttributes>(),
        }));

        error.Code.ShouldBe(ArbiterErrorCode.StoreNotEmpty);
        (await _store.ReadRevisionAsync("s")).ShouldBe(2);
    }

    [Fact]
    public async Task Import_DuplicateTupleAcrossChunks_ImportsNothing()
    {
        var tuples = Viewers(3000);
        tuples.Add(tuples[10]);

        var error = await Should.ThrowAsync<ArbiterException>(async () => await _store.ImportAsync("s", new StoreImport
        {
            Revision = 7,
            Model = new StoredModel("m1", 7, DateTimeOffset.UnixEpoch, NewModel()),
            Tuples = tuples.ToAsyncEnumerable(),
            Attributes = AsyncEnumerable.Empty<EntityAttributes>(),
        }));

        error.Code.ShouldBe(ArbiterErrorCode.InvalidTuple);
        error.Message.ShouldContain("document:10#viewer@user:u10");
        (await _store.ReadRevisionAsync("s")).ShouldBe(0);
        (await _store.ReadModelAsync("s")).ShouldBeNull();
        (await ReadAllAsync(_store, "s")).ShouldBeEmpty();
        await _store.ImportAsync("s", new StoreImport { Revision = 7, Tuples = Viewers(3).ToAsyncEnumerable(), Attributes = AsyncEnumerable.Empty<EntityAttributes>() });
        (await ReadAllAsync(_store, "s")).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Import_DuplicateEntity_ImportsNothing()
    {
        var a = new EntityAttributes(new ObjectRef("user", "a"), new Dictionary<string, object?> { ["x"] = 1L });

        var error = await Should.ThrowAsync<ArbiterException>(async () => await _store.ImportAsync("s", new StoreImport
        {
            Revision = 3,
            Tuples = Viewers(3).ToAsyncEnumerable(),
            Attributes = new[] { a, a }.ToAsyncEnumerable(),
        }));

        error.Code.ShouldBe(ArbiterErrorCode.ValidationError);
        (await ReadAllAsync(_store, "s")).ShouldBeEmpty();
    }
}
