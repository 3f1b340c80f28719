namespace Arbiter.Engine;

/// <summary>
/// The model seen backwards, for listing: which relations accept a kind of subject in their type restrictions, and which
/// relations depend on a relation through a computed relation or a tuple-to-userset. Built once per model version.
/// </summary>
internal sealed class ReverseGraph
{
    private readonly Dictionary<(int Type, int SubjectRelation), List<CompiledRelation>> _accepting = [];
    private readonly List<CompiledRelation>[] _computed;
    private readonly List<(CompiledRelation Dependent, CompiledRelation Tupleset)>[] _fromParent;

    public ReverseGraph(CompiledModel model)
    {
        _computed = new List<CompiledRelation>[model.Relations.Length];
        _fromParent = new List<(CompiledRelation, CompiledRelation)>[model.Relations.Length];
        for (var i = 0; i < model.Relations.Length; i++)
        {
            _computed[i] = [];
            _fromParent[i] = [];
        }
        foreach (var relation in model.Relations)
        {
            foreach (var restriction in relation.Restrictions)
            {
                var key = (restriction.TypeId, restriction.SubjectRelation);
                if (!_accepting.TryGetValue(key, out var list))
                {
                    _accepting[key] = list = [];
                }
                if (!list.Contains(relation))
                {
                    list.Add(relation);
                }
            }
            Collect(relation, relation.Rewrite);
        }
        _leadsUp = new bool[model.Relations.Length];
        foreach (var relation in model.Relations)
        {
            _leadsUp[relation.Index] = _computed[relation.Index].Count > 0 || _fromParent[relation.Index].Count > 0
                || _accepting.ContainsKey((relation.Owner.TypeId, relation.NameId));
        }
    }

    /// <summary>
    /// Whether anything leads upwards from (an object, this relation): a type restriction accepting it as a userset, a
    /// computed relation or a <c>from</c> using it. Nodes of other relations are recorded but not expanded.
    /// </summary>
    public bool LeadsUp(CompiledRelation relation) => _leadsUp[relation.Index];

    private readonly bool[] _leadsUp;

    /// <summary>The relations whose type restrictions accept subjects of this type and kind (plain, wildcard or userset relation).</summary>
    public IReadOnlyList<CompiledRelation> Accepting(int type, int subjectRelation) =>
        _accepting.TryGetValue((type, subjectRelation), out var list) ? list : [];

    /// <summary>The relations of the same type that include this one through a computed relation.</summary>
    public IReadOnlyList<CompiledRelation> ComputedFrom(CompiledRelation relation) => _computed[relation.Index];

    /// <summary>The relations (of other types) that include this one through <c>relation from tupleset</c>, with their tupleset.</summary>
    public IReadOnlyList<(CompiledRelation Dependent, CompiledRelation Tupleset)> FromParent(CompiledRelation relation) => _fromParent[relation.Index];

    private void Collect(CompiledRelation owner, RewriteNode node)
    {
        switch (node.Kind)
        {
            case RewriteKind.Computed:
                if (!_computed[node.Target!.Index].Contains(owner))
                {
                    _computed[node.Target.Index].Add(owner);
                }
                break;
            case RewriteKind.TupleToUserset:
                foreach (var target in node.TargetByType)
                {
                    if (target is not null && !_fromParent[target.Index].Contains((owner, node.Tupleset!)))
                    {
                        _fromParent[target.Index].Add((owner, node.Tupleset!));
                    }
                }
                break;
        }
        foreach (var child in node.Children)
        {
            Collect(owner, child);
        }
    }
}

/// <summary>
/// OpenFGA's reverse expansion, as a superset: from a subject, every (object, relation) it may have, found by following
/// the reverse index upwards (tuples naming the subject, its wildcard or a userset it may belong to; relations computed
/// from those; relations of children through <c>from</c>). Conditions, intersections, exclusions and depth are ignored
/// here: each candidate is then decided by a check.
/// </summary>
internal sealed class ReverseExpansion
{
    private readonly CompiledModel _model;
    private readonly ReverseGraph _graph;
    private readonly RelationshipIndex _reverse;
    private readonly EntityTable _entities;
    private readonly HashSet<long> _reached = [];
    private readonly List<int>?[] _byRelation;
    private readonly Queue<(int Entity, CompiledRelation Relation)> _queue = new();

    private ReverseExpansion(CompiledModel model, RelationshipIndex reverse, EntityTable entities)
    {
        _model = model;
        _graph = model.ReverseGraph;
        _reverse = reverse;
        _entities = entities;
        _byRelation = new List<int>?[model.Relations.Length];
    }

    /// <summary>Expands from a subject (<paramref name="userEntity"/> -1 when the store does not know it).</summary>
    public static ReverseExpansion Run(CompiledModel model, RelationshipIndex reverse, EntityTable entities, int userType, int userEntity, int userRelation)
    {
        var expansion = new ReverseExpansion(model, reverse, entities);
        expansion.Start(userType, userEntity, userRelation);
        return expansion;
    }

    /// <summary>The objects (entities) reached with this relation, unordered.</summary>
    public IReadOnlyList<int> ObjectsWith(CompiledRelation relation) => _byRelation[relation.Index] ?? (IReadOnlyList<int>)[];

    private void Start(int userType, int userEntity, int userRelation)
    {
        if (userRelation == SubjectKind.Plain)
        {
            if (userEntity >= 0)
            {
                FollowTuples(userEntity, userType, SubjectKind.Plain);
            }
            var wildcard = _entities.FindWildcard(userType);
            if (wildcard >= 0)
            {
                FollowTuples(wildcard, userType, SubjectKind.Wildcard);
            }
        }
        else if (userRelation == SubjectKind.Wildcard)
        {
            if (userEntity >= 0)
            {
                FollowTuples(userEntity, userType, SubjectKind.Wildcard);
            }
        }
        else if (userEntity >= 0 && _model.TypeById(userType)?.RelationById(userRelation) is { } self)
        {
            Reach(userEntity, self);
        }
        while (_queue.TryDequeue(out var item))
        {
            var (entity, relation) = item;
            FollowTuples(entity, relation.Owner.TypeId, relation.NameId);
            foreach (var dependent in _graph.ComputedFrom(relation))
            {
                Reach(entity, dependent);
            }
            foreach (var (dependent, tupleset) in _graph.FromParent(relation))
            {
                foreach (var entry in _reverse.Get(RelationshipIndex.Key(entity, tupleset.NameId)).All)
                {
                    if (entry.Relation == SubjectKind.Plain && _entities.TypeOf(entry.Entity) == dependent.Owner.TypeId)
                    {
                        Reach(entry.Entity, dependent);
                    }
                }
            }
        }
    }

    /// <summary>The tuples naming <paramref name="subject"/> (as a plain subject, a wildcard or the userset <c>subject#relation</c>).</summary>
    private void FollowTuples(int subject, int subjectType, int subjectRelation)
    {
        foreach (var relation in _graph.Accepting(subjectType, subjectRelation))
        {
            foreach (var entry in _reverse.Get(RelationshipIndex.Key(subject, relation.NameId)).All)
            {
                if (entry.Relation == subjectRelation && _entities.TypeOf(entry.Entity) == relation.Owner.TypeId)
                {
                    Reach(entry.Entity, relation);
                }
            }
        }
    }

    private void Reach(int entity, CompiledRelation relation)
    {
        if (!_reached.Add(RelationshipIndex.Key(entity, relation.Index)))
        {
            return;
        }
        (_byRelation[relation.Index] ??= []).Add(entity);
        if (_graph.LeadsUp(relation))
        {
            _queue.Enqueue((entity, relation));
        }
    }
}
