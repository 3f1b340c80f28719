using Arbiter.Model;
using Arbiter.Parsing;
using Arbiter.Storage.Tests.Support;

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

    [Fact]
    public async Task AGapInTheFeed_IsNeverAppliedAround_TheEngineReloads()
    {
        var inner = new InMemoryStore();
        await inner.CreateStoreAsync("s");
        await inner.WriteModelAsync("s", ModelParser.Parse("model\n  schema 1.1\ntype user\ntype document\n  relations\n    define viewer: [user]\n").GetModelOrThrow());
        await using var engine = await AuthorizationEngine.OpenAsync(new GapStore(inner, skip: 3), "s");
        await inner.WriteAsync("s", new StoreWrite { Writes = [RelationshipTuple.Parse("document:2#viewer@user:anne")] });
        await inner.WriteAsync("s", new StoreWrite { Writes = [RelationshipTuple.Parse("document:3#viewer@user:anne")] });
        var token = (await inner.WriteAsync("s", new StoreWrite { Writes = [RelationshipTuple.Parse("document:4#viewer@user:anne")] })).Revision;
        var last = await engine.CheckAsync(CheckRequest.Create("user:anne", "viewer", "document:4") with { Consistency = Consistency.AtLeast(token) });
        last.Allowed.ShouldBeTrue();
        // revision 3 was left out of the feed once: the engine has it anyway, because it loaded the state instead of skipping it
        (await engine.CheckAsync(CheckRequest.Create("user:anne", "viewer", "document:3"))).Allowed.ShouldBeTrue();
    }

    [Fact]
    public async Task StoreFailingWhileTheEngineLoads_FailsTheOpen_WithTheStoreError()
    {
        var inner = new InMemoryStore();
        await inner.CreateStoreAsync("s");
        await inner.WriteModelAsync("s", ModelParser.Parse("model\n  schema 1.1\ntype user\ntype document\n  relations\n    define viewer: [user]\n").GetModelOrThrow());
        await inner.WriteAsync("s", new StoreWrite { Writes = [.. Enumerable.Range(0, 50_000).Select(i => RelationshipTuple.Parse($"document:{i}#viewer@user:anne"))] });
        var store = new BreakingStateStore(inner, failAfter: 40_000);
        var open = AuthorizationEngine.OpenAsync(store, "s");
        var failure = await Should.ThrowAsync<ArbiterStorageException>(open.WaitAsync(TimeSpan.FromSeconds(30)));
        failure.Message.ShouldContain("connection lost");
        store.Disposed.ShouldBeTrue("the state was disposed after the reader stopped");
    }

    /// <summary>A store whose state view fails part way through its tuples.</summary>
    private sealed class BreakingStateStore(IStore inner, int failAfter) : DelegatingStore(inner)
    {
        public bool Disposed { get; private set; }

        public override async ValueTask<IStoreState> OpenStateAsync(string storeId, CancellationToken cancellationToken = default) =>
            new BreakingState(await Inner.OpenStateAsync(storeId, cancellationToken), failAfter, this);

        private sealed class BreakingState(IStoreState state, int failAfter, BreakingStateStore owner) : IStoreState
        {
            public StoreInfo Store => state.Store;
            public long Revision => state.Revision;
            public StoredModel? Model => state.Model;

            public async IAsyncEnumerable<RelationshipTuple> ReadTuplesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                var n = 0;
                await foreach (var tuple in state.ReadTuplesAsync(cancellationToken))
                {
                    if (++n > failAfter)
                    {
                        throw new ArbiterStorageException("connection lost while reading (test)", isTransient: true);
                    }
                    yield return tuple;
                }
            }

            public IAsyncEnumerable<EntityAttributes> ReadAttributesAsync(CancellationToken cancellationToken = default) => state.ReadAttributesAsync(cancellationToken);

            public async ValueTask DisposeAsync()
            {
                owner.Disposed = true;
                await state.DisposeAsync();
            }
        }

    }

    /// <summary>A store whose every call fails with a transient storage error while <see cref="Down"/>.</summary>
    private sealed class SwitchableStore(IStore inner) : DelegatingStore(inner)
    {
        public volatile bool Down;

        private async ValueTask<T> Call<T>(Func<ValueTask<T>> call)
        {
            await Task.Yield();
            if (Down)
            {
                throw new ArbiterStorageException("cannot reach the database (test: switched off)", isTransient: true, new IOException("connection refused"));
            }
            return await call();
        }

        public override ValueTask<long> ReadRevisionAsync(string storeId, CancellationToken cancellationToken = default) => Call(() => Inner.ReadRevisionAsync(storeId, cancellationToken));
        public override ValueTask<StoredModel?> ReadModelAsync(string storeId, string? modelId = null, CancellationToken cancellationToken = default) => Call(() => Inner.ReadModelAsync(storeId, modelId, cancellationToken));
        public override ValueTask<IStoreState> OpenStateAsync(string storeId, CancellationToken cancellationToken = default) => Call(() => Inner.OpenStateAsync(storeId, cancellationToken));
        public override ValueTask<IReadOnlyList<StoreChange>> ReadChangesAsync(string storeId, long afterRevision, int limit = 1000, CancellationToken cancellationToken = default) => Call(() => Inner.ReadChangesAsync(storeId, afterRevision, limit, cancellationToken));
        public override ValueTask<long> WaitForRevisionAsync(string storeId, long afterRevision, TimeSpan timeout, CancellationToken cancellationToken = default) => Call(() => Inner.WaitForRevisionAsync(storeId, afterRevision, timeout, cancellationToken));
        public override ValueTask<WriteResult> WriteAsync(string storeId, StoreWrite write, CancellationToken cancellationToken = default) => Call(() => Inner.WriteAsync(storeId, write, cancellationToken));
    }

    /// <summary>A store whose change feed leaves out one revision once, as a broken provider might.</summary>
    private sealed class GapStore(IStore inner, long skip) : DelegatingStore(inner)
    {
        private int _skipped;

        public override async ValueTask<IReadOnlyList<StoreChange>> ReadChangesAsync(string storeId, long afterRevision, int limit = 1000, CancellationToken cancellationToken = default)
        {
            var changes = await Inner.ReadChangesAsync(storeId, afterRevision, limit, cancellationToken);
            return changes.Any(c => c.Revision == skip) && Interlocked.Exchange(ref _skipped, 1) == 0
                ? [.. changes.Where(c => c.Revision != skip)]
                : changes;
        }
    }
}
