using static Arbiter.Storage.Tests.Snapshots.SnapshotData;
using static Arbiter.Storage.Tests.Support.Tuples;

namespace Arbiter.Storage.Tests.Snapshots;

/// <summary>An engine loaded from a snapshot alone decides, then follows the store's change feed.</summary>
public sealed class EngineSnapshotTests
{
    private static CheckRequest Check(string user, string relation, string obj, Consistency? consistency = null, Dictionary<string, object?>? context = null) =>
        CheckRequest.Create(user, relation, obj) with { Consistency = consistency, Context = context };

    [Fact]
    public async Task FromSnapshot_DecidesWithNoStore()
    {
        var source = await SeededStoreAsync();
        var (bytes, info) = await ExportAsync(source);
        await using var engine = await AuthorizationEngine.FromSnapshotAsync(new MemoryStream(bytes));

        engine.Revision.ShouldBe(info.Revision);
        engine.ModelId.ShouldBe(info.ModelId);
        engine.TupleCount.ShouldBe(6);
        engine.StoreId.ShouldBeNull();
        (await engine.CheckAsync(Check("user:bob", "viewer", "document:1"))).Allowed.ShouldBeTrue();
        (await engine.CheckAsync(Check("user:anne", "viewer", "document:1"))).Allowed.ShouldBeFalse(); // deleted at revision 3
        (await engine.CheckAsync(Check("user:zoe", "reader", "document:1"))).Allowed.ShouldBeTrue();
        (await engine.CheckAsync(Check("user:someone", "viewer", "document:2"))).Allowed.ShouldBeTrue();
        (await engine.CheckAsync(Check("user:carl", "viewer", "document:3", context: new() { ["age"] = 5L }))).Allowed.ShouldBeTrue();
        (await engine.CheckAsync(Check("user:carl", "viewer", "document:3", context: new() { ["age"] = 50L }))).Allowed.ShouldBeFalse();
        (await engine.CheckAsync(Check("user:erin", "reader", "document:5"))).Allowed.ShouldBeTrue(); // attributes: same department
        (await engine.CheckAsync(Check("user:bob", "reader", "document:5"))).Allowed.ShouldBeFalse();
    }

    [Fact]
    public async Task FromSnapshot_ThenFollow_SeesLaterWrites()
    {
        var store = await SeededStoreAsync();
        var (bytes, info) = await ExportAsync(store);
        var written = await store.WriteAsync("s", new StoreWrite
        {
            Writes = [T("document:7#viewer@user:anne")],
            Deletes = [T("group:eng#member@user:bob")],
        });
        await using var engine = await AuthorizationEngine.FromSnapshotAsync(new MemoryStream(bytes));
        (await engine.CheckAsync(Check("user:anne", "viewer", "document:7"))).Allowed.ShouldBeFalse();

        engine.Follow(store, "s");
        engine.StoreId.ShouldBe("s");
        (await engine.CheckAsync(Check("user:anne", "viewer", "document:7", Consistency.AtLeast(written.Revision)))).Allowed.ShouldBeTrue();
        (await engine.CheckAsync(Check("user:bob", "viewer", "document:1"))).Allowed.ShouldBeFalse();

        var later = await store.WriteAsync("s", new StoreWrite
        {
            SetAttributes = [new EntityAttributes(new ObjectRef("user", "bob"), new Dictionary<string, object?> { ["department"] = "sales" })],
        });
        (await engine.CheckAsync(Check("user:bob", "reader", "document:5", Consistency.AtLeast(later.Revision)))).Allowed.ShouldBeTrue();
        engine.Revision.ShouldBe(later.Revision);
        engine.Revision.ShouldBeGreaterThan(info.Revision);
        (await engine.CheckAsync(Check("user:bob", "reader", "document:5", Consistency.Latest))).Allowed.ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => engine.Follow(store, "s"));
    }

    [Fact]
    public async Task Follow_ReadOnlyStore_RefusesWritesThroughTheEngine()
    {
        var store = await SeededStoreAsync();
        var (bytes, _) = await ExportAsync(store);
        await using var engine = await AuthorizationEngine.FromSnapshotAsync(new MemoryStream(bytes));
        engine.Follow(new ReadOnly(store), "s");
        engine.Store.ShouldBeNull();
        engine.StoreReader.ShouldNotBeNull();
        (await Should.ThrowAsync<InvalidOperationException>(engine.WriteAsync(Write(T("document:8#viewer@user:anne"))).AsTask())).Message.ShouldContain("read-only");
        var written = await store.WriteAsync("s", Write(T("document:8#viewer@user:anne")));
        (await engine.CheckAsync(Check("user:anne", "viewer", "document:8", Consistency.AtLeast(written.Revision)))).Allowed.ShouldBeTrue();
    }

    [Fact]
    public async Task FromSnapshot_WithoutModel_IsModelNotFound()
    {
        var store = new InMemoryStore();
        await store.CreateStoreAsync("s");
        var (bytes, _) = await ExportAsync(store);
        (await Should.ThrowAsync<ArbiterException>(AuthorizationEngine.FromSnapshotAsync(new MemoryStream(bytes)))).Code.ShouldBe(ArbiterErrorCode.ModelNotFound);
    }

    /// <summary>Only the read side of a store.</summary>
    private sealed class ReadOnly(IStoreReader inner) : IStoreReader
    {
        public ValueTask<StoreInfo?> GetStoreAsync(string storeId, CancellationToken cancellationToken = default) => inner.GetStoreAsync(storeId, cancellationToken);

        public ValueTask<IReadOnlyList<StoreInfo>> ListStoresAsync(CancellationToken cancellationToken = default) => inner.ListStoresAsync(cancellationToken);

        public ValueTask<long> ReadRevisionAsync(string storeId, CancellationToken cancellationToken = default) => inner.ReadRevisionAsync(storeId, cancellationToken);

        public ValueTask<StoredModel?> ReadModelAsync(string storeId, string? modelId = null, CancellationToken cancellationToken = default) => inner.ReadModelAsync(storeId, modelId, cancellationToken);

        public ValueTask<IReadOnlyList<StoredModelInfo>> ListModelsAsync(string storeId, int limit = 100, CancellationToken cancellationToken = default) => inner.ListModelsAsync(storeId, limit, cancellationToken);

        public ValueTask<TuplePage> ReadTuplesAsync(string storeId, TupleQuery filter, CancellationToken cancellationToken = default) => inner.ReadTuplesAsync(storeId, filter, cancellationToken);

        public ValueTask<EntityAttributes?> ReadAttributesAsync(string storeId, ObjectRef entity, CancellationToken cancellationToken = default) => inner.ReadAttributesAsync(storeId, entity, cancellationToken);

        public ValueTask<IStoreState> OpenStateAsync(string storeId, CancellationToken cancellationToken = default) => inner.OpenStateAsync(storeId, cancellationToken);

        public ValueTask<IReadOnlyList<StoreChange>> ReadChangesAsync(string storeId, long afterRevision, int limit = 1000, CancellationToken cancellationToken = default) => inner.ReadChangesAsync(storeId, afterRevision, limit, cancellationToken);

        public ValueTask<long> WaitForRevisionAsync(string storeId, long afterRevision, TimeSpan timeout, CancellationToken cancellationToken = default) => inner.WaitForRevisionAsync(storeId, afterRevision, timeout, cancellationToken);
    }
}
