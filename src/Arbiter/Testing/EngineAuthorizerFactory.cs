using Arbiter.Model;

namespace Arbiter.Testing;

/// <summary>Makes an in-memory engine over a model with some tuples written: the default evaluator of test files and the CLI.</summary>
internal static class EngineAuthorizerFactory
{
    /// <exception cref="ArbiterException">A tuple does not fit the model.</exception>
    public static IAuthorizer Create(AuthorizationModel model, IReadOnlyList<RelationshipTuple> tuples)
    {
        var engine = AuthorizationEngine.Create(model);
        if (tuples.Count > 0)
        {
            engine.Write(tuples, null);
        }
        return engine;
    }
}
