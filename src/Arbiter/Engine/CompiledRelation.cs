using System.Collections.Frozen;
using Arbiter.Model;

namespace Arbiter.Engine;

/// <summary>A compiled relation: its rewrite tree, its direct type restrictions and which subject kinds can reach it.</summary>
internal sealed class CompiledRelation
{
    internal CompiledRelation(CompiledType owner, RelationDefinition definition, int nameId, int index)
    {
        Owner = owner;
        Definition = definition;
        Name = definition.Name;
        NameId = nameId;
        Index = index;
    }

    /// <summary>The type the relation belongs to.</summary>
    public CompiledType Owner { get; }

    /// <summary>The relation as written.</summary>
    public RelationDefinition Definition { get; }

    /// <summary>The relation name.</summary>
    public string Name { get; }

    /// <summary>The relation name symbol (shared with the relationship index).</summary>
    public int NameId { get; }

    /// <summary>The model-wide index of this relation (dense, for path keys).</summary>
    public int Index { get; }

    /// <summary>The compiled rewrite.</summary>
    public RewriteNode Rewrite { get; internal set; } = null!;

    /// <summary>The direct type restrictions.</summary>
    public TypeRestriction[] Restrictions
    {
        get => _restrictions;
        internal set
        {
            _restrictions = value;
            HasUsersetRestrictions = Array.Exists(value, r => r.SubjectRelation >= 0);
        }
    }

    private TypeRestriction[] _restrictions = [];

    /// <summary><see langword="true"/> when a direct type restriction names a userset (<c>group#member</c>).</summary>
    public bool HasUsersetRestrictions { get; private set; }

    /// <summary><see langword="true"/> when the rewrite has a direct part (tuples can be written for it).</summary>
    public bool IsDirectlyAssignable => Restrictions.Length > 0;

    /// <summary>Plain subject types (objects and wildcards) that can reach this relation, indexed by type symbol.</summary>
    internal bool[] ReachablePlain { get; set; } = [];

    /// <summary>Userset subject kinds (<see cref="UsersetKey"/>) that can reach this relation.</summary>
    internal FrozenSet<long> ReachableUsersets { get; set; } = FrozenSet<long>.Empty;

    /// <summary>Whether an attribute rule can grant this relation (through computed relations and set operations), so it may hold on an object no tuple names.</summary>
    internal bool HasRules { get; set; }

    /// <summary>Whether an attribute rule can take part anywhere below this relation (through computed relations, parents or usersets).</summary>
    internal bool RulesBelow { get; set; }

    /// <summary>Whether the relation allows a subject of this type and kind with this condition (<see langword="null"/> for none).</summary>
    public bool Allows(int typeId, int subjectRelation, string? condition)
    {
        foreach (var r in Restrictions)
        {
            if (r.TypeId == typeId && r.SubjectRelation == subjectRelation && string.Equals(r.Condition, condition, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the relation allows a subject of this type and kind, with any condition or none.</summary>
    public bool AllowsAnyCondition(int typeId, int subjectRelation)
    {
        foreach (var r in Restrictions)
        {
            if (r.TypeId == typeId && r.SubjectRelation == subjectRelation)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether a subject of this type and kind can possibly have this relation (OpenFGA's path check).</summary>
    public bool CanBeReachedBy(int typeId, int subjectRelation)
    {
        if (subjectRelation < 0)
        {
            var plain = ReachablePlain;
            return (uint)typeId < (uint)plain.Length && plain[typeId];
        }
        return ReachableUsersets.Contains(UsersetKey(typeId, subjectRelation));
    }

    /// <summary>The key of a userset subject kind <c>type#relation</c>.</summary>
    public static long UsersetKey(int typeId, int relationId) => ((long)typeId << 32) | (uint)relationId;

    /// <inheritdoc />
    public override string ToString() => Owner.Name + "#" + Name;
}
