namespace Arbiter.Engine;

internal sealed partial class RelationshipIndex
{
    /// <summary>
    /// The next revision: this one without <paramref name="removed"/> (which must exist) and with <paramref name="added"/>
    /// (which must not). Only the chunks holding a changed object are rebuilt, and in them only the changed keys are merged;
    /// the rest is shared with this revision. Sorts both spans in place. Returns <see langword="false"/> with the first
    /// duplicate among <paramref name="added"/> (or an added subject that is already stored).
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
        var nextPages = new IndexChunk?[]?[Math.Max(pages.Length, (lastChunk >> PageBits) + 1)];
        Array.Copy(pages, nextPages, pages.Length);
        var copiedPage = -1;
        var count = Count;
        using var builder = new IndexChunkBuilder();
        int a = 0, r = 0;
        while (a < added.Length || r < removed.Length)
        {
            var chunkId = Math.Min(
                a < added.Length ? EntityOf(added[a].Key) >> ChunkBits : int.MaxValue,
                r < removed.Length ? EntityOf(removed[r].Key) >> ChunkBits : int.MaxValue);
            var old = ChunkOf(pages, (uint)chunkId);
            if (!TryRebuild(builder, chunkId, old, Run(added, ref a, chunkId), Run(removed, ref r, chunkId), out var rebuilt, out duplicate))
            {
                next = this;
                return false;
            }
            count += (rebuilt?.Count ?? 0) - (old?.Count ?? 0);
            var p = chunkId >> PageBits;
            if (p != copiedPage)
            {
                nextPages[p] = nextPages[p] is { } shared ? (IndexChunk?[])shared.Clone() : new IndexChunk?[PageSize];
                copiedPage = p;
            }
            nextPages[p]![chunkId & (PageSize - 1)] = rebuilt;
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

    /// <summary>One chunk with its changes applied, walking its keys and the changed keys together in key order.</summary>
    private static bool TryRebuild(IndexChunkBuilder builder, int chunkId, IndexChunk? old, ReadOnlySpan<KeyedEntry> added,
        ReadOnlySpan<KeyedEntry> removed, out IndexChunk? rebuilt, out KeyedEntry duplicate)
    {
        builder.Begin();
        var entityBase = chunkId << ChunkBits;
        int a = 0, r = 0;
        duplicate = default;
        for (var local = 0; old is not null && local < ChunkSize; local++)
        {
            for (var s = old.First[local]; s < old.First[local + 1]; s++)
            {
                var key = Key(entityBase + local, old.Slots[s].Relation);
                // keys the write creates before this one
                while (NextKey(added, a, removed, r) is var k && k < key)
                {
                    if (!Change(builder, entityBase, k, [], added, ref a, removed, ref r, out duplicate))
                    {
                        rebuilt = null;
                        return false;
                    }
                }
                if (NextKey(added, a, removed, r) == key)
                {
                    if (!Change(builder, entityBase, key, old.List(s).All, added, ref a, removed, ref r, out duplicate))
                    {
                        rebuilt = null;
                        return false;
                    }
                }
                else
                {
                    builder.AddUnchanged(local, old, s);
                }
            }
        }
        while (NextKey(added, a, removed, r) is var k && k != long.MaxValue)
        {
            if (!Change(builder, entityBase, k, [], added, ref a, removed, ref r, out duplicate))
            {
                rebuilt = null;
                return false;
            }
        }
        rebuilt = builder.Build();
        return true;
    }

    private static long NextKey(ReadOnlySpan<KeyedEntry> added, int a, ReadOnlySpan<KeyedEntry> removed, int r) =>
        Math.Min(a < added.Length ? added[a].Key : long.MaxValue, r < removed.Length ? removed[r].Key : long.MaxValue);

    /// <summary>Merges the changes of one key (advancing past them) into the builder.</summary>
    private static bool Change(IndexChunkBuilder builder, int entityBase, long key, ReadOnlySpan<SubjectEntry> stored,
        ReadOnlySpan<KeyedEntry> added, ref int a, ReadOnlySpan<KeyedEntry> removed, ref int r, out KeyedEntry duplicate)
    {
        var a0 = a;
        while (a < added.Length && added[a].Key == key)
        {
            a++;
        }
        var r0 = r;
        while (r < removed.Length && removed[r].Key == key)
        {
            r++;
        }
        return builder.AddChanged(EntityOf(key) - entityBase, RelationOf(key), stored, added[a0..a], removed[r0..r], out duplicate);
    }
}
