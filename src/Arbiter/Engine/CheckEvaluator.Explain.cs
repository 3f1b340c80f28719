namespace Arbiter.Engine;

internal sealed partial class CheckEvaluator
{
    private bool _explain;
    private bool _explainValues;
    private List<Explanation>? _explainChildren;

    /// <summary>The root explanation nodes of the last check, when explaining.</summary>
    public Explanation? TakeExplanation()
    {
        var children = _explainChildren;
        _explainChildren = _explain ? [] : null;
        return children is { Count: > 0 } ? children[0] : null;
    }

    /// <summary>Starts a node: its children collect in a new list. Returns the parent's list to restore.</summary>
    private List<Explanation>? BeginExplain()
    {
        if (!_explain)
        {
            return null;
        }
        var parent = _explainChildren;
        _explainChildren = [];
        return parent;
    }

    private void EndExplain(List<Explanation>? parent, string kind, string description, in Outcome result)
    {
        if (!_explain)
        {
            return;
        }
        var node = new Explanation
        {
            Kind = kind,
            Description = result.IsError ? description + " (error: " + result.Error!.Message + ")" : description,
            Result = result.IsTrue,
            Children = _explainChildren!,
        };
        _explainChildren = parent;
        _explainChildren!.Add(node);
    }

    private void ExplainLeaf(string kind, string description, bool value)
    {
        if (_explain)
        {
            _explainChildren!.Add(new Explanation { Kind = kind, Description = description, Result = value });
        }
    }

    private void ExplainTuple(int obj, CompiledRelation relation, in SubjectEntry entry, ConditionTable conditions)
    {
        if (!_explain)
        {
            return;
        }
        var tuple = BuildTuple(obj, relation, entry, conditions);
        _explainChildren!.Add(new Explanation { Kind = "tuple", Description = tuple.ToString(), Result = true, Tuple = tuple });
    }

    private RelationshipTuple BuildTuple(int obj, CompiledRelation relation, in SubjectEntry entry, ConditionTable conditions)
    {
        var subjectType = _tables.Types.NameOf(TypeOf(entry.Entity));
        var subject = new SubjectRef(subjectType, IdOf(entry.Entity), entry.Relation >= 0 ? _tables.Relations.NameOf(entry.Relation) : null);
        var objectRef = new ObjectRef(_tables.Types.NameOf(TypeOf(obj)), IdOf(obj));
        var condition = entry.Condition < 0 ? null : conditions[entry.Condition];
        if (condition is { Context.Count: > 0 } && !_explainValues)
        {
            // the tuple's own context values are redacted like the other condition inputs
            condition = condition with { Context = condition.Context.ToDictionary(static p => p.Key, static _ => (object?)Redacted, StringComparer.Ordinal) };
        }
        return new RelationshipTuple(objectRef, relation.Name, subject, condition);
    }
}
