using Arbiter.Model;
using Arbiter.Parsing;
using Arbiter.Storage.Tests.Support;
using static Arbiter.Storage.Tests.Support.Tuples;

namespace Arbiter.Storage.Tests.Engine;

/// <summary>An engine over a store: loading, following the change feed, consistency tokens. Subclassed per store.</summary>
public abstract class EngineFollowerTests : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    protected abstract ValueTask<IStore> OpenProviderAsync();

    /// <summary>A second provider on the same storage (another connection / process-like view); the in-memory store returns the same instance.</summary>
    protected abstract ValueTask<IStore> OpenSecondProviderAsync(IStore first);

    protected IStore Store { get; private set; } = null!;

    protected static readonly AuthorizationModel Model = ModelParser.Parse("""
        model
          schema 1.1
        type user
          attributes
            department: string
        type document
          attributes
            department: string
          relations
            define viewer: [user]
            define editor: [user]
            define reader: viewer or editor or (user where same_department)
        condition same_department() {
          subject.department == object.department
        }
        """).GetModelOrThrow();

    public async Task InitializeAsync()
    {
        Store = await OpenProviderAsync();
        _owned.Add(Store);
        await Store.CreateStoreAsync("s");
        await Store.WriteModelAsync("s", Model);
    }

    public async Task DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }
    }

    private async Task<AuthorizationEngine> OpenEngineAsync(IStore? store = null, AuthorizationEngineOptions? options = null)
    {
        var engine = await AuthorizationEngine.OpenAsync(store ?? Store, "s", options);
        _owned.Add(engine);
        return engine;
    }

    private static CheckRequest Check(string user, string relation, string obj, Consistency? consistency = null) =>
        CheckRequest.Create(user, relation, obj) with { Consistency = consistency };

    [StoreFact]
    public async Task Open_LoadsTheStoredState()
    {
        await Store.WriteAsync("s", new StoreWrite
        {
            Writes = [T("document:1#viewer@user:anne"), T("unknown_type:1#viewer@user:anne")],
            SetAttributes = [new EntityAttributes(new ObjectRef("user", "bob"), new Dictionary<string, object?> { ["department"] = "eng" }),
                new EntityAttributes(new ObjectRef("document", "2"), new Dictionary<string, object?> { ["department"] = "eng" })],
        });
        var engine = await OpenEngineAsync();
        engine.Revision.ShouldBe(2);
        engine.ModelId.ShouldBe((await Store.ReadModelAsync("s"))!.Id);
        (await engine.CheckAsync(Check("user:anne", "viewer", "document:1"))).Allowed.ShouldBeTrue();
        (await engine.CheckAsync(Check("user:bob", "reader", "document:2"))).Allowed.ShouldBeTrue();
        (await engine.CheckAsync(Check("user:anne", "reader", "document:2"))).Allowed.ShouldBeFalse();
    }

    [StoreFact]
    public async Task Open_WithoutAModelOrStore_SaysWhy()
    {
        await Store.CreateStoreAsync("empty");
        (await Should.ThrowAsync<ArbiterException>(AuthorizationEngine.OpenAsync(Store, "empty"))).Code.ShouldBe(ArbiterErrorCode.ModelNotFound);
        (await Should.ThrowAsync<ArbiterException>(AuthorizationEngine.OpenAsync(Store, "ghost"))).Code.ShouldBe(ArbiterErrorCode.StoreNotFound);
    }

    [StoreFact]
    public async Task WriteAsync_IsVisibleToTheWritingEngineWhenItReturns()
    {
        var engine = await OpenEngineAsync();
        var result = await engine.WriteAsync(Write(T("document:1#viewer@user:anne")));
        result.Revision.ShouldBe(2);
        var decision = await engine.CheckAsync(Check("user:anne", "viewer", "document:1"));
        decision.Allowed.ShouldBeTrue();
        decision.Revision.ShouldBe(2);
    }

    [StoreFact]
    public async Task WriteAsync_ChecksTheModel_AndWritesNothingOnError()
    {
        var engine = await OpenEngineAsync();
        var ex = await Should.ThrowAsync<ArbiterException>(engine.WriteAsync(Write(T("document:1#viewer@user:anne"), T("document:1#owner@user:anne"))).AsTask());
        ex.Code.ShouldBe(ArbiterErrorCode.RelationNotFound);
        ex.Message.ShouldContain("owner");
        var attr = await Should.ThrowAsync<ArbiterException>(engine.WriteAsync(new StoreWrite
        {
            SetAttributes = [new EntityAttributes(new ObjectRef("user", "anne"), new Dictionary<string, object?> { ["dept"] = "eng" })],
        }).AsTask());
        attr.Message.ShouldContain("'dept'");
        (await Store.ReadRevisionAsync("s")).ShouldBe(1);
        // a duplicate is the store's refusal, named
        await engine.WriteAsync(Write(T("document:1#viewer@user:anne")));
        (await Should.ThrowAsync<ArbiterException>(engine.WriteAsync(Write(T("document:1#viewer@user:anne"))).AsTask())).Code.ShouldBe(ArbiterErrorCode.PreconditionFailed);
    }

    [StoreFact]
    public async Task SyncWrites_OnABoundEngine_AreRefused()
    {
        var engine = await OpenEngineAsync();
        Should.Throw<InvalidOperationException>(() => engine.Write([T("document:1#viewer@user:anne")])).Message.ShouldContain("WriteAsync");
        Should.Throw<InvalidOperationException>(() => engine.SetModel(Model));
        var unbound = AuthorizationEngine.Create(Model);
        (await Should.ThrowAsync<InvalidOperationException>(unbound.WriteAsync(Write(T("document:1#viewer@user:anne"))).AsTask())).Message.ShouldContain("OpenAsync");
        // the model check alone works on any engine
        unbound.ValidateWrite(Write(T("document:1#viewer@user:anne")));
        Should.Throw<ArbiterException>(() => unbound.ValidateWrite(Write(T("document:1#owner@user:anne")))).Code.ShouldBe(ArbiterErrorCode.RelationNotFound);
    }

    [StoreFact]
    public async Task TwoEngines_AtLeastToken_GivesReadYourWrites()
    {
        var second = await OpenSecondProviderAsync(Store);
        if (!ReferenceEquals(second, Store))
        {
            _owned.Add(second);
        }
        var writer = await OpenEngineAsync();
        var reader = await OpenEngineAsync(second);
        for (var i = 0; i < 20; i++)
        {
            var token = (await writer.WriteAsync(Write(T($"document:{i}#viewer@user:anne")))).Revision;
            var decision = await reader.CheckAsync(Check("user:anne", "viewer", $"document:{i}", Consistency.AtLeast(token)));
            decision.Allowed.ShouldBeTrue();
            decision.Revision.ShouldBeGreaterThanOrEqualTo(token);
        }
        // and without a token the other engine catches up by itself
        await writer.WriteAsync(Write(T("document:x#viewer@user:bob")));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(await reader.CheckAsync(Check("user:bob", "viewer", "document:x"))).Allowed)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline);
            await Task.Delay(5);
        }
    }

    [StoreFact]
    public async Task LatestConsistency_SeesAWriteMadeDirectlyToTheStore()
    {
        var engine = await OpenEngineAsync();
        await Store.WriteAsync("s", Write(T("document:9#editor@user:carl")));
        (await engine.CheckAsync(Check("user:carl", "editor", "document:9", Consistency.Latest))).Allowed.ShouldBeTrue();
        (await engine.ListObjectsAsync(new ListObjectsRequest(SubjectRef.Parse("user:carl"), "reader", "document") { Consistency = Consistency.Latest })).Objects.ShouldBe([new ObjectRef("document", "9")]);
    }

    [StoreFact]
    public async Task AtLeastARevisionNeverReached_TimesOutWithAClearError()
    {
        var engine = await OpenEngineAsync(options: new AuthorizationEngineOptions { ConsistencyTimeout = TimeSpan.FromMilliseconds(200) });
        var ex = await Should.ThrowAsync<ArbiterException>(engine.CheckAsync(Check("user:anne", "viewer", "document:1", Consistency.AtLeast(99))).AsTask());
        ex.Code.ShouldBe(ArbiterErrorCode.ConsistencyTimeout);
        ex.Message.ShouldContain("revision 1");
        ex.Message.ShouldContain("revision 99");
    }

    [StoreFact]
    public async Task ModelWrites_ReachEveryEngine()
    {
        var a = await OpenEngineAsync();
        var b = await OpenEngineAsync();
        var changed = ModelParser.Parse("model\n  schema 1.1\ntype user\ntype document\n  relations\n    define viewer: [user]\n    define owner: [user]\n").GetModelOrThrow();
        var stored = await a.WriteModelAsync(changed);
        a.ModelId.ShouldBe(stored.Id);
        var token = (await a.WriteAsync(Write(T("document:1#owner@user:anne")))).Revision;
        var decision = await b.CheckAsync(Check("user:anne", "owner", "document:1", Consistency.AtLeast(token)));
        decision.Allowed.ShouldBeTrue();
        decision.ModelId.ShouldBe(stored.Id);
        // an invalid model is refused before it is stored
        var bad = Model with { Types = [.. Model.Types, new TypeDefinition("folder", [new RelationDefinition("x", new ComputedUserset("nope"), [])])] };
        await Should.ThrowAsync<ModelValidationException>(a.WriteModelAsync(bad).AsTask());
        (await Store.ListModelsAsync("s")).Count.ShouldBe(2);
    }

    [StoreFact]
    public async Task ChecksDuringWrites_NeverSeeHalfABatch()
    {
        var writer = await OpenEngineAsync();
        var reader = await OpenEngineAsync();
        using var stop = new CancellationTokenSource();
        var writes = Task.Run(async () =>
        {
            for (var i = 0; i < 60; i++)
            {
                await writer.WriteAsync(Write(T($"document:{i % 6}-{i}#viewer@user:u{i % 6}"), T($"document:{i % 6}-{i}#editor@user:u{i % 6}")));
            }
            await stop.CancelAsync();
        });
        var checks = 0;
        while (!stop.IsCancellationRequested || checks < 50)
        {
            var i = checks % 60;
            var decisions = await reader.BatchCheckAsync([Check($"user:u{i % 6}", "viewer", $"document:{i % 6}-{i}"), Check($"user:u{i % 6}", "editor", $"document:{i % 6}-{i}")]);
            decisions[0].Allowed.ShouldBe(decisions[1].Allowed, $"check {checks} at revision {decisions[0].Revision}");
            decisions[0].Revision.ShouldBe(decisions[1].Revision);
            checks++;
        }
        await writes;
    }
}
