namespace Arbiter.Engine;

/// <summary>
/// The relationships of one revision, immutable and persistent: object entities are grouped into chunks of
/// <see cref="ChunkSize"/> consecutive ids (<see cref="IndexChunk"/>: compact sorted arrays of 12-byte subject entries),
/// reached through a two-level table of pages. The next revision (<see cref="TryApply"/>) shares every chunk it does not
/// touch, so a small write costs a few small arrays whatever the size of the index. Readers keep the revision they started with.
/// </summary>
internal sealed partial class RelationshipIndex
{
    /// <summary>Object entities per chunk.</summary>
    public const int ChunkSize = 1 << ChunkBits;

    private const int RelationBits = 20;
    private const int ChunkBits = 5;
    private const int PageBits = 8;
    private const int PageSize = 1 << PageBits;

    private readonly IndexChunk?[]?[] _pages;

    private RelationshipIndex(long revision, int count, IndexChunk?[]?[] pages)
    {
        Revision = revision;
        Count = count;
        _pages = pages;
    }

    /// <summary>The same relationships at another revision (a write that changed only attributes).</summary>
    public RelationshipIndex WithRevision(long revision) => new(revision, Count, _pages);

    /// <summary>An empty index at revision 0.</summary>
    public static RelationshipIndex Empty { get; } = new(0, 0, []);

    /// <summary>The revision.</summary>
    public long Revision { get; }

    /// <summary>The number of tuples.</summary>
    public int Count { get; }

    /// <summary>The key of (object entity, relation symbol).</summary>
    public static long Key(int entity, int relationId) => ((long)entity << RelationBits) | (uint)relationId;

    /// <summary>The reverse index's entry of a tuple: keyed by (subject entity, relation), holding (object entity, subject relation, condition).</summary>
    public static KeyedEntry Mirror(long key, SubjectEntry entry) =>
        new(Key(entry.Entity, RelationOf(key)), new SubjectEntry(EntityOf(key), entry.Relation, entry.Condition));

    /// <summary>The object entity of a key.</summary>
    public static int EntityOf(long key) => (int)(key >> RelationBits);

    /// <summary>The relation symbol of a key.</summary>
    public static int RelationOf(long key) => (int)(key & ((1L << RelationBits) - 1));

    /// <summary>The subjects related to an object by a relation.</summary>
    public SubjectList Get(long key)
    {
        var entity = EntityOf(key);
        var chunk = ChunkOf(_pages, (uint)entity >> ChunkBits);
        return chunk is null ? SubjectList.Empty : chunk.Get(entity & (ChunkSize - 1), RelationOf(key));
    }

    /// <summary>Calls <paramref name="visit"/> for every non-empty key, in key order.</summary>
    public void ForEach<TState>(TState state, Action<TState, long, SubjectList> visit)
    {
        var pages = _pages;
        for (var p = 0; p < pages.Length; p++)
        {
            if (pages[p] is not { } page)
            {
                continue;
            }
            for (var c = 0; c < page.Length; c++)
            {
                if (page[c] is not { } chunk)
                {
                    continue;
                }
                var entityBase = ((p << PageBits) | c) << ChunkBits;
                var first = chunk.First;
                for (var local = 0; local < ChunkSize; local++)
                {
                    for (var s = first[local]; s < first[local + 1]; s++)
                    {
                        visit(state, Key(entityBase + local, chunk.Slots[s].Relation), chunk.List(s));
                    }
                }
            }
        }
    }

    /// <summary>The chunk with this number (object entity / <see cref="ChunkSize"/>), or <see langword="null"/>.</summary>
    private static IndexChunk? ChunkOf(IndexChunk?[]?[] pages, uint chunkId)
    {
        var p = chunkId >> PageBits;
        if (p >= (uint)pages.Length)
        {
            return null;
        }
        var page = pages[p];
        return page?[chunkId & (PageSize - 1)];
    }
}
