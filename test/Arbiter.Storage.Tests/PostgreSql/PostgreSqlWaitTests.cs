using System.Diagnostics;

namespace Arbiter.Storage.Tests.PostgreSql;

public sealed class PostgreSqlWaitTests(PostgresSchema schema) : IClassFixture<PostgresSchema>
{
    private static RelationshipTuple T(string text) => RelationshipTuple.Parse(text);

    [PostgresFact]
    public async Task Notify_WakesWaiterOnAnotherProvider_AtOnce()
    {
        var writer = schema.CreateStore();
        var follower = schema.CreateStore(o => o.PollInterval = TimeSpan.FromSeconds(10));
        var id = (await writer.CreateStoreAsync()).Id;
        (await follower.ReadRevisionAsync(id)).ShouldBe(0);
        await follower.ListeningAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var clock = Stopwatch.StartNew();
        var waiting = follower.WaitForRevisionAsync(id, 0, TimeSpan.FromSeconds(30)).AsTask();
        await Task.Delay(100);
        waiting.IsCompleted.ShouldBeFalse();
        await writer.WriteAsync(id, new StoreWrite { Writes = [T("doc:1#viewer@user:a")] });
        var revision = await waiting;

        revision.ShouldBe(1);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }

    [PostgresFact]
    public async Task Polling_WakesWaiter_WhenListeningIsOff()
    {
        var writer = schema.CreateStore();
        var follower = schema.CreateStore(o => { o.ListenForChanges = false; o.PollInterval = TimeSpan.FromMilliseconds(100); });
        var id = (await writer.CreateStoreAsync()).Id;

        var waiting = follower.WaitForRevisionAsync(id, 0, TimeSpan.FromSeconds(30)).AsTask();
        await Task.Delay(250);
        waiting.IsCompleted.ShouldBeFalse();
        await writer.WriteAsync(id, new StoreWrite { Writes = [T("doc:1#viewer@user:a")] });

        (await waiting.WaitAsync(TimeSpan.FromSeconds(5))).ShouldBe(1);
    }

    [PostgresFact]
    public async Task Wait_ReturnsCurrentRevision_AtTimeout_AndAtOnceWhenPast()
    {
        var store = schema.CreateStore(o => o.PollInterval = TimeSpan.FromMilliseconds(50));
        var id = (await store.CreateStoreAsync()).Id;
        await store.WriteAsync(id, new StoreWrite { Writes = [T("doc:1#viewer@user:a")] });

        (await store.WaitForRevisionAsync(id, 0, TimeSpan.FromSeconds(30))).ShouldBe(1);
        var clock = Stopwatch.StartNew();
        (await store.WaitForRevisionAsync(id, 1, TimeSpan.FromMilliseconds(300))).ShouldBe(1);
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250));
        (await Should.ThrowAsync<ArbiterException>(() => store.WaitForRevisionAsync("nope", 0, TimeSpan.FromSeconds(1)).AsTask())).Code.ShouldBe(ArbiterErrorCode.StoreNotFound);
    }
}
