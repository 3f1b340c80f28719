using System.Collections.Concurrent;

namespace Arbiter.Storage.Sqlite;

/// <summary>
/// Wakes the waiters of a store when a writer of this process commits. One instance per database file, shared by every
/// <see cref="SqliteStore"/> of the process that opens that file; commits of other processes are found by polling.
/// </summary>
internal sealed class RevisionSignals
{
    private static readonly ConcurrentDictionary<string, RevisionSignals> s_byFile = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _byStore = new(StringComparer.Ordinal);

    /// <summary>The signals of a database file (its full path).</summary>
    internal static RevisionSignals For(string fullPath) => s_byFile.GetOrAdd(fullPath, static _ => new RevisionSignals());

    /// <summary>A task that completes at the next <see cref="Pulse"/> of the store. Take it before reading the revision.</summary>
    internal Task Next(string storeId) =>
        _byStore.GetOrAdd(storeId, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Wakes everyone waiting on the store.</summary>
    internal void Pulse(string storeId)
    {
        if (_byStore.TryRemove(storeId, out var signal))
        {
            signal.TrySetResult();
        }
    }
}
