using System.Collections.Concurrent;

namespace Arbiter.Storage.PostgreSql;

/// <summary>
/// Wake-ups for waiters, per store: the newest revision known to be committed and a task that completes at the next
/// commit. A waiter takes the task before it reads the revision, so that no commit slips between the two.
/// </summary>
internal sealed class RevisionSignals
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The newest committed revision this process heard of for the store (-1 when none).</summary>
    public long Known(string storeId) => _entries.TryGetValue(storeId, out var entry) ? Interlocked.Read(ref entry.Revision) : -1;

    /// <summary>A task that completes at the store's next signal.</summary>
    public Task Next(string storeId) => _entries.GetOrAdd(storeId, static _ => new Entry()).Waiter.Task;

    /// <summary>Records a committed revision and wakes the store's waiters.</summary>
    public void Signal(string storeId, long revision)
    {
        var entry = _entries.GetOrAdd(storeId, static _ => new Entry());
        long seen;
        while ((seen = Interlocked.Read(ref entry.Revision)) < revision && Interlocked.CompareExchange(ref entry.Revision, revision, seen) != seen)
        {
        }
        entry.Wake();
    }

    /// <summary>Wakes every waiter (after the listener reconnected, when notifications may have been missed).</summary>
    public void WakeAll()
    {
        foreach (var entry in _entries.Values)
        {
            entry.Wake();
        }
    }

    private sealed class Entry
    {
        public long Revision = -1;
        private TaskCompletionSource _waiter = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Waiter => Volatile.Read(ref _waiter);

        public void Wake() =>
            Interlocked.Exchange(ref _waiter, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}
