namespace Arbiter.Engine;

/// <summary>
/// The relationships of <see cref="RelationshipIndex.ChunkSize"/> consecutive object entities, immutable: the keys of local
/// entity <c>i</c> are <c>Slots[First[i]..First[i + 1]]</c> (ordered by relation). A key's subjects are a sorted segment of
/// <see cref="Subjects"/>, or, for a key with many subjects, an array of its own in <see cref="Large"/>, so rebuilding the
/// chunk for a write to another object shares it instead of copying it.
/// </summary>
internal sealed class IndexChunk
{
    /// <summary>Keys with at least this many subjects get an array of their own.</summary>
    public const int LargeKey = 256;

    /// <param name="first">Per local entity, its first slot; one extra entry at the end.</param>
    /// <param name="slots">The keys.</param>
    /// <param name="subjects">The subjects of the keys with fewer than <see cref="LargeKey"/> subjects, key by key.</param>
    /// <param name="large">The subjects of the other keys, one array each; <see langword="null"/> when there are none.</param>
    public IndexChunk(int[] first, IndexSlot[] slots, SubjectEntry[] subjects, SubjectEntry[][]? large)
    {
        First = first;
        Slots = slots;
        Subjects = subjects;
        Large = large;
        var count = 0;
        foreach (var slot in slots)
        {
            count += slot.Count;
        }
        Count = count;
    }

    /// <summary>The number of subjects of every key.</summary>
    public int Count { get; }

    public int[] First { get; }

    public IndexSlot[] Slots { get; }

    public SubjectEntry[] Subjects { get; }

    public SubjectEntry[][]? Large { get; }

    /// <summary>The subjects of (local entity, relation symbol).</summary>
    public SubjectList Get(int local, int relation)
    {
        var slots = Slots;
        var first = First;
        for (int s = first[local], end = first[local + 1]; s < end; s++)
        {
            if (slots[s].Relation == relation)
            {
                return List(s);
            }
        }
        return SubjectList.Empty;
    }

    /// <summary>The subjects of the key in slot <paramref name="s"/>.</summary>
    public SubjectList List(int s)
    {
        ref readonly var slot = ref Slots[s];
        var usersets = slot.Count - slot.Plain - slot.Wildcards;
        return slot.Start >= 0
            ? new SubjectList(Subjects, slot.Start, slot.Plain, slot.Wildcards, usersets)
            : new SubjectList(Large![~slot.Start], 0, slot.Plain, slot.Wildcards, usersets);
    }
}

/// <summary>One (object, relation) key of an <see cref="IndexChunk"/>.</summary>
/// <param name="Relation">The relation symbol.</param>
/// <param name="Start">The first subject in <see cref="IndexChunk.Subjects"/>, or <c>~i</c> for <c>Large[i]</c>.</param>
/// <param name="Count">The number of subjects.</param>
/// <param name="Plain">How many plain subjects come first.</param>
/// <param name="Wildcards">How many wildcards follow them (usersets fill the rest).</param>
internal readonly record struct IndexSlot(int Relation, int Start, int Count, int Plain, int Wildcards);
