using Arbiter.Model;
using Arbiter.Parsing;

namespace Arbiter.Storage.Tests.Engine;

/// <summary>While its store fails, an engine keeps answering from its last revision, says why it is behind, and catches up afterwards.</summary>
public sealed class FailingStoreTests
{
    [Fact]
    public async Task StoreDown_EngineAnswersFromItsLastRevision_ThenCatchesUp()
    {
        var inner = new InMemoryStore();
        await inner.CreateStoreAsync("s");
        await inner.WriteModelAsync("s", ModelParser.Parse("model\n  schema 1.1\ntype user\ntype document\n  relations\n    define viewer: [user]\n").GetModelOrThrow());
        await inner.WriteAsync("s", new StoreWrite { Writes = [RelationshipTuple.Parse("document:1#viewer@user:anne")] });
        var store = new SwitchableStore(inner);
        await using var engine = await AuthorizationEngine.OpenAsync(store, "s", new AuthorizationEngineOptions
        {
            ConsistencyTimeout = TimeSpan.FromMilliseconds(300),
            FollowMaxRetryDelay = TimeSpan.FromMilliseconds(100),
        });

        store.Down = true;
        var token = (await inner.WriteAsync("s", new StoreWrite { Writes = [RelationshipTuple.Parse("document:2#viewer@user:anne")] })).Revision;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (engine.LastStoreError is null)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the follower never noticed the failing store");
            await Task.Delay(10);
        }
        engine.LastStoreError.ShouldBeOfType<ArbiterStorageException>().IsTransient.ShouldBeTrue();
        // still answering, from revision 2
        var old = await engine.CheckAsync(CheckRequest.Create("user:anne", "viewer", "document:1"));
        old.Allowed.ShouldBeTrue();
        old.Revision.ShouldBe(2);
        (await engine.CheckAsync(CheckRequest.Create("user:anne", "viewer", "document:2"))).Allowed.ShouldBeFalse();
        // a request that needs the new revision fails closed, saying why
        var timeout = await Should.ThrowAsync<ArbiterException>(engine.CheckAsync(CheckRequest.Create("user:anne", "viewer", "document:2") with { Consistency = Consistency.AtLeast(token) }).AsTask());
        timeout.Code.ShouldBe(ArbiterErrorCode.ConsistencyTimeout);
        timeout.Message.ShouldContain("the store fails");
        (await Should.ThrowAsync<ArbiterStorageException>(engine.WriteAsync(new StoreWrite { Writes = [RelationshipTuple.Parse("document:3#viewer@user:anne")] }).AsTask())).IsTransient.ShouldBeTrue();

        store.Down = false;
        (await engine.CheckAsync(CheckRequest.Create("user:anne", "viewer", "document:2") with { Consistency = Consistency.AtLeast(token) })).Allowed.ShouldBeTrue();
        deadline = DateTime.UtcNow.AddSeconds(10);
        while (engine.LastStoreError is not null)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline);
            await Task.Delay(10);
        }
    }

    /// <summary>A store whose every call fails with a transient storage error while <see cref="Down"/>.</summary>
    private sealed class SwitchableStore(IStore inner) : IStore
    {
        public volatile bool Down;

        public string Description => "switchable";

        private void ThrowIfDown()
        {
            if (Down)
            {
                throw new ArbiterStorageException("cannot reach the database (test: switched off)", isTransient: true, new IOException("connection refused"));
            }
        }

        private async ValueTask<T> Call<T>(Func<ValueTask<T>> call)
        {
            await Task.Yield();
            ThrowIfDown();
            return await call();
        }

        public ValueTask<StoreInfo?> GetStoreAsync(string storeId, CancellationToken cancellationToken = default) => Call(() => inner.GetStoreAsync(storeId, cancellationToken));
        public ValueTask<IReadOnlyList<StoreInfo>> ListStoresAsync(CancellationToken cancellationToken = default) => Call(() => inner.ListStoresAsync(cancellationToken));
        public ValueTask<long> ReadRevisionAsync(string storeId, CancellationToken cancellationToken = default) => Call(() => inner.ReadRevisionAsync(storeId, cancellationToken));
        public ValueTask<StoredModel?> ReadModelAsync(string storeId, string? modelId = null, CancellationToken cancellationToken = default) => Call(() => inner.ReadModelAsync(storeId, modelId, cancellationToken));
        public ValueTask<IReadOnlyList<StoredModelInfo>> ListModelsAsync(string storeId, int limit = 100, CancellationToken cancellationToken = default) => Call(() => inner.ListModelsAsync(storeId, limit, cancellationToken));
        public ValueTask<TuplePage> ReadTuplesAsync(string storeId, TupleQuery filter, CancellationToken cancellationToken = default) => Call(() => inner.ReadTuplesAsync(storeId, filter, cancellationToken));
        public ValueTask<EntityAttributes?> ReadAttributesAsync(string storeId, ObjectRef entity, CancellationToken cancellationToken = default) => Call(() => inner.ReadAttributesAsync(storeId, entity, cancellationToken));
        public ValueTask<IStoreState> OpenStateAsync(string storeId, CancellationToken cancellationToken = default) => Call(() => inner.OpenStateAsync(storeId, cancellationToken));
        public ValueTask<IReadOnlyList<StoreChange>> ReadChangesAsync(string storeId, long afterRevision, int limit = 1000, CancellationToken cancellationToken = default) => Call(() => inner.ReadChangesAsync(storeId, afterRevision, limit, cancellationToken));
        public ValueTask<long> WaitForRevisionAsync(string storeId, long afterRevision, TimeSpan timeout, CancellationToken cancellationToken = default) => Call(() => inner.WaitForRevisionAsync(storeId, afterRevision, timeout, cancellationToken));
        public ValueTask<StoreInfo> CreateStoreAsync(string? id = null, string? name = null, CancellationToken cancellationToken = default) => Call(() => inner.CreateStoreAsync(id, name, cancellationToken));
        public ValueTask<bool> DeleteStoreAsync(string storeId, CancellationToken cancellationToken = default) => Call(() => inner.DeleteStoreAsync(storeId, cancellationToken));
        public ValueTask<StoredModel> WriteModelAsync(string storeId, AuthorizationModel model, CancellationToken cancellationToken = default) => Call(() => inner.WriteModelAsync(storeId, model, cancellationToken));
        public ValueTask<WriteResult> WriteAsync(string storeId, StoreWrite write, CancellationToken cancellationToken = default) => Call(() => inner.WriteAsync(storeId, write, cancellationToken));
        public async ValueTask ImportAsync(string storeId, StoreImport import, CancellationToken cancellationToken = default) => await Call(async () => { await inner.ImportAsync(storeId, import, cancellationToken); return true; });

        public ValueTask<PruneResult> PruneAsync(string storeId, StorePrune prune, CancellationToken cancellationToken = default) => Call(() => inner.PruneAsync(storeId, prune, cancellationToken));
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
