namespace Arbiter.Engine;

/// <summary>
/// Evaluates checks with OpenFGA's semantics, depth first and sequentially: path-scoped cycle detection (a cycle is false,
/// not an error), a resolution depth limit, short-circuiting set operations and fail-closed errors. One instance per thread
/// is reused (<see cref="Rent"/>), so the hot path allocates nothing.
/// </summary>
internal sealed partial class CheckEvaluator
{
    [ThreadStatic]
    private static CheckEvaluator? t_cached;

    private long[] _path = new long[32];
    private ulong[] _pathBloom = new ulong[33];
    private int _pathCount;

    private EngineTables _tables = null!;
    private CompiledModel _model = null!;
    private RelationshipIndex _index = null!;
    private ContextualTupleSet? _contextual;
    private IReadOnlyDictionary<string, object?>? _requestContext;
    private IConditionEvaluator? _conditions;
    private readonly ConditionInputs _inputs = new();
    private AttributeStore _attributes = AttributeStore.Empty;
    private Arbiter.Conditions.CelOptions _cel = Arbiter.Conditions.CelOptions.Default;
    private int _requestObject = -1;
    private Arbiter.Conditions.CelValue[]? _requestObjectAttributes;
    private int _maxDepth;
    private BatchMemo? _memo;

    private int _userType;
    private int _userEntity;
    private int _userRelation;

    /// <summary>Takes this thread's evaluator (or a new one when it is in use).</summary>
    public static CheckEvaluator Rent()
    {
        var e = t_cached;
        if (e is null)
        {
            return new CheckEvaluator();
        }
        t_cached = null;
        return e;
    }

    /// <summary>Gives the evaluator back for reuse on this thread.</summary>
    public static void Return(CheckEvaluator evaluator)
    {
        evaluator.Clear();
        t_cached = evaluator;
    }

    /// <summary>Prepares for requests against one state; <paramref name="conditions"/> replaces the model's compiled conditions (tests).</summary>
    public void Begin(EngineTables tables, EngineState state, IConditionEvaluator? conditions, int maxDepth, Arbiter.Conditions.CelOptions? cel = null)
    {
        _attributes = state.Attributes;
        _cel = cel ?? Arbiter.Conditions.CelOptions.Default;
        _tables = tables;
        _model = state.Model;
        _index = state.Index;
        _conditions = conditions;
        _maxDepth = maxDepth;
    }

    /// <summary>Sets the per-request inputs: contextual tuples, request context, memo (batches) and explanation (with condition input values or redacted).</summary>
    public void SetRequest(ContextualTupleSet? contextual, IReadOnlyDictionary<string, object?>? context, BatchMemo? memo, bool explain, bool explainValues = false)
        => SetRequest(contextual, context, memo, explain, explainValues, null, -1, null);

    /// <summary>As above, with the subject's attribute values for this request and the request object's (both stored values overridden by the request's).</summary>
    public void SetRequest(ContextualTupleSet? contextual, IReadOnlyDictionary<string, object?>? context, BatchMemo? memo, bool explain, bool explainValues,
        Arbiter.Conditions.CelValue[]? subjectAttributes, int requestObject, Arbiter.Conditions.CelValue[]? requestObjectAttributes)
    {
        _inputs.Reset(context, subjectAttributes);
        _requestObject = requestObject;
        _requestObjectAttributes = requestObjectAttributes;
        _explainValues = explain && explainValues;
        _contextual = contextual;
        _requestContext = context;
        _memo = explain ? null : memo;
        _explain = explain;
        _explainChildren = explain ? [] : null;
        _pathCount = 0;
    }

    /// <summary>
    /// Checks whether the user (<paramref name="userType"/>, <paramref name="userEntity"/> or -1 when unknown,
    /// <paramref name="userRelation"/>) has <paramref name="relation"/> on <paramref name="objectEntity"/>.
    /// </summary>
    public Outcome Check(int objectEntity, CompiledRelation relation, int userType, int userEntity, int userRelation)
    {
        _userType = userType;
        _userEntity = userEntity;
        _userRelation = userRelation;
        _pathCount = 0;
        return ResolveCheck(objectEntity, relation, 0);
    }

    /// <summary>Evaluates one rewrite node of <paramref name="relation"/> on an object (filter plans: the parts without rules).</summary>
    public Outcome CheckNode(int objectEntity, RewriteNode node, CompiledRelation relation, int userType, int userEntity, int userRelation)
    {
        _userType = userType;
        _userEntity = userEntity;
        _userRelation = userRelation;
        _pathCount = 0;
        Push(RelationshipIndex.Key(objectEntity, relation.Index), 0);
        var result = EvaluateRewrite(node, objectEntity, relation, 0);
        _pathCount = 0;
        return result;
    }

    private void Clear()
    {
        _tables = null!;
        _model = null!;
        _index = null!;
        _contextual = null;
        _requestContext = null;
        _memo = null;
        _explain = false;
        _explainValues = false;
        _explainChildren = null;
        _conditions = null;
        _pathCount = 0;
        _inputs.Reset(null, null);
        _attributes = AttributeStore.Empty;
        _requestObject = -1;
        _requestObjectAttributes = null;
    }

    /// <summary>OpenFGA's ResolveCheck: depth limit, cycle detection, self-defining usersets, the path check, then the rewrite.</summary>
    private Outcome ResolveCheck(int obj, CompiledRelation relation, int depth)
    {
        var node = RelationshipIndex.Key(obj, relation.Index);
        var bit = BloomBit(node);
        if (depth >= _maxDepth)
        {
            var error = new DecisionError(ArbiterErrorCode.ResolutionTooComplex,
                $"resolution of {Describe(obj)}#{relation.Name} exceeded the depth limit of {_maxDepth}");
            ExplainLeaf("error", error.Message, false);
            return Outcome.Failed(error, bit);
        }
        for (var i = 0; i < _pathCount; i++)
        {
            if (_path[i] == node)
            {
                if (_explain)
                {
                    ExplainLeaf("cycle", $"{Describe(obj)}#{relation.Name} (cycle)", false);
                }
                return Outcome.False(bit, tainted: true, cycle: true);
            }
        }
        if (_userRelation >= 0 && obj == _userEntity && relation.NameId == _userRelation)
        {
            if (_explain)
            {
                ExplainLeaf("self", $"{Describe(obj)}#{relation.Name} is the subject itself", true);
            }
            return Outcome.True(bit, false);
        }
        if (!relation.CanBeReachedBy(_userType, _userRelation))
        {
            return Outcome.False(bit, false);
        }
        var pathBloom = _pathBloom[_pathCount];
        var memo = depth == 0 && _memo is { SkipTopLevel: true } ? null : _memo;
        if (memo is not null && memo.TryGet(node, depth, pathBloom, out var remembered))
        {
            return remembered;
        }

        Push(node, pathBloom | bit);
        var saved = BeginExplain();
        var result = EvaluateRewrite(relation.Rewrite, obj, relation, depth).WithVisited(bit);
        if (_explain)
        {
            EndExplain(saved, "relation", $"{Describe(obj)}#{relation.Name}", result);
        }
        _pathCount--;

        if (memo is not null && !result.Tainted && !result.IsError)
        {
            memo.Set(node, depth, result);
        }
        return result;
    }

    private void Push(long node, ulong bloom)
    {
        if (_pathCount == _path.Length)
        {
            Array.Resize(ref _path, _path.Length * 2);
            Array.Resize(ref _pathBloom, _path.Length + 1);
        }
        _path[_pathCount++] = node;
        _pathBloom[_pathCount] = bloom;
    }

    private static ulong BloomBit(long node)
    {
        var h = (ulong)node * 0x9E3779B97F4A7C15UL;
        return 1UL << (int)(h >> 58);
    }

    private int TypeOf(int entity) => entity >= 0 ? _tables.Entities.TypeOf(entity) : _contextual!.LocalTypeOf(entity);

    private string IdOf(int entity) => entity >= 0 ? _tables.Entities.IdOf(entity) : _contextual!.LocalIdOf(entity);

    private string Describe(int entity) => entity == -1 ? "(unknown)" : _tables.Types.NameOf(TypeOf(entity)) + ":" + IdOf(entity);
}
