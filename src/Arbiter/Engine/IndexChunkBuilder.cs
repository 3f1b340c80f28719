using System.Buffers;

namespace Arbiter.Engine;

/// <summary>
/// Builds the chunks of one <see cref="RelationshipIndex.TryApply"/>, key by key in key order: a key the write does not touch is
/// copied as a block (or, when it has an array of its own, shared); a changed key is merged with its added and removed
/// subjects. Buffers are pooled and reused from chunk to chunk; only the finished chunk's arrays are allocated.
/// </summary>
internal sealed class IndexChunkBuilder : IDisposable
{
    private readonly List<SubjectEntry[]> _large = [];
    private IndexSlot[] _slots = ArrayPool<IndexSlot>.Shared.Rent(64);
    private SubjectEntry[] _subjects = ArrayPool<SubjectEntry>.Shared.Rent(256);
    private int[] _first = [];
    private int _slotCount;
    private int _subjectCount;
    private int _filled;

    /// <summary>Starts a new chunk.</summary>
    public void Begin()
    {
        _first = new int[RelationshipIndex.ChunkSize + 1];
        _slotCount = 0;
        _subjectCount = 0;
        _filled = 0;
        _large.Clear();
    }

    /// <summary>Adds a key of <paramref name="old"/> that the write does not change.</summary>
    public void AddUnchanged(int local, IndexChunk old, int slot)
    {
        var s = old.Slots[slot];
        StartEntity(local);
        if (s.Start < 0)
        {
            _large.Add(old.Large![~s.Start]);
            AddSlot(s with { Start = ~(_large.Count - 1) });
            return;
        }
        EnsureSubjects(s.Count);
        old.Subjects.AsSpan(s.Start, s.Count).CopyTo(_subjects.AsSpan(_subjectCount));
        AddSlot(s with { Start = _subjectCount });
        _subjectCount += s.Count;
    }

    /// <summary>
    /// Adds a key: its stored subjects without <paramref name="removed"/> and with <paramref name="added"/> (all sorted by
    /// <see cref="SubjectEntry.Compare"/>). Returns <see langword="false"/> with the entry when an added subject is already stored.
    /// </summary>
    public bool AddChanged(int local, int relation, ReadOnlySpan<SubjectEntry> stored, ReadOnlySpan<KeyedEntry> added,
        ReadOnlySpan<KeyedEntry> removed, out KeyedEntry duplicate)
    {
        StartEntity(local);
        EnsureSubjects(stored.Length + added.Length);
        var buffer = _subjects;
        var start = _subjectCount;
        var n = start;
        int o = 0, a = 0, r = 0;
        while (o < stored.Length || a < added.Length)
        {
            var c = a == added.Length ? 1 : o == stored.Length ? -1 : SubjectEntry.Compare(added[a].Entry, stored[o]);
            if (c < 0)
            {
                buffer[n++] = added[a++].Entry;
                continue;
            }
            if (c == 0)
            {
                duplicate = added[a];
                return false;
            }
            while (r < removed.Length && SubjectEntry.Compare(removed[r].Entry, stored[o]) < 0)
            {
                r++;
            }
            if (r < removed.Length && SubjectEntry.Compare(removed[r].Entry, stored[o]) == 0)
            {
                r++;
                o++;
                continue;
            }
            buffer[n++] = stored[o++];
        }
        duplicate = default;
        var count = n - start;
        if (count == 0)
        {
            return true;
        }
        int plain = 0, wildcards = 0;
        foreach (var e in buffer.AsSpan(start, count))
        {
            if (e.Relation == SubjectKind.Plain)
            {
                plain++;
            }
            else if (e.Relation == SubjectKind.Wildcard)
            {
                wildcards++;
            }
        }
        if (count >= IndexChunk.LargeKey)
        {
            _large.Add(buffer.AsSpan(start, count).ToArray());
            AddSlot(new IndexSlot(relation, ~(_large.Count - 1), count, plain, wildcards));
            return true;
        }
        AddSlot(new IndexSlot(relation, start, count, plain, wildcards));
        _subjectCount = n;
        return true;
    }

    /// <summary>The finished chunk, or <see langword="null"/> when it has no key.</summary>
    public IndexChunk? Build()
    {
        if (_slotCount == 0)
        {
            return null;
        }
        StartEntity(RelationshipIndex.ChunkSize);
        return new IndexChunk(_first, _slots.AsSpan(0, _slotCount).ToArray(), _subjects.AsSpan(0, _subjectCount).ToArray(),
            _large.Count == 0 ? null : [.. _large]);
    }

    public void Dispose()
    {
        ArrayPool<IndexSlot>.Shared.Return(_slots);
        ArrayPool<SubjectEntry>.Shared.Return(_subjects);
        _slots = [];
        _subjects = [];
    }

    /// <summary>Records where the keys of local entities up to <paramref name="local"/> start.</summary>
    private void StartEntity(int local)
    {
        while (_filled <= local)
        {
            _first[_filled++] = _slotCount;
        }
    }

    private void AddSlot(IndexSlot slot)
    {
        if (_slotCount == _slots.Length)
        {
            var grown = ArrayPool<IndexSlot>.Shared.Rent(_slots.Length * 2);
            _slots.AsSpan().CopyTo(grown);
            ArrayPool<IndexSlot>.Shared.Return(_slots);
            _slots = grown;
        }
        _slots[_slotCount++] = slot;
    }

    private void EnsureSubjects(int more)
    {
        if (_subjectCount + more > _subjects.Length)
        {
            var grown = ArrayPool<SubjectEntry>.Shared.Rent(Math.Max(_subjects.Length * 2, _subjectCount + more));
            _subjects.AsSpan(0, _subjectCount).CopyTo(grown);
            ArrayPool<SubjectEntry>.Shared.Return(_subjects);
            _subjects = grown;
        }
    }
}
