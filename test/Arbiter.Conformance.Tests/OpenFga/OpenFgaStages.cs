using Arbiter.Parsing;

namespace Arbiter.Conformance.Tests.OpenFga;

/// <summary>
/// Walks the stages of an OpenFGA test the way OpenFGA's runners (<c>tests/check</c>, <c>tests/listobjects</c>,
/// <c>tests/listusers</c>) do: the stages share one store; each stage writes its model and then its tuples, and then its
/// assertions run. In the contextual-tuples pass the tuples are not written but sent with every request instead;
/// multi-stage tests are skipped there, and so are stages with more tuples than a request may carry.
/// </summary>
internal static class OpenFgaStages
{
    /// <summary>Check requests may carry 100 contextual tuples in OpenFGA.</summary>
    public const int MaxCheckContextualTuples = 100;

    /// <summary>ListObjects and ListUsers requests may carry 20 contextual tuples in OpenFGA.</summary>
    public const int MaxListContextualTuples = 20;

    /// <summary>
    /// Runs <paramref name="assertStage"/> for every stage after its model and tuples are in place. It gets the engine,
    /// the stage, its index and the tuples to send as contextual tuples (empty unless <paramref name="contextualTuplesMode"/>).
    /// </summary>
    public static RunResult Run(
        OpenFgaTest test,
        bool contextualTuplesMode,
        int maxContextualTuples,
        Func<OpenFgaStage, int> assertionCount,
        Action<AuthorizationEngine, OpenFgaStage, int, IReadOnlyList<OpenFgaTuple>, RunResult> assertStage)
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
            if (contextualTuplesMode && tuples.Count > maxContextualTuples)
            {
                result.SkippedAssertions += assertionCount(stage);
                continue;
            }
            if (!contextualTuplesMode && tuples.Count > 0)
            {
                engine.Write(tuples.Select(ToTuple).ToList());
            }
            assertStage(engine, stage, s, contextualTuplesMode ? tuples : [], result);
        }
        return result;
    }

    /// <summary>The assertion's contextual tuples and then the stage's (contextual-tuples pass), or a 2027 error for a malformed one.</summary>
    public static (List<RelationshipTuple> Tuples, string? Error) Contextual(IEnumerable<OpenFgaTuple>? own, IReadOnlyList<OpenFgaTuple> stage)
    {
        var contextual = new List<RelationshipTuple>();
        foreach (var t in (own ?? []).Concat(stage))
        {
            try
            {
                contextual.Add(ToTuple(t));
            }
            catch (TupleFormatException e)
            {
                return ([], e.Message);
            }
        }
        return (contextual, null);
    }

    public static RelationshipTuple ToTuple(OpenFgaTuple t) =>
        RelationshipTuple.Create(t.Object ?? string.Empty, t.Relation ?? string.Empty, t.User ?? string.Empty,
            t.Condition is null ? null : new TupleCondition(t.Condition.Name, t.Condition.Context));

    /// <summary>The name of a run in failure lines: OpenFGA's test name, with <c>_ctxTuples</c> in the contextual-tuples pass.</summary>
    public static string RunName(OpenFgaTest test, bool contextualTuplesMode) =>
        test.Name + (contextualTuplesMode ? "_ctxTuples" : string.Empty);
}
