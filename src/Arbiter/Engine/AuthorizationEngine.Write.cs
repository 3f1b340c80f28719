using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Arbiter.Engine;

namespace Arbiter;

public sealed partial class AuthorizationEngine
{
    /// <summary>
    /// Writes and deletes relationships atomically and returns the new revision. Every written tuple is checked against the
    /// current model; deleted tuples must exist, written ones must not. On any error nothing is written.
    /// </summary>
    /// <param name="writes">The tuples to add.</param>
    /// <param name="deletes">The tuples to remove (their conditions are ignored: a tuple is identified by object, relation and subject).</param>
    /// <returns>The new revision (the current one, unchanged, when both lists are empty).</returns>
    /// <exception cref="ArbiterException">
    /// A tuple names an unknown type (<see cref="ArbiterErrorCode.TypeNotFound"/>) or relation (<see cref="ArbiterErrorCode.RelationNotFound"/>),
    /// does not fit the model, exists already, is missing (deletes) or repeats (<see cref="ArbiterErrorCode.InvalidTuple"/>);
    /// or the write carries more than <see cref="AuthorizationEngineOptions.MaxTuplesPerWrite"/> tuples (<see cref="ArbiterErrorCode.ValidationError"/>).
    /// The message names the tuple.
    /// </exception>
    public long Write(IReadOnlyList<RelationshipTuple> writes, IReadOnlyList<RelationshipTuple>? deletes = null)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ThrowIfBound();
        deletes ??= [];
        var total = (long)writes.Count + deletes.Count;
        if (total > _options.MaxTuplesPerWrite)
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError,
                $"a write may carry at most {_options.MaxTuplesPerWrite} tuples (writes plus deletes) but this one has {total}");
        }
        lock (_writeLock)
        {
            var state = State;
            if (total == 0)
            {
                return state.Index.Revision;
            }
            var removed = ValidateDeletes(state, deletes);
            var validated = ValidateWrites(state, writes, deletes);

            // Commit: intern, then build the next revision; nothing is visible until the state is swapped.
            var entities = _tables.Entities;
            var added = new List<KeyedEntry>(validated.Length);
            entities.BeginWrite(writes.Count * 2);
            try
            {
                for (var i = 0; i < validated.Length; i++)
                {
                    var v = validated[i];
                    var obj = entities.GetOrAdd(v.Relation.Owner.TypeId, v.Tuple.Object.Id);
                    var subject = entities.GetOrAdd(v.SubjectTypeId, v.Tuple.Subject.Id);
                    var condition = v.Tuple.Condition is { } c ? _tables.Conditions.Add(c) : -1;
                    added.Add(new KeyedEntry(RelationshipIndex.Key(obj, v.Relation.NameId), new SubjectEntry(subject, v.SubjectRelation, condition)));
                }
            }
            finally
            {
                entities.EndWrite();
            }
            validated = []; // not needed any more: let a bulk write's validation array go before the index is built
            var revision = state.Index.Revision + 1;
            if (!TryNext(state.Index, state.ReverseIfBuilt, revision, added, removed, out var next, out var nextReverse, out var duplicate))
            {
                throw new ArbiterException(ArbiterErrorCode.InvalidTuple,
                    $"invalid tuple '{Format(duplicate)}': it appears more than once in this write");
            }
            Publish(new EngineState(state.Model, next, state.Attributes, nextReverse));
            return revision;
        }
    }

    private ValidatedTuple[] ValidateWrites(EngineState state, IReadOnlyList<RelationshipTuple> writes, IReadOnlyList<RelationshipTuple> deletes)
    {
        HashSet<RelationshipTuple>? deleted = null;
        if (deletes.Count > 0)
        {
            deleted = new HashSet<RelationshipTuple>(TupleKeyComparer.Instance);
            foreach (var d in deletes)
            {
                deleted.Add(d);
            }
        }
        var validated = new ValidatedTuple[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            var tuple = writes[i];
            if (!TupleValidator.TryValidate(state.Model, _options.ContextLimits, tuple, out var v, out var code, out var error))
            {
                throw new ArbiterException(code, error);
            }
            if (deleted is not null && deleted.Contains(tuple))
            {
                throw new ArbiterException(ArbiterErrorCode.InvalidTuple, TupleValidator.Describe(tuple, "it is both written and deleted in this write"));
            }
            if (TryLocate(state.Index, tuple, out _))
            {
                throw new ArbiterException(ArbiterErrorCode.InvalidTuple, TupleValidator.Describe(tuple, "it already exists"));
            }
            validated[i] = v;
        }
        return validated;
    }

    private List<KeyedEntry> ValidateDeletes(EngineState state, IReadOnlyList<RelationshipTuple> deletes)
    {
        var removed = new List<KeyedEntry>(deletes.Count);
        HashSet<RelationshipTuple>? seen = deletes.Count > 1 ? new(TupleKeyComparer.Instance) : null;
        foreach (var tuple in deletes)
        {
            if (tuple is null)
            {
                throw new ArbiterException(ArbiterErrorCode.InvalidTuple, "a tuple to delete is null");
            }
            if (!TupleValidator.IsWellFormed(tuple, out var problem))
            {
                throw new ArbiterException(ArbiterErrorCode.InvalidTuple, TupleValidator.Describe(tuple, problem));
            }
            if (seen is not null && !seen.Add(tuple))
            {
                throw new ArbiterException(ArbiterErrorCode.InvalidTuple, TupleValidator.Describe(tuple, "it is deleted more than once in this write"));
            }
            if (!TryLocate(state.Index, tuple, out var entry))
            {
                throw new ArbiterException(ArbiterErrorCode.InvalidTuple, TupleValidator.Describe(tuple, "it cannot be deleted because it does not exist"));
            }
            removed.Add(entry);
        }
        return removed;
    }

    /// <summary>Finds a stored tuple by object, relation and subject (conditions aside), whatever the current model says.</summary>
    private bool TryLocate(RelationshipIndex source, RelationshipTuple tuple, out KeyedEntry entry)
    {
        entry = default;
        var t = _tables;
        if (!t.Types.TryGetId(tuple.Object.Type, out var objectType)
            || !t.Relations.TryGetId(tuple.Relation, out var relation)
            || !t.Types.TryGetId(tuple.Subject.Type, out var subjectType))
        {
            return false;
        }
        var subjectRelation = SubjectKind.Plain;
        if (tuple.Subject.IsWildcard)
        {
            subjectRelation = SubjectKind.Wildcard;
        }
        else if (tuple.Subject.Relation is { } userset && !t.Relations.TryGetId(userset, out subjectRelation))
        {
            return false;
        }
        var obj = t.Entities.Find(objectType, tuple.Object.Id);
        var subject = t.Entities.Find(subjectType, tuple.Subject.Id);
        if (obj < 0 || subject < 0)
        {
            return false;
        }
        var key = RelationshipIndex.Key(obj, relation);
        var list = source.Get(key);
        var index = list.Find(subject, subjectRelation);
        if (index < 0)
        {
            return false;
        }
        entry = new KeyedEntry(key, list.All[index]);
        return true;
    }

    [SuppressMessage("Style", "IDE0072:Add missing cases", Justification = "Plain and wildcard are the only negative codes.")]
    private string Format(KeyedEntry e)
    {
        var t = _tables;
        var obj = RelationshipIndex.EntityOf(e.Key);
        var subject = t.Entities.IdOf(e.Entry.Entity);
        var subjectText = t.Types.NameOf(t.Entities.TypeOf(e.Entry.Entity)) + ":" + subject
            + (e.Entry.Relation >= 0 ? "#" + t.Relations.NameOf(e.Entry.Relation) : string.Empty);
        return $"{t.Types.NameOf(t.Entities.TypeOf(obj))}:{t.Entities.IdOf(obj)}#{t.Relations.NameOf(RelationshipIndex.RelationOf(e.Key))}@{subjectText}";
    }
}
