namespace Arbiter.Engine;

/// <summary>Compares tuples by object, relation and subject only (a tuple's identity; the condition is not part of it).</summary>
internal sealed class TupleKeyComparer : IEqualityComparer<RelationshipTuple>
{
    public static readonly TupleKeyComparer Instance = new();

    public bool Equals(RelationshipTuple? x, RelationshipTuple? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.Object == y.Object
            && string.Equals(x.Relation, y.Relation, StringComparison.Ordinal) && x.Subject == y.Subject);

    public int GetHashCode(RelationshipTuple obj) => HashCode.Combine(obj.Object, obj.Relation, obj.Subject);
}
