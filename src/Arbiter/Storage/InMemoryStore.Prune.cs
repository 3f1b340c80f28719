namespace Arbiter.Storage;

public sealed partial class InMemoryStore
{
    /// <inheritdoc />
    public async ValueTask<PruneResult> PruneAsync(string storeId, StorePrune prune, CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        StoreQueries.Validate(prune);
        lock (_gate)
        {
            var data = Get(storeId);
            var changesRemoved = 0;
            if (prune.ChangesThrough is { } through)
            {
                StoreQueries.CheckPruneHorizon(storeId, through, data.Revision);
                changesRemoved = data.Changes.RemoveAll(c => c.Revision <= through);
                data.FirstRevision = Math.Max(data.FirstRevision, through + 1);
            }
            var keysRemoved = 0;
            if (prune.KeysOlderThan is { } age)
            {
                var cutoff = StoreQueries.KeyCutoff(_time.GetUtcNow(), age);
                foreach (var key in data.IdempotencyKeys.Where(k => k.Value.RecordedAt < cutoff).Select(static k => k.Key).ToList())
                {
                    data.IdempotencyKeys.Remove(key);
                    keysRemoved++;
                }
            }
            return new PruneResult(changesRemoved, keysRemoved, data.FirstRevision);
        }
    }
}
