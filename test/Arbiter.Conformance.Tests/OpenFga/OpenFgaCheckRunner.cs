using Arbiter.Parsing;

namespace Arbiter.Conformance.Tests.OpenFga;

/// <summary>
/// Runs OpenFGA check tests the way OpenFGA's own runner (<c>tests/check/check.go</c>) does: the stages of a test share one
/// store; each stage writes its model and then its tuples; every check assertion compares <c>expectation</c> or
/// <c>errorCode</c>. In the contextual-tuples pass a single-stage test sends its tuples as contextual tuples instead
/// (multi-stage tests and stages with more than 100 tuples are skipped there, as OpenFGA does).
/// </summary>
internal static class OpenFgaCheckRunner
{
    public static RunResult Run(OpenFgaTest test, bool contextualTuplesMode)
    {
        var result = new RunResult();
        if (contextualTuplesMode && test.Stages.Count > 1)
        {
            result.SkippedTests++;
            return result;
        }
        AuthorizationEngine? engine = null;
        for (var s = 0; s < test.Stages.Count; s++)
        {
            var stage = test.Stages[s];
            var model = ModelParser.Parse(stage.Model).GetModelOrThrow();
            if (engine is null)
            {
                engine = AuthorizationEngine.Create(model);
            }
            else
            {
                engine.SetModel(model);
            }
            var tuples = stage.Tuples ?? [];
            result.ListObjects += stage.ListObjectsAssertions?.Count ?? 0;
            result.ListUsers += stage.ListUsersAssertions?.Count ?? 0;
            if (contextualTuplesMode && tuples.Count > 100)
            {
                continue;
            }
            if (!contextualTuplesMode && tuples.Count > 0)
            {
                engine.Write(tuples.Select(ToTuple).ToList());
            }
            var assertions = stage.CheckAssertions ?? [];
            for (var a = 0; a < assertions.Count; a++)
            {
                var assertion = assertions[a];
                var (allowed, code, message) = Check(engine, assertion, contextualTuplesMode ? tuples : []);
                var passed = assertion.ErrorCode != 0
                    ? code == assertion.ErrorCode
                    : code == 0 && allowed == assertion.Expectation;
                if (passed)
                {
                    result.Passed++;
                }
                else
                {
                    result.Failures.Add(
                        $"{test.Name}{(contextualTuplesMode ? "_ctxTuples" : string.Empty)} stage {s} assertion {a}: check {assertion.Tuple} " +
                        $"expected {(assertion.ErrorCode != 0 ? "error " + assertion.ErrorCode : assertion.Expectation)} " +
                        $"but got {(code != 0 ? "error " + code + " (" + message + ")" : allowed)}");
                }
            }
        }
        return result;
    }

    private static (bool Allowed, int Code, string? Message) Check(AuthorizationEngine engine, OpenFgaCheckAssertion assertion, List<OpenFgaTuple> extra)
    {
        // A malformed request field is a validation error (2000); a malformed contextual tuple an invalid tuple (2027).
        if (!ObjectRef.TryParse(assertion.Tuple.Object, out var obj, out var error) || !SubjectRef.TryParse(assertion.Tuple.User, out var user, out error))
        {
            return (false, (int)ArbiterErrorCode.ValidationError, error);
        }
        var contextual = new List<RelationshipTuple>();
        foreach (var t in (assertion.ContextualTuples ?? []).Concat(extra))
        {
            try
            {
                contextual.Add(ToTuple(t));
            }
            catch (TupleFormatException e)
            {
                return (false, (int)ArbiterErrorCode.InvalidTuple, e.Message);
            }
        }
        var request = new CheckRequest(user, assertion.Tuple.Relation ?? string.Empty, obj)
        {
            ContextualTuples = contextual,
            Context = assertion.Context,
        };
        try
        {
            var decision = engine.CheckAsync(request).AsTask().GetAwaiter().GetResult();
            return decision.Error is { } e ? (false, (int)e.Code, e.Message) : (decision.Allowed, 0, null);
        }
        catch (ArbiterException e)
        {
            return (false, (int)e.Code, e.Message);
        }
    }

    public static RelationshipTuple ToTuple(OpenFgaTuple t) =>
        RelationshipTuple.Create(t.Object ?? string.Empty, t.Relation ?? string.Empty, t.User ?? string.Empty,
            t.Condition is null ? null : new TupleCondition(t.Condition.Name, t.Condition.Context));
}
