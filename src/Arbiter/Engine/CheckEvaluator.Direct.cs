namespace Arbiter.Engine;

internal sealed partial class CheckEvaluator
{
    /// <summary>
    /// The direct part, as OpenFGA's <c>checkDirect</c>: the user's own tuple, then the wildcard and userset tuples
    /// (stored and contextual, recursively), each counted only when the current model still allows it (stale tuples are
    /// ignored) and its condition holds. A condition error on the user's tuple is an error unless another tuple allows;
    /// condition errors among the wildcard and userset tuples count only when none of them met its condition (OpenFGA's
    /// conditions-filtered iterator).
    /// </summary>
    private Outcome CheckDirect(int obj, CompiledRelation relation, RewriteNode node, int depth)
    {
        var key = RelationshipIndex.Key(obj, relation.NameId);
        var stored = obj >= 0 ? _index.Get(key) : SubjectList.Empty;
        if (stored.Count == 0 && _contextual is null && !_explain)
        {
            // nothing stored and nothing contextual: false, having visited and tainted nothing (the common branch of a union)
            return Outcome.False(0, false);
        }
        var saved = BeginExplain();
        var contextual = _contextual?.Get(key) ?? SubjectList.Empty;
        var acc = default(Accumulator);
        var found = UserTupleAllows(relation, obj, stored, _tables.Conditions, ref acc)
            || (_contextual is not null && UserTupleAllows(relation, obj, contextual, _contextual.Conditions, ref acc));
        if (!found)
        {
            var group = default(ConditionGroup);
            found = UsersetsAllow(relation, obj, stored, _tables.Conditions, depth, ref acc, ref group)
                || (_contextual is not null && UsersetsAllow(relation, obj, contextual, _contextual.Conditions, depth, ref acc, ref group));
            group.Close(ref acc);
        }
        var result = found ? Outcome.True(acc.Visited, acc.Tainted) : acc.UnionResult();
        EndExplain(saved, "direct", node.Description, result);
        return result;
    }

    /// <summary>The tuple naming the user exactly.</summary>
    private bool UserTupleAllows(CompiledRelation relation, int obj, SubjectList list, ConditionTable conditions, ref Accumulator acc)
    {
        if (_userEntity == -1 || list.Count == 0)
        {
            return false;
        }
        var index = list.Find(_userEntity, _userRelation);
        if (index < 0)
        {
            return false;
        }
        var entry = list.All[index];
        if (!IsAllowed(relation, _userType, entry, conditions))
        {
            return false;
        }
        var condition = EvaluateCondition(obj, relation, entry, conditions);
        if (condition.IsError)
        {
            acc.Add(condition);
            return false;
        }
        if (condition.IsTrue)
        {
            ExplainTuple(obj, relation, entry, conditions);
            return true;
        }
        return false;
    }

    /// <summary>The wildcard of the user's type and every userset tuple (recursively).</summary>
    private bool UsersetsAllow(CompiledRelation relation, int obj, SubjectList list, ConditionTable conditions, int depth, ref Accumulator acc, ref ConditionGroup group)
    {
        if (list.Count == 0)
        {
            return false;
        }
        if (_userRelation == SubjectKind.Plain && list.Wildcards.Length > 0)
        {
            var wildcard = _contextual is null ? _tables.Entities.FindWildcard(_userType) : _contextual.Find(_userType, SubjectRef.WildcardId);
            var index = wildcard == -1 ? -1 : list.Find(wildcard, SubjectKind.Wildcard);
            if (index >= 0)
            {
                var entry = list.All[index];
                if (IsAllowed(relation, _userType, entry, conditions) && group.Admit(EvaluateCondition(obj, relation, entry, conditions)))
                {
                    ExplainTuple(obj, relation, entry, conditions);
                    return true;
                }
            }
        }
        foreach (var entry in list.Usersets)
        {
            var type = TypeOf(entry.Entity);
            if (!IsAllowed(relation, type, entry, conditions))
            {
                continue;
            }
            var target = _model.TypeById(type)?.RelationById(entry.Relation);
            if (!group.Admit(EvaluateCondition(obj, relation, entry, conditions)) || target is null)
            {
                continue;
            }
            ExplainTuple(obj, relation, entry, conditions);
            var r = ResolveCheck(entry.Entity, target, depth + 1);
            acc.Add(r);
            if (r.IsTrue)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the current model's type restrictions allow a stored subject (OpenFGA's read-time filter).</summary>
    private static bool IsAllowed(CompiledRelation relation, int subjectType, in SubjectEntry entry, ConditionTable conditions) =>
        relation.Allows(subjectType, entry.Relation, entry.Condition < 0 ? null : conditions[entry.Condition].Name);

    /// <summary>
    /// A group of tuples read together (OpenFGA's conditions-filtered iterator): a condition error counts only when no
    /// tuple of the group met its condition.
    /// </summary>
    private struct ConditionGroup
    {
        private bool _passed;
        private DecisionError? _error;

        /// <summary>Records a tuple's condition outcome; whether the tuple counts.</summary>
        public bool Admit(in Outcome condition)
        {
            if (condition.IsTrue)
            {
                _passed = true;
                return true;
            }
            if (condition.IsError)
            {
                _error = condition.Error;
            }
            return false;
        }

        /// <summary>Adds the group's error to <paramref name="acc"/> when no tuple passed.</summary>
        public readonly void Close(ref Accumulator acc)
        {
            if (!_passed && _error is not null)
            {
                acc.Add(Outcome.Failed(_error, 0));
            }
        }
    }
}
