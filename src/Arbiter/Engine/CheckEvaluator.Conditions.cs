namespace Arbiter.Engine;

internal sealed partial class CheckEvaluator
{
    /// <summary>The value shown for a condition input when the caller did not ask for values.</summary>
    internal const string Redacted = "***";

    /// <summary>
    /// Evaluates the condition of a tuple (true when it has none). A condition the current model no longer defines does
    /// not hold; any failure (a missing parameter, a value of the wrong type, an evaluation error) is a validation error
    /// for the branch, never an allow. When explaining, adds a <c>condition</c> node with the inputs and the result.
    /// </summary>
    private Outcome EvaluateCondition(int obj, CompiledRelation relation, in SubjectEntry entry, ConditionTable conditions)
    {
        if (entry.Condition < 0)
        {
            return Outcome.True(0, false);
        }
        var condition = conditions[entry.Condition];
        if (conditions.Program(entry.Condition, _model) is not { } program)
        {
            return Outcome.False(0, false);
        }
        var trace = _explain ? new ConditionTrace() : null;
        var outcome = _conditions is { } replaced
            ? replaced.Evaluate(program.Definition, condition.Context, _requestContext, trace)
            : program.Evaluate(condition.Context, _requestContext, trace);
        var result = outcome.Value switch
        {
            Tri.True => Outcome.True(0, false),
            Tri.False => Outcome.False(0, false),
            _ => Outcome.Failed(new DecisionError(ArbiterErrorCode.ValidationError,
                $"condition '{condition.Name}' of tuple '{DescribeTuple(obj, relation, entry)}' failed: {outcome.Error ?? "unknown error"}"), 0),
        };
        if (trace is not null)
        {
            ExplainCondition(obj, relation, entry, conditions, outcome, trace);
        }
        return result;
    }

    private void ExplainCondition(int obj, CompiledRelation relation, in SubjectEntry entry, ConditionTable conditions, in ConditionOutcome outcome, ConditionTrace trace)
    {
        var tupleCondition = conditions[entry.Condition];
        var inputs = new ConditionInput[trace.Inputs.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            var (name, source, value) = trace.Inputs[i];
            inputs[i] = new ConditionInput(name, source, _explainValues ? value : Redacted);
        }
        var missing = outcome.MissingParameters ?? [];
        var status = outcome.Value switch
        {
            Tri.True => ConditionStatus.Met,
            Tri.False => ConditionStatus.NotMet,
            _ when missing.Count > 0 => ConditionStatus.MissingParameters,
            _ => ConditionStatus.Error,
        };
        var evaluation = new ConditionEvaluation
        {
            Name = tupleCondition.Name,
            Inputs = inputs,
            Status = status,
            MissingParameters = missing,
            Error = status == ConditionStatus.Error ? outcome.Error : null,
        };
        var arguments = string.Join(", ", inputs.Select(static i => i.Name + ": " + i.Value));
        var text = status switch
        {
            ConditionStatus.Met => "true",
            ConditionStatus.NotMet => "false",
            ConditionStatus.MissingParameters => "missing parameters " + string.Join(", ", missing),
            _ => "error: " + evaluation.Error,
        };
        _explainChildren!.Add(new Explanation
        {
            Kind = "condition",
            Description = $"{DescribeTuple(obj, relation, entry)} with {tupleCondition.Name}({arguments}) = {text}",
            Result = status == ConditionStatus.Met,
            Tuple = BuildTuple(obj, relation, entry, conditions),
            Condition = evaluation,
        });
    }

    private string DescribeTuple(int obj, CompiledRelation relation, in SubjectEntry entry)
    {
        var subjectType = _tables.Types.NameOf(TypeOf(entry.Entity));
        var subject = subjectType + ":" + IdOf(entry.Entity) + (entry.Relation >= 0 ? "#" + _tables.Relations.NameOf(entry.Relation) : string.Empty);
        return Describe(obj) + "#" + relation.Name + "@" + subject;
    }
}
