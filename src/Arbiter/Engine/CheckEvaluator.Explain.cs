namespace Arbiter.Engine;

internal sealed partial class CheckEvaluator
{
    private bool _explain;
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
        var subjectType = _tables.Types.NameOf(TypeOf(entry.Entity));
        var subject = new SubjectRef(subjectType, IdOf(entry.Entity), entry.Relation >= 0 ? _tables.Relations.NameOf(entry.Relation) : null);
        var objectRef = new ObjectRef(_tables.Types.NameOf(TypeOf(obj)), IdOf(obj));
        var tuple = new RelationshipTuple(objectRef, relation.Name, subject, entry.Condition < 0 ? null : conditions[entry.Condition]);
        _explainChildren!.Add(new Explanation { Kind = "tuple", Description = tuple.ToString(), Result = true, Tuple = tuple });
    }
}
