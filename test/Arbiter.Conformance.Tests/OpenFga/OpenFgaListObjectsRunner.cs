namespace Arbiter.Conformance.Tests.OpenFga;

/// <summary>
/// Runs the <c>listObjectsAssertions</c> of OpenFGA tests as OpenFGA's runner (<c>tests/listobjects/listobjects.go</c>)
/// does (see <see cref="OpenFgaStages"/>; in the contextual-tuples pass stages with more than 20 tuples are skipped):
/// the objects must match the expectation in any order, or the request must fail with <c>errorCode</c>, and Check must
/// allow every object listed.
/// </summary>
internal static class OpenFgaListObjectsRunner
{
    public static RunResult Run(OpenFgaTest test, bool contextualTuplesMode) =>
        OpenFgaStages.Run(test, contextualTuplesMode, OpenFgaStages.MaxListContextualTuples,
            static stage => stage.ListObjectsAssertions?.Count ?? 0,
            (engine, stage, s, extra, result) =>
            {
                var assertions = stage.ListObjectsAssertions ?? [];
                for (var a = 0; a < assertions.Count; a++)
                {
                    var assertion = assertions[a];
                    var (outcome, contextual) = List(engine, assertion, extra);
                    OpenFgaListComparison.Compare(result,
                        $"{OpenFgaStages.RunName(test, contextualTuplesMode)} stage {s} assertion {a}: {assertion.Request}",
                        assertion.Expectation, assertion.ErrorCode, outcome,
                        item => OpenFgaListComparison.CheckDenies(engine,
                            new CheckRequest(SubjectRef.Parse(assertion.Request.User!), assertion.Request.Relation!, ObjectRef.Parse(item))
                            {
                                ContextualTuples = contextual,
                                Context = assertion.Context,
                            }));
                }
            });

    private static (ListOutcome Outcome, List<RelationshipTuple> Contextual) List(
        AuthorizationEngine engine, OpenFgaListObjectsAssertion assertion, IReadOnlyList<OpenFgaTuple> extra)
    {
        // A malformed request field is a validation error (2000); a malformed contextual tuple an invalid tuple (2027).
        if (!SubjectRef.TryParse(assertion.Request.User, out var user, out var error))
        {
            return (ListOutcome.Error(ArbiterErrorCode.ValidationError, error), []);
        }
        var (contextual, tupleError) = OpenFgaStages.Contextual(assertion.ContextualTuples, extra);
        if (tupleError is not null)
        {
            return (ListOutcome.Error(ArbiterErrorCode.InvalidTuple, tupleError), []);
        }
        var request = new ListObjectsRequest(user, assertion.Request.Relation ?? string.Empty, assertion.Request.Type ?? string.Empty)
        {
            ContextualTuples = contextual,
            Context = assertion.Context,
        };
        try
        {
            var answer = engine.ListObjectsAsync(request).AsTask().GetAwaiter().GetResult();
            var outcome = answer.Error is { } e
                ? ListOutcome.Error(e.Code, e.Message)
                : new ListOutcome(answer.Objects.Select(o => o.ToString()).ToList(), 0, null, answer.Stopped?.ToString());
            return (outcome, contextual);
        }
        catch (ArbiterException e)
        {
            return (ListOutcome.Error(e.Code, e.Message), contextual);
        }
#pragma warning disable CA1031 // an unexpected exception is reported as this assertion's failure, and the run goes on
        catch (Exception e)
#pragma warning restore CA1031
        {
            return (ListOutcome.Failed(e), contextual);
        }
    }
}
