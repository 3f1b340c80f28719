namespace Arbiter.Engine;

/// <summary>
/// The relationships of <see cref="RelationshipIndex.ChunkSize"/> consecutive object entities, immutable: the keys of local
/// entity <c>i</c> are <c>Slots[First[i]..First[i + 1]]</c> (ordered by relation), and each key's subjects are a sorted
/// segment of <see cref="Subjects"/>. A write copies only the chunks it touches.
/// </summary>
internal sealed class IndexChunk
{
    /// <param name="first">Per local entity, its first slot; one extra entry at the end.</param>
    /// <param name="slots">The keys, followed by a sentinel whose <see cref="IndexSlot.Start"/> is the number of subjects.</param>
    /// <param name="subjects">The subjects of every key, key by key.</param>
    public IndexChunk(int[] first, IndexSlot[] slots, SubjectEntry[] subjects)
    {
        First = first;
        Slots = slots;
        Subjects = subjects;
    }

    public int[] First { get; }

    public IndexSlot[] Slots { get; }

    public SubjectEntry[] Subjects { get; }

    /// <summary>The number of keys.</summary>
    public int KeyCount => Slots.Length - 1;

    /// <summary>The subjects of (local entity, relation symbol).</summary>
    public SubjectList Get(int local, int relation)
    {
        var slots = Slots;
        var first = First;
        for (int s = first[local], end = first[local + 1]; s < end; s++)
        {
            ref readonly var slot = ref slots[s];
            if (slot.Relation == relation)
            {
                return List(s);
            }
        }
        return SubjectList.Empty;
    }

    /// <summary>The subjects of the key in slot <paramref name="s"/>.</summary>
    public SubjectList List(int s)
    {
        var slots = Slots;
        ref readonly var slot = ref slots[s];
        var usersets = slots[s + 1].Start - slot.Start - slot.Plain - slot.Wildcards;
        return new SubjectList(Subjects, slot.Start, slot.Plain, slot.Wildcards, usersets);
    }
}

/// <summary>One (object, relation) key of an <see cref="IndexChunk"/>: its relation and where its subjects start.</summary>
/// <param name="Relation">The relation symbol.</param>
/// <param name="Start">The first subject in <see cref="IndexChunk.Subjects"/>.</param>
/// <param name="Plain">How many plain subjects come first.</param>
/// <param name="Wildcards">How many wildcards follow them (usersets fill the rest, up to the next slot's start).</param>
internal readonly record struct IndexSlot(int Relation, int Start, int Plain, int Wildcards);
