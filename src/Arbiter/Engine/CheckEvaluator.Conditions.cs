using Arbiter.Conditions;

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
        var subjectType = entry.Relation < 0 ? _tables.Types.NameOf(TypeOf(entry.Entity)) : null;
        if (conditions.Program(entry.Condition, _model, subjectType, relation.Owner.Name) is not { } program)
        {
            return Outcome.False(0, false);
        }
        var trace = _explain ? new ConditionTrace() : null;
        var outcome = _conditions is { } replaced
            ? replaced.Evaluate(program.Definition, condition.Context, _requestContext, trace)
            : program.Evaluate(condition.Context, _inputs, program.ReadsObject ? AttributesOf(obj) : null, trace);
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

    /// <summary>
    /// An attribute rule (<c>user where c</c>): true when the check's subject is a plain subject of the rule's type and the
    /// condition holds for it and the object. A failure is an error for the branch, never an allow.
    /// </summary>
    private Outcome EvaluateRule(RewriteNode node, int obj)
    {
        if (_userType != node.SubjectTypeId || _userRelation != SubjectKind.Plain)
        {
            if (_explain)
            {
                ExplainLeaf("rule", $"{node.Description}: the subject is not a {_tables.Types.NameOf(node.SubjectTypeId)}", false);
            }
            return Outcome.False(0, false);
        }
        var program = node.Program!;
        var trace = _explain ? new ConditionTrace() : null;
        var outcome = program.Evaluate(null, _inputs, program.ReadsObject ? AttributesOf(obj) : null, trace);
        var result = outcome.Value switch
        {
            Tri.True => Outcome.True(0, false),
            Tri.False => Outcome.False(0, false),
            _ => Outcome.Failed(new DecisionError(ArbiterErrorCode.ValidationError,
                $"rule '{node.Description}' on {Describe(obj)} failed: {outcome.Error ?? "unknown error"}"), 0),
        };
        if (trace is not null)
        {
            var evaluation = Evaluation(program.Name, outcome, trace);
            _explainChildren!.Add(new Explanation
            {
                Kind = "rule",
                Description = $"{node.Description} on {Describe(obj)}({Arguments(evaluation)}) = {StatusText(evaluation)}",
                Result = evaluation.Status == ConditionStatus.Met,
                Condition = evaluation,
            });
        }
        return result;
    }

    /// <summary>The attribute values of an entity for this request: the request's object gets the request's values over its stored ones.</summary>
    private CelValue[]? AttributesOf(int entity)
    {
        if (entity == _requestObject && _requestObjectAttributes is not null)
        {
            return _requestObjectAttributes;
        }
        if (entity < 0 || _attributes.Count == 0)
        {
            return null;
        }
        var stored = _attributes.Get(entity);
        return stored is null || _model.TypeById(TypeOf(entity)) is not { } type ? null : stored.For(type, _cel);
    }

    private ConditionEvaluation Evaluation(string name, in ConditionOutcome outcome, ConditionTrace trace)
    {
        var inputs = new ConditionInput[trace.Inputs.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            var (input, source, value) = trace.Inputs[i];
            inputs[i] = new ConditionInput(input, source, _explainValues ? value : Redacted);
        }
        var missing = outcome.MissingParameters ?? [];
        var status = outcome.Value switch
        {
            Tri.True => ConditionStatus.Met,
            Tri.False => ConditionStatus.NotMet,
            _ when missing.Count > 0 => ConditionStatus.MissingParameters,
            _ => ConditionStatus.Error,
        };
        return new ConditionEvaluation
        {
            Name = name,
            Inputs = inputs,
            Status = status,
            MissingParameters = missing,
            Error = status == ConditionStatus.Error ? outcome.Error : null,
        };
    }

    private static string Arguments(ConditionEvaluation evaluation) => string.Join(", ", evaluation.Inputs.Select(static i => i.Name + ": " + i.Value));

    private static string StatusText(ConditionEvaluation evaluation) => evaluation.Status switch
    {
        ConditionStatus.Met => "true",
        ConditionStatus.NotMet => "false",
        ConditionStatus.MissingParameters => "missing parameters " + string.Join(", ", evaluation.MissingParameters),
        _ => "error: " + evaluation.Error,
    };

    private void ExplainCondition(int obj, CompiledRelation relation, in SubjectEntry entry, ConditionTable conditions, in ConditionOutcome outcome, ConditionTrace trace)
    {
        var tupleCondition = conditions[entry.Condition];
        var evaluation = Evaluation(tupleCondition.Name, outcome, trace);
        _explainChildren!.Add(new Explanation
        {
            Kind = "condition",
            Description = $"{DescribeTuple(obj, relation, entry)} with {tupleCondition.Name}({Arguments(evaluation)}) = {StatusText(evaluation)}",
            Result = evaluation.Status == ConditionStatus.Met,
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
