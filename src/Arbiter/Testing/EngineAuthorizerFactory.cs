using Arbiter.Model;

namespace Arbiter.Testing;

/// <summary>Makes an in-memory engine over a model with some tuples written: the default evaluator of test files and the CLI.</summary>
internal static class EngineAuthorizerFactory
{
    /// <exception cref="ArbiterException">A tuple does not fit the model.</exception>
    public static IAuthorizer Create(AuthorizationModel model, IReadOnlyList<RelationshipTuple> tuples)
    {
        var engine = AuthorizationEngine.Create(model);
        // A tuple is identified by object, relation and subject: the first of several with the same key is kept.
        var unique = tuples.DistinctBy(static t => (t.Object, t.Relation, t.Subject)).ToList();
        if (unique.Count > 0)
        {
            engine.Write(unique, null);
        }
        return engine;
    }
}
