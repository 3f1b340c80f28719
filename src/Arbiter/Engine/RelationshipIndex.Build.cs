using System.Buffers;

namespace Arbiter.Engine;

internal sealed partial class RelationshipIndex
{
    /// <summary>
    /// The next revision: this one without <paramref name="removed"/> (which must exist) and with <paramref name="added"/>
    /// (which must not). Only the chunks holding a changed object are rebuilt; the rest are shared with this revision.
    /// Sorts both spans in place. Returns <see langword="false"/> with the first duplicate among <paramref name="added"/>.
    /// </summary>
    public bool TryApply(long revision, Span<KeyedEntry> added, Span<KeyedEntry> removed, out RelationshipIndex next, out KeyedEntry duplicate)
    {
        var comparer = default(KeyedEntryComparer);
        added.Sort(comparer);
        removed.Sort(comparer);
        for (var i = 1; i < added.Length; i++)
        {
            if (added[i].Key == added[i - 1].Key && added[i].Entry.SameSubject(added[i - 1].Entry))
            {
                next = this;
                duplicate = added[i];
                return false;
            }
        }

        var pages = _pages;
        var lastChunk = Math.Max(
            added.IsEmpty ? -1 : EntityOf(added[^1].Key) >> ChunkBits,
            removed.IsEmpty ? -1 : EntityOf(removed[^1].Key) >> ChunkBits);
        var pageCount = Math.Max(pages.Length, (lastChunk >> PageBits) + 1);
        var nextPages = new IndexChunk?[]?[pageCount];
        Array.Copy(pages, nextPages, pages.Length);
        var copiedPage = -1;
        var count = Count;
        KeyedEntry[]? scratch = null;
        try
        {
            int a = 0, r = 0;
            while (a < added.Length || r < removed.Length)
            {
                var chunkId = Math.Min(
                    a < added.Length ? EntityOf(added[a].Key) >> ChunkBits : int.MaxValue,
                    r < removed.Length ? EntityOf(removed[r].Key) >> ChunkBits : int.MaxValue);
                var addedHere = Run(added, ref a, chunkId);
                var removedHere = Run(removed, ref r, chunkId);
                var old = ChunkOf(pages, (uint)chunkId);
                IndexChunk? rebuilt;
                if (old is null)
                {
                    rebuilt = BuildChunk(chunkId, addedHere);
                    count += addedHere.Length;
                }
                else
                {
                    var merged = Merge(old, chunkId, addedHere, removedHere, ref scratch, out duplicate);
                    if (merged < 0)
                    {
                        next = this;
                        return false;
                    }
                    count += merged - old.Subjects.Length;
                    rebuilt = BuildChunk(chunkId, scratch.AsSpan(0, merged));
                }
                var p = chunkId >> PageBits;
                if (p != copiedPage)
                {
                    nextPages[p] = nextPages[p] is { } shared ? (IndexChunk?[])shared.Clone() : new IndexChunk?[PageSize];
                    copiedPage = p;
                }
                nextPages[p]![chunkId & (PageSize - 1)] = rebuilt;
            }
        }
        finally
        {
            if (scratch is not null)
            {
                ArrayPool<KeyedEntry>.Shared.Return(scratch);
            }
        }
        next = new RelationshipIndex(revision, count, nextPages);
        duplicate = default;
        return true;
    }

    /// <summary>The entries from <paramref name="index"/> on whose object is in chunk <paramref name="chunkId"/>; advances the index past them.</summary>
    private static ReadOnlySpan<KeyedEntry> Run(ReadOnlySpan<KeyedEntry> sorted, ref int index, int chunkId)
    {
        var start = index;
        while (index < sorted.Length && EntityOf(sorted[index].Key) >> ChunkBits == chunkId)
        {
            index++;
        }
        return sorted[start..index];
    }

    /// <summary>
    /// Merges a chunk's entries with sorted changes into <paramref name="scratch"/>, in order; returns how many there are,
    /// or -1 with the duplicate when an added entry is already stored.
    /// </summary>
    private static int Merge(IndexChunk old, int chunkId, ReadOnlySpan<KeyedEntry> added, ReadOnlySpan<KeyedEntry> removed,
        ref KeyedEntry[]? scratch, out KeyedEntry duplicate)
    {
        var needed = old.Subjects.Length + added.Length;
        if (scratch is null || scratch.Length < needed)
        {
            if (scratch is not null)
            {
                ArrayPool<KeyedEntry>.Shared.Return(scratch);
            }
            scratch = ArrayPool<KeyedEntry>.Shared.Rent(Math.Max(needed, 256));
        }
        var comparer = default(KeyedEntryComparer);
        var entityBase = chunkId << ChunkBits;
        int n = 0, a = 0, r = 0;
        for (var local = 0; local < ChunkSize; local++)
        {
            for (var s = old.First[local]; s < old.First[local + 1]; s++)
            {
                var key = Key(entityBase + local, old.Slots[s].Relation);
                foreach (var entry in old.List(s).All)
                {
                    var stored = new KeyedEntry(key, entry);
                    while (a < added.Length && comparer.Compare(added[a], stored) < 0)
                    {
                        scratch[n++] = added[a++];
                    }
                    if (a < added.Length && comparer.Compare(added[a], stored) == 0)
                    {
                        duplicate = added[a];
                        return -1;
                    }
                    while (r < removed.Length && comparer.Compare(removed[r], stored) < 0)
                    {
                        r++;
                    }
                    if (r < removed.Length && comparer.Compare(removed[r], stored) == 0)
                    {
                        r++;
                        continue;
                    }
                    scratch[n++] = stored;
                }
            }
        }
        while (a < added.Length)
        {
            scratch[n++] = added[a++];
        }
        duplicate = default;
        return n;
    }

    /// <summary>Builds a chunk from entries sorted by key and subject, without duplicates; <see langword="null"/> when there are none.</summary>
    private static IndexChunk? BuildChunk(int chunkId, ReadOnlySpan<KeyedEntry> entries)
    {
        if (entries.IsEmpty)
        {
            return null;
        }
        var keys = 1;
        for (var i = 1; i < entries.Length; i++)
        {
            if (entries[i].Key != entries[i - 1].Key)
            {
                keys++;
            }
        }
        var entityBase = chunkId << ChunkBits;
        var first = new int[ChunkSize + 1];
        var slots = new IndexSlot[keys + 1];
        var subjects = new SubjectEntry[entries.Length];
        int s = 0, filled = 0, j = 0;
        while (j < entries.Length)
        {
            var key = entries[j].Key;
            var local = EntityOf(key) - entityBase;
            while (filled <= local)
            {
                first[filled++] = s;
            }
            var start = j;
            int plain = 0, wildcards = 0;
            for (; j < entries.Length && entries[j].Key == key; j++)
            {
                var entry = entries[j].Entry;
                subjects[j] = entry;
                if (entry.Relation == SubjectKind.Plain)
                {
                    plain++;
                }
                else if (entry.Relation == SubjectKind.Wildcard)
                {
                    wildcards++;
                }
            }
            slots[s++] = new IndexSlot(RelationOf(key), start, plain, wildcards);
        }
        while (filled <= ChunkSize)
        {
            first[filled++] = s;
        }
        slots[s] = new IndexSlot(-1, entries.Length, 0, 0);
        return new IndexChunk(first, slots, subjects);
    }
}
