namespace Arbiter.Engine;

internal sealed partial class RelationshipIndex
{
    /// <summary>
    /// Builds a base index from entries in any order. Returns <see langword="false"/> with the first duplicate
    /// (same key and subject) when there is one.
    /// </summary>
    public static bool TryBuild(long revision, KeyedEntry[] entries, int count, out RelationshipIndex index, out KeyedEntry duplicate)
    {
        var span = entries.AsSpan(0, count);
        span.Sort(default(KeyedEntryComparer));
        var subjects = new SubjectEntry[count];
        var slots = new List<Slot>();
        var baseSlots = new Dictionary<long, int>();
        var i = 0;
        while (i < count)
        {
            var key = span[i].Key;
            var start = i;
            int plain = 0, wildcards = 0;
            while (i < count && span[i].Key == key)
            {
                var entry = span[i].Entry;
                if (i > start && entry.SameSubject(subjects[i - 1]))
                {
                    index = Empty;
                    duplicate = span[i];
                    return false;
                }
                subjects[i] = entry;
                if (entry.Relation == SubjectKind.Plain)
                {
                    plain++;
                }
                else if (entry.Relation == SubjectKind.Wildcard)
                {
                    wildcards++;
                }
                i++;
            }
            baseSlots.Add(key, slots.Count);
            slots.Add(new Slot(start, plain, wildcards, i - start - plain - wildcards));
        }
        baseSlots.TrimExcess();
        index = new RelationshipIndex(revision, count, baseSlots, [.. slots], subjects, null);
        duplicate = default;
        return true;
    }

    /// <summary>
    /// The next revision: this one without <paramref name="removed"/> (which must exist) and with <paramref name="added"/>
    /// (which must not). Small changes go to the overlay; large ones, or an overlay grown past a fraction of the base,
    /// rebuild the base. Returns <see langword="false"/> with the first duplicate among <paramref name="added"/>.
    /// </summary>
    public bool TryApply(long revision, List<KeyedEntry> added, List<KeyedEntry> removed, out RelationshipIndex next, out KeyedEntry duplicate)
    {
        var threshold = Math.Max(4096, _baseSlots.Count / 8);
        if (added.Count + removed.Count + OverlayCount > threshold)
        {
            return TryRebuild(revision, added, removed, out next, out duplicate);
        }

        var grouped = new Dictionary<long, (List<SubjectEntry> Removed, List<SubjectEntry> Added)>();
        foreach (var e in removed)
        {
            Group(grouped, e.Key).Removed.Add(e.Entry);
        }
        foreach (var e in added)
        {
            Group(grouped, e.Key).Added.Add(e.Entry);
        }
        var count = Count;
        var overlay = _overlay is null ? [] : new Dictionary<long, SubjectList>(_overlay);
        foreach (var (key, change) in grouped)
        {
            var current = Get(key).All;
            var list = new List<SubjectEntry>(current.Length + change.Added.Count);
            foreach (var entry in current)
            {
                if (!change.Removed.Exists(r => r.SameSubject(entry)))
                {
                    list.Add(entry);
                }
            }
            list.AddRange(change.Added);
            var array = list.ToArray();
            Array.Sort(array, SubjectEntry.Compare);
            for (var i = 1; i < array.Length; i++)
            {
                if (array[i].SameSubject(array[i - 1]))
                {
                    next = this;
                    duplicate = new KeyedEntry(key, array[i]);
                    return false;
                }
            }
            count += array.Length - current.Length;
            overlay[key] = SubjectList.FromUnsorted(array);
        }
        next = new RelationshipIndex(revision, count, _baseSlots, _slots, _subjects, overlay);
        duplicate = default;
        return true;
    }

    private bool TryRebuild(long revision, List<KeyedEntry> added, List<KeyedEntry> removed, out RelationshipIndex next, out KeyedEntry duplicate)
    {
        var gone = new HashSet<(long, int, int)>(removed.Count);
        foreach (var e in removed)
        {
            gone.Add((e.Key, e.Entry.Entity, e.Entry.Relation));
        }
        var entries = new KeyedEntry[Count - removed.Count + added.Count];
        var n = 0;
        ForEach((object?)null, (_, key, list) =>
        {
            foreach (var e in list.All)
            {
                if (gone.Count == 0 || !gone.Contains((key, e.Entity, e.Relation)))
                {
                    entries[n++] = new KeyedEntry(key, e);
                }
            }
        });
        foreach (var e in added)
        {
            entries[n++] = e;
        }
        return TryBuild(revision, entries, n, out next, out duplicate);
    }

    private static (List<SubjectEntry> Removed, List<SubjectEntry> Added) Group(
        Dictionary<long, (List<SubjectEntry> Removed, List<SubjectEntry> Added)> grouped, long key)
    {
        if (!grouped.TryGetValue(key, out var change))
        {
            change = ([], []);
            grouped[key] = change;
        }
        return change;
    }
}
