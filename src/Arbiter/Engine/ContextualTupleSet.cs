namespace Arbiter.Engine;

/// <summary>
/// The contextual tuples of one request, indexed like stored ones. Entities the store already knows keep their ids;
/// others get request-local ids (≤ -2), so the shared entity table never grows from requests.
/// </summary>
internal sealed class ContextualTupleSet
{
    private readonly EntityTable _entities;
    private readonly Dictionary<(int Type, string Id), int> _local = [];
    private readonly List<(int Type, string Id)> _localInfo = [];
    private readonly Dictionary<long, SubjectList> _lists = [];

    private ContextualTupleSet(EntityTable entities) => _entities = entities;

    /// <summary>The conditions of the contextual tuples.</summary>
    public ConditionTable Conditions { get; } = new();

    /// <summary>Builds the set from validated tuples (duplicates are kept once).</summary>
    public static ContextualTupleSet Build(EntityTable entities, IReadOnlyList<ValidatedTuple> tuples)
    {
        var set = new ContextualTupleSet(entities);
        var grouped = new Dictionary<long, List<SubjectEntry>>();
        foreach (var t in tuples)
        {
            var obj = set.Intern(t.Relation.Owner.TypeId, t.Tuple.Object.Id);
            var subject = set.Intern(t.SubjectTypeId, t.Tuple.Subject.Id);
            var key = RelationshipIndex.Key(obj, t.Relation.NameId);
            if (!grouped.TryGetValue(key, out var list))
            {
                grouped[key] = list = [];
            }
            var condition = t.Tuple.Condition is { } c ? set.Conditions.Add(c) : -1;
            var entry = new SubjectEntry(subject, t.SubjectRelation, condition);
            if (!list.Exists(e => e.SameSubject(entry)))
            {
                list.Add(entry);
            }
        }
        foreach (var (key, list) in grouped)
        {
            set._lists[key] = SubjectList.FromUnsorted([.. list]);
        }
        return set;
    }

    /// <summary>The entity id of <c>type:id</c>: the store's when it has one, else the request-local one, else -1.</summary>
    public int Find(int typeId, string id)
    {
        var global = _entities.Find(typeId, id);
        if (global >= 0)
        {
            return global;
        }
        return _local.TryGetValue((typeId, id), out var local) ? local : -1;
    }

    /// <summary>The contextual subjects of a key.</summary>
    public SubjectList Get(long key) => _lists.TryGetValue(key, out var list) ? list : SubjectList.Empty;

    /// <summary>The request-local entities of one type (those the store does not know), with their ids.</summary>
    public IEnumerable<(int Entity, string Id)> LocalEntitiesOf(int typeId)
    {
        for (var i = 0; i < _localInfo.Count; i++)
        {
            if (_localInfo[i].Type == typeId && _localInfo[i].Id != SubjectRef.WildcardId)
            {
                yield return (-2 - i, _localInfo[i].Id);
            }
        }
    }

    /// <summary>The type symbol of a request-local entity.</summary>
    public int LocalTypeOf(int entity) => _localInfo[-entity - 2].Type;

    /// <summary>The id string of a request-local entity.</summary>
    public string LocalIdOf(int entity) => _localInfo[-entity - 2].Id;

    /// <summary>The id of <c>type:id</c>, giving it a request-local one when neither the store nor this set knows it.</summary>
    public int InternLocal(int typeId, string id) => Intern(typeId, id);

    private int Intern(int typeId, string id)
    {
        var found = Find(typeId, id);
        if (found != -1)
        {
            return found;
        }
        var local = -2 - _localInfo.Count;
        _localInfo.Add((typeId, id));
        _local[(typeId, id)] = local;
        return local;
    }
}
