using Arbiter.Engine;

namespace Arbiter;

public sealed partial class AuthorizationEngine
{
    /// <summary>
    /// The stored relationships that match every given filter (all of them when no filter is given), as stored:
    /// tuples the current model no longer allows are included.
    /// </summary>
    /// <param name="object">Only tuples of this object.</param>
    /// <param name="relation">Only tuples of this relation.</param>
    /// <param name="subject">Only tuples of this subject (exactly: <c>user:*</c> matches only the wildcard tuple).</param>
    public IReadOnlyList<RelationshipTuple> Read(ObjectRef? @object = null, string? relation = null, SubjectRef? subject = null)
    {
        var state = State;
        var t = _tables;
        var result = new List<RelationshipTuple>();
        var filter = new ReadFilter(t, subject);
        if (@object is { } o)
        {
            if (!t.Types.TryGetId(o.Type, out var typeId))
            {
                return result;
            }
            var entity = t.Entities.Find(typeId, o.Id);
            if (entity < 0)
            {
                return result;
            }
            if (relation is not null)
            {
                if (t.Relations.TryGetId(relation, out var relationId))
                {
                    var key = RelationshipIndex.Key(entity, relationId);
                    filter.Collect(key, state.Index.Get(key), result);
                }
                return result;
            }
            // every relation of the object: the keys of this entity
            for (var r = 0; r < t.Relations.Count; r++)
            {
                var key = RelationshipIndex.Key(entity, r);
                filter.Collect(key, state.Index.Get(key), result);
            }
            return result;
        }
        var relationFilter = -1;
        if (relation is not null && !t.Relations.TryGetId(relation, out relationFilter))
        {
            return result;
        }
        state.Index.ForEach((filter, relationFilter, result), static (s, key, list) =>
        {
            if (s.relationFilter < 0 || RelationshipIndex.RelationOf(key) == s.relationFilter)
            {
                s.filter.Collect(key, list, s.result);
            }
        });
        return result;
    }

    /// <summary>Turns index entries back into tuples, keeping those that match a subject filter.</summary>
    private sealed class ReadFilter
    {
        private readonly EngineTables _tables;
        private readonly bool _any;
        private readonly bool _impossible;
        private readonly int _entity;
        private readonly int _relation;

        public ReadFilter(EngineTables tables, SubjectRef? subject)
        {
            _tables = tables;
            _any = subject is null;
            if (subject is { } s)
            {
                _relation = s.IsWildcard ? SubjectKind.Wildcard : SubjectKind.Plain;
                _impossible = !tables.Types.TryGetId(s.Type, out var type)
                    || (s.Relation is { } r && !tables.Relations.TryGetId(r, out _relation));
                _entity = _impossible ? -1 : tables.Entities.Find(type, s.Id);
                _impossible |= _entity < 0;
            }
        }

        public void Collect(long key, SubjectList list, List<RelationshipTuple> result)
        {
            if (_impossible || list.Count == 0)
            {
                return;
            }
            var t = _tables;
            var obj = RelationshipIndex.EntityOf(key);
            ObjectRef? objectRef = null;
            foreach (var e in list.All)
            {
                if (!_any && (e.Entity != _entity || e.Relation != _relation))
                {
                    continue;
                }
                objectRef ??= new ObjectRef(t.Types.NameOf(t.Entities.TypeOf(obj)), t.Entities.IdOf(obj));
                var subject = new SubjectRef(t.Types.NameOf(t.Entities.TypeOf(e.Entity)), t.Entities.IdOf(e.Entity),
                    e.Relation >= 0 ? t.Relations.NameOf(e.Relation) : null);
                result.Add(new RelationshipTuple(objectRef.Value, t.Relations.NameOf(RelationshipIndex.RelationOf(key)), subject,
                    e.Condition < 0 ? null : t.Conditions[e.Condition]));
            }
        }
    }
}
