namespace Arbiter.Engine;

internal sealed partial class CheckEvaluator
{
    private Outcome EvaluateRewrite(RewriteNode node, int obj, CompiledRelation relation, int depth)
    {
        switch (node.Kind)
        {
            case RewriteKind.Direct:
                return CheckDirect(obj, relation, node, depth);
            case RewriteKind.Computed:
            {
                var saved = BeginExplain();
                var result = ResolveCheck(obj, node.Target!, depth);
                EndExplain(saved, "computed", node.Description, result);
                return result;
            }
            case RewriteKind.TupleToUserset:
                return CheckTupleToUserset(node, obj, depth);
            case RewriteKind.Union:
                return Union(node, obj, relation, depth);
            case RewriteKind.Intersection:
                return Intersection(node, obj, relation, depth);
            case RewriteKind.Rule:
                return EvaluateRule(node, obj);
            default:
                return Exclusion(node, obj, relation, depth);
        }
    }

    /// <summary>Any child true is true; otherwise an error if any child failed; otherwise false (cut by a cycle if one was).</summary>
    private Outcome Union(RewriteNode node, int obj, CompiledRelation relation, int depth)
    {
        var saved = BeginExplain();
        var acc = default(Accumulator);
        Outcome result = default;
        var decided = false;
        foreach (var child in node.Children)
        {
            var r = EvaluateRewrite(child, obj, relation, depth);
            acc.Add(r);
            if (r.IsTrue)
            {
                result = Outcome.True(acc.Visited, acc.Tainted);
                decided = true;
                break;
            }
        }
        if (!decided)
        {
            result = acc.UnionResult();
        }
        EndExplain(saved, "union", node.Description, result);
        return result;
    }

    /// <summary>Any child false (or cut by a cycle) is false; otherwise an error if any child failed; otherwise true.</summary>
    private Outcome Intersection(RewriteNode node, int obj, CompiledRelation relation, int depth)
    {
        var saved = BeginExplain();
        var acc = default(Accumulator);
        Outcome result = default;
        var decided = false;
        foreach (var child in node.Children)
        {
            var r = EvaluateRewrite(child, obj, relation, depth);
            acc.Add(r);
            if (r.IsFalse)
            {
                result = Outcome.False(acc.Visited, acc.Tainted, r.Cycle);
                decided = true;
                break;
            }
        }
        if (!decided)
        {
            result = acc.Error is { } error ? Outcome.Failed(error, acc.Visited) : Outcome.True(acc.Visited, acc.Tainted);
        }
        EndExplain(saved, "intersection", node.Description, result);
        return result;
    }

    /// <summary>Base false or subtract true (or either cut by a cycle) is false; then errors; otherwise true.</summary>
    private Outcome Exclusion(RewriteNode node, int obj, CompiledRelation relation, int depth)
    {
        var saved = BeginExplain();
        var acc = default(Accumulator);
        var b = EvaluateRewrite(node.Children[0], obj, relation, depth);
        acc.Add(b);
        Outcome result;
        if (b.IsFalse)
        {
            result = Outcome.False(acc.Visited, acc.Tainted, b.Cycle);
        }
        else
        {
            var s = EvaluateRewrite(node.Children[1], obj, relation, depth);
            acc.Add(s);
            if (s.IsTrue || s.Cycle)
            {
                result = Outcome.False(acc.Visited, acc.Tainted, s.Cycle);
            }
            else if (b.IsError)
            {
                result = Outcome.Failed(b.Error!, acc.Visited);
            }
            else if (s.IsError)
            {
                result = Outcome.Failed(s.Error!, acc.Visited);
            }
            else
            {
                result = Outcome.True(acc.Visited, acc.Tainted);
            }
        }
        EndExplain(saved, "exclusion", node.Description, result);
        return result;
    }

    /// <summary>
    /// <c>viewer from parent</c>: the computed relation on every object the tupleset relation points at (stored and
    /// contextual tuples read as one group: a condition error counts only when no parent tuple met its condition).
    /// </summary>
    private Outcome CheckTupleToUserset(RewriteNode node, int obj, int depth)
    {
        var saved = BeginExplain();
        var tupleset = node.Tupleset!;
        var key = RelationshipIndex.Key(obj, tupleset.NameId);
        var acc = default(Accumulator);
        var group = default(ConditionGroup);
        var found = (obj >= 0 && ParentsAllow(node, tupleset, obj, _index.Get(key), _tables.Conditions, depth, ref acc, ref group))
            || (_contextual is not null && ParentsAllow(node, tupleset, obj, _contextual.Get(key), _contextual.Conditions, depth, ref acc, ref group));
        if (!found)
        {
            group.Close(ref acc);
        }
        var result = found ? Outcome.True(acc.Visited, acc.Tainted) : acc.UnionResult();
        EndExplain(saved, "tuple-to-userset", node.Description, result);
        return result;
    }

    private bool ParentsAllow(RewriteNode node, CompiledRelation tupleset, int obj, SubjectList list, ConditionTable conditions, int depth, ref Accumulator acc, ref ConditionGroup group)
    {
        foreach (var entry in list.All)
        {
            var parentType = TypeOf(entry.Entity);
            if (!IsAllowed(tupleset, parentType, entry, conditions))
            {
                continue;
            }
            var targets = node.TargetByType;
            var target = (uint)parentType < (uint)targets.Length ? targets[parentType] : null;
            if (entry.Relation != SubjectKind.Plain || !group.Admit(EvaluateCondition(obj, tupleset, entry, conditions)) || target is null)
            {
                continue;
            }
            ExplainTuple(obj, tupleset, entry, conditions);
            var r = ResolveCheck(entry.Entity, target, depth + 1);
            acc.Add(r);
            if (r.IsTrue)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Folds child outcomes with union semantics.</summary>
    private struct Accumulator
    {
        public ulong Visited;
        public bool Tainted;
        public bool Cycle;
        public DecisionError? Error;

        public void Add(in Outcome r)
        {
            Visited |= r.Visited;
            Tainted |= r.Tainted;
            Cycle |= r.Cycle;
            if (r.IsError)
            {
                Error ??= r.Error;
            }
        }

        public readonly Outcome UnionResult() =>
            Error is { } error ? Outcome.Failed(error, Visited) : Outcome.False(Visited, Tainted, Cycle);
    }
}
