namespace Arbiter.Engine;

/// <summary>A subject entry with its (object, relation) key, for bulk index builds.</summary>
/// <param name="Key">The key (<see cref="RelationshipIndex.Key"/>).</param>
/// <param name="Entry">The subject.</param>
internal readonly record struct KeyedEntry(long Key, SubjectEntry Entry);

/// <summary>Orders keyed entries by key, then by <see cref="SubjectEntry.Compare"/>.</summary>
internal readonly struct KeyedEntryComparer : IComparer<KeyedEntry>
{
    public int Compare(KeyedEntry x, KeyedEntry y)
    {
        var c = x.Key.CompareTo(y.Key);
        return c != 0 ? c : SubjectEntry.Compare(x.Entry, y.Entry);
    }
}
