using System.Runtime.InteropServices;

namespace Arbiter.Engine;

/// <summary>
/// One subject of a stored relationship, relative to its (object, relation) key: 12 bytes.
/// </summary>
/// <param name="Entity">The subject entity (the object part of a userset).</param>
/// <param name="Relation"><see cref="SubjectKind.Plain"/>, <see cref="SubjectKind.Wildcard"/>, or the userset relation symbol.</param>
/// <param name="Condition">The index of the tuple's condition in its <see cref="ConditionTable"/>, or -1.</param>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly record struct SubjectEntry(int Entity, int Relation, int Condition)
{
    /// <summary>The sort group: plain subjects, then wildcards, then usersets.</summary>
    public int Group => Relation switch
    {
        SubjectKind.Plain => 0,
        SubjectKind.Wildcard => 1,
        _ => 2,
    };

    /// <summary>Orders entries by group, entity and relation (the order inside a <see cref="SubjectList"/>).</summary>
    public static int Compare(SubjectEntry a, SubjectEntry b)
    {
        var c = a.Group.CompareTo(b.Group);
        if (c != 0)
        {
            return c;
        }
        c = a.Entity.CompareTo(b.Entity);
        return c != 0 ? c : a.Relation.CompareTo(b.Relation);
    }

    /// <summary>Whether two entries name the same subject (conditions aside).</summary>
    public bool SameSubject(SubjectEntry other) => Entity == other.Entity && Relation == other.Relation;
}
