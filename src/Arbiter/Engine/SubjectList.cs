namespace Arbiter.Engine;

/// <summary>
/// The subjects of one (object, relation) key: a view over a sorted segment, split into
/// plain subjects, wildcards and usersets.
/// </summary>
internal readonly struct SubjectList
{
    public static readonly SubjectList Empty = new([], 0, 0, 0, 0);

    private readonly SubjectEntry[] _entries;
    private readonly int _start;
    private readonly int _plain;
    private readonly int _wildcards;
    private readonly int _usersets;

    public SubjectList(SubjectEntry[] entries, int start, int plain, int wildcards, int usersets)
    {
        _entries = entries;
        _start = start;
        _plain = plain;
        _wildcards = wildcards;
        _usersets = usersets;
    }

    /// <summary>The number of subjects.</summary>
    public int Count => _plain + _wildcards + _usersets;

    /// <summary>Every subject, in order.</summary>
    public ReadOnlySpan<SubjectEntry> All => new(_entries, _start, Count);

    /// <summary>The plain subjects (<c>type:id</c>), sorted by entity.</summary>
    public ReadOnlySpan<SubjectEntry> Plain => new(_entries, _start, _plain);

    /// <summary>The wildcard subjects (<c>type:*</c>), sorted by entity.</summary>
    public ReadOnlySpan<SubjectEntry> Wildcards => new(_entries, _start + _plain, _wildcards);

    /// <summary>The userset subjects (<c>type:id#relation</c>), sorted by entity and relation.</summary>
    public ReadOnlySpan<SubjectEntry> Usersets => new(_entries, _start + _plain + _wildcards, _usersets);

    /// <summary>Finds a subject by entity and relation code; returns its index in <see cref="All"/> or -1.</summary>
    public int Find(int entity, int relation)
    {
        var span = relation switch
        {
            SubjectKind.Plain => Plain,
            SubjectKind.Wildcard => Wildcards,
            _ => Usersets,
        };
        var offset = relation switch
        {
            SubjectKind.Plain => 0,
            SubjectKind.Wildcard => _plain,
            _ => _plain + _wildcards,
        };
        int lo = 0, hi = span.Length - 1;
        while (lo <= hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            ref readonly var e = ref span[mid];
            var c = e.Entity != entity ? e.Entity.CompareTo(entity) : e.Relation.CompareTo(relation);
            if (c == 0)
            {
                return offset + mid;
            }
            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /// <summary>Builds a list from unsorted entries (duplicates must have been removed).</summary>
    public static SubjectList FromUnsorted(SubjectEntry[] entries)
    {
        if (entries.Length == 0)
        {
            return Empty;
        }
        Array.Sort(entries, SubjectEntry.Compare);
        int plain = 0, wildcards = 0;
        foreach (var e in entries)
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
        return new SubjectList(entries, 0, plain, wildcards, entries.Length - plain - wildcards);
    }
}
