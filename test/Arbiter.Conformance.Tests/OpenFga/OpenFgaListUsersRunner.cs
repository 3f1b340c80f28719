namespace Arbiter.Conformance.Tests.OpenFga;

/// <summary>
/// Runs the <c>listUsersAssertions</c> of OpenFGA tests as OpenFGA's runner (<c>tests/listusers/listusers.go</c>) does
/// (see <see cref="OpenFgaStages"/>; in the contextual-tuples pass stages with more than 20 tuples are skipped): the
/// subjects (<c>user:anne</c>, <c>user:*</c>, <c>group:eng#member</c>) must match the expectation in any order, or the
/// request must fail with <c>errorCode</c>, and Check must allow every subject listed.
/// </summary>
internal static class OpenFgaListUsersRunner
{
    public static RunResult Run(OpenFgaTest test, bool contextualTuplesMode) =>
        OpenFgaStages.Run(test, contextualTuplesMode, OpenFgaStages.MaxListContextualTuples,
            static stage => stage.ListUsersAssertions?.Count ?? 0,
            (engine, stage, s, extra, result) =>
            {
                var assertions = stage.ListUsersAssertions ?? [];
                for (var a = 0; a < assertions.Count; a++)
                {
                    var assertion = assertions[a];
                    var (outcome, contextual) = List(engine, assertion, extra);
                    OpenFgaListComparison.Compare(result,
                        $"{OpenFgaStages.RunName(test, contextualTuplesMode)} stage {s} assertion {a}: {assertion.Request}",
                        assertion.Expectation, assertion.ErrorCode, outcome,
                        item => OpenFgaListComparison.CheckDenies(engine,
                            new CheckRequest(SubjectRef.Parse(item), assertion.Request.Relation!, ObjectRef.Parse(assertion.Request.Object!))
                            {
                                ContextualTuples = contextual,
                                Context = assertion.Context,
                            }));
                }
            });

    private static (ListOutcome Outcome, List<RelationshipTuple> Contextual) List(
        AuthorizationEngine engine, OpenFgaListUsersAssertion assertion, IReadOnlyList<OpenFgaTuple> extra)
    {
        // A malformed request field is a validation error (2000); a malformed contextual tuple an invalid tuple (2027).
        if (!ObjectRef.TryParse(assertion.Request.Object, out var obj, out var error))
        {
            return (ListOutcome.Error(ArbiterErrorCode.ValidationError, error), []);
        }
        var filters = new List<SubjectFilter>();
        foreach (var text in assertion.Request.Filters)
        {
            try
            {
                filters.Add(SubjectFilter.Parse(text));
            }
            catch (TupleFormatException e)
            {
                return (ListOutcome.Error(ArbiterErrorCode.ValidationError, e.Message), []);
            }
        }
        var (contextual, tupleError) = OpenFgaStages.Contextual(assertion.ContextualTuples, extra);
        if (tupleError is not null)
        {
            return (ListOutcome.Error(ArbiterErrorCode.InvalidTuple, tupleError), []);
        }
        var request = new ListSubjectsRequest(obj, assertion.Request.Relation ?? string.Empty, filters)
        {
            ContextualTuples = contextual,
            Context = assertion.Context,
        };
        try
        {
            var answer = engine.ListSubjectsAsync(request).AsTask().GetAwaiter().GetResult();
            var outcome = answer.Error is { } e
                ? ListOutcome.Error(e.Code, e.Message)
                : new ListOutcome(answer.Subjects.Select(u => u.ToString()).ToList(), 0, null, answer.Stopped?.ToString());
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
