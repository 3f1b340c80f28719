namespace Arbiter.Engine;

internal sealed partial class CheckEvaluator
{
    /// <summary>
    /// The direct part: the exact tuple, a wildcard of the user's type, then every userset tuple (recursively), each
    /// counted only when the current model still allows it (stale tuples are ignored) and its condition holds.
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
        var acc = default(Accumulator);
        var found = DirectAllows(relation, obj, stored, _tables.Conditions, depth, ref acc);
        if (!found && _contextual is not null)
        {
            found = DirectAllows(relation, obj, _contextual.Get(key), _contextual.Conditions, depth, ref acc);
        }
        var result = found ? Outcome.True(acc.Visited, acc.Tainted) : acc.UnionResult();
        EndExplain(saved, "direct", node.Description, result);
        return result;
    }

    private bool DirectAllows(CompiledRelation relation, int obj, SubjectList list, ConditionTable conditions, int depth, ref Accumulator acc)
    {
        if (list.Count == 0)
        {
            return false;
        }
        if (_userEntity != -1)
        {
            var index = list.Find(_userEntity, _userRelation);
            if (index >= 0 && Matches(relation, obj, list.All[index], conditions, ref acc))
            {
                return true;
            }
        }
        if (_userRelation == SubjectKind.Plain && list.Wildcards.Length > 0)
        {
            var wildcard = _contextual is null ? _tables.Entities.FindWildcard(_userType) : _contextual.Find(_userType, SubjectRef.WildcardId);
            var index = wildcard == -1 ? -1 : list.Find(wildcard, SubjectKind.Wildcard);
            if (index >= 0 && Matches(relation, obj, list.All[index], conditions, ref acc))
            {
                return true;
            }
        }
        foreach (var entry in list.Usersets)
        {
            var type = TypeOf(entry.Entity);
            if (!IsAllowed(relation, type, entry, conditions))
            {
                continue;
            }
            var condition = EvaluateCondition(entry, conditions);
            if (condition.IsFalse)
            {
                continue;
            }
            if (condition.IsError)
            {
                acc.Add(condition);
                continue;
            }
            var target = _model.TypeById(type)?.RelationById(entry.Relation);
            if (target is null)
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

    /// <summary>A tuple naming the user (or a wildcard of the user's type): allowed by the model and its condition holds.</summary>
    private bool Matches(CompiledRelation relation, int obj, in SubjectEntry entry, ConditionTable conditions, ref Accumulator acc)
    {
        if (!IsAllowed(relation, _userType, entry, conditions))
        {
            return false;
        }
        var condition = EvaluateCondition(entry, conditions);
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

    /// <summary>Whether the current model's type restrictions allow a stored subject (OpenFGA's read-time filter).</summary>
    private static bool IsAllowed(CompiledRelation relation, int subjectType, in SubjectEntry entry, ConditionTable conditions) =>
        relation.Allows(subjectType, entry.Relation, entry.Condition < 0 ? null : conditions[entry.Condition].Name);

    private Outcome EvaluateCondition(in SubjectEntry entry, ConditionTable conditions)
    {
        if (entry.Condition < 0)
        {
            return Outcome.True(0, false);
        }
        var condition = conditions[entry.Condition];
        if (!_model.ConditionsByName.TryGetValue(condition.Name, out var definition))
        {
            return Outcome.False(0, false);
        }
        var outcome = _conditions.Evaluate(definition, condition.Context, _requestContext);
        return outcome.Value switch
        {
            Tri.True => Outcome.True(0, false),
            Tri.False => Outcome.False(0, false),
            _ => Outcome.Failed(new DecisionError(ArbiterErrorCode.ValidationError,
                $"condition '{condition.Name}' failed: {outcome.Error ?? "unknown error"}"), 0),
        };
    }
}
