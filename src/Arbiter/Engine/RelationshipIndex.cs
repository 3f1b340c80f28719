namespace Arbiter.Engine;

/// <summary>
/// The relationships of one revision, immutable: a compact base (one sorted array of 12-byte subject entries,
/// segmented per (object, relation) key) plus a small overlay of keys changed since the base was built.
/// Writers build the next revision with <see cref="TryApply"/> and swap it in; readers keep the one they started with.
/// </summary>
internal sealed partial class RelationshipIndex
{
    private const int RelationBits = 20;

    private readonly Dictionary<long, int> _baseSlots;
    private readonly Slot[] _slots;
    private readonly SubjectEntry[] _subjects;
    private readonly Dictionary<long, SubjectList>? _overlay;

    private RelationshipIndex(long revision, int count, Dictionary<long, int> baseSlots, Slot[] slots, SubjectEntry[] subjects, Dictionary<long, SubjectList>? overlay)
    {
        Revision = revision;
        Count = count;
        _baseSlots = baseSlots;
        _slots = slots;
        _subjects = subjects;
        _overlay = overlay is { Count: > 0 } ? overlay : null;
    }

    /// <summary>An empty index at revision 0.</summary>
    public static RelationshipIndex Empty { get; } = new(0, 0, [], [], [], null);

    /// <summary>The revision.</summary>
    public long Revision { get; }

    /// <summary>The number of tuples.</summary>
    public int Count { get; }

    /// <summary>The number of keys changed since the base was built.</summary>
    internal int OverlayCount => _overlay?.Count ?? 0;

    /// <summary>The key of (object entity, relation symbol).</summary>
    public static long Key(int entity, int relationId) => ((long)entity << RelationBits) | (uint)relationId;

    /// <summary>The object entity of a key.</summary>
    public static int EntityOf(long key) => (int)(key >> RelationBits);

    /// <summary>The relation symbol of a key.</summary>
    public static int RelationOf(long key) => (int)(key & ((1L << RelationBits) - 1));

    /// <summary>The subjects related to an object by a relation.</summary>
    public SubjectList Get(long key)
    {
        if (_overlay is not null && _overlay.TryGetValue(key, out var changed))
        {
            return changed;
        }
        if (_baseSlots.TryGetValue(key, out var index))
        {
            var slot = _slots[index];
            return new SubjectList(_subjects, slot.Start, slot.Plain, slot.Wildcards, slot.Usersets);
        }
        return SubjectList.Empty;
    }

    /// <summary>Calls <paramref name="visit"/> for every non-empty key.</summary>
    public void ForEach<TState>(TState state, Action<TState, long, SubjectList> visit)
    {
        foreach (var (key, index) in _baseSlots)
        {
            if (_overlay is not null && _overlay.ContainsKey(key))
            {
                continue;
            }
            var slot = _slots[index];
            visit(state, key, new SubjectList(_subjects, slot.Start, slot.Plain, slot.Wildcards, slot.Usersets));
        }
        if (_overlay is not null)
        {
            foreach (var (key, list) in _overlay)
            {
                if (list.Count > 0)
                {
                    visit(state, key, list);
                }
            }
        }
    }

    private readonly record struct Slot(int Start, int Plain, int Wildcards, int Usersets);
}
