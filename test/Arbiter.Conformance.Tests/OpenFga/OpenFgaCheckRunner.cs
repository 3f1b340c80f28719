namespace Arbiter.Conformance.Tests.OpenFga;

/// <summary>
/// Runs OpenFGA check tests the way OpenFGA's own runner (<c>tests/check/check.go</c>) does (see <see cref="OpenFgaStages"/>):
/// every check assertion compares <c>expectation</c> or <c>errorCode</c>. In the contextual-tuples pass a single-stage test
/// sends its tuples as contextual tuples instead (stages with more than 100 tuples are skipped there, as OpenFGA does).
/// </summary>
internal static class OpenFgaCheckRunner
{
    public static RunResult Run(OpenFgaTest test, bool contextualTuplesMode) =>
        OpenFgaStages.Run(test, contextualTuplesMode, OpenFgaStages.MaxCheckContextualTuples,
            static stage => stage.CheckAssertions?.Count ?? 0,
            (engine, stage, s, extra, result) =>
            {
                var assertions = stage.CheckAssertions ?? [];
                for (var a = 0; a < assertions.Count; a++)
                {
                    var assertion = assertions[a];
                    var (allowed, code, message) = Check(engine, assertion, extra);
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
                            $"{OpenFgaStages.RunName(test, contextualTuplesMode)} stage {s} assertion {a}: check {assertion.Tuple} " +
                            $"expected {(assertion.ErrorCode != 0 ? "error " + assertion.ErrorCode : assertion.Expectation)} " +
                            $"but got {(code != 0 ? "error " + code + " (" + message + ")" : allowed)}");
                    }
                }
            });

    private static (bool Allowed, int Code, string? Message) Check(AuthorizationEngine engine, OpenFgaCheckAssertion assertion, IReadOnlyList<OpenFgaTuple> extra)
    {
        // A malformed request field is a validation error (2000); a malformed contextual tuple an invalid tuple (2027).
        if (!ObjectRef.TryParse(assertion.Tuple.Object, out var obj, out var error) || !SubjectRef.TryParse(assertion.Tuple.User, out var user, out error))
        {
            return (false, (int)ArbiterErrorCode.ValidationError, error);
        }
        var (contextual, tupleError) = OpenFgaStages.Contextual(assertion.ContextualTuples, extra);
        if (tupleError is not null)
        {
            return (false, (int)ArbiterErrorCode.InvalidTuple, tupleError);
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
}
