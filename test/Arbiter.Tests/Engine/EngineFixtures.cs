using Arbiter.Model;
using Arbiter.Parsing;

namespace Arbiter.Tests.Engine;

/// <summary>Models and helpers shared by the engine tests.</summary>
internal static class EngineFixtures
{
    public const string Documents = """
        model
          schema 1.1
        type user
        type group
          relations
            define member: [user, group#member]
        type folder
          relations
            define parent: [folder]
            define owner: [user]
            define viewer: [user, user:*, group#member] or owner or viewer from parent
        type document
          relations
            define parent: [folder]
            define owner: [user]
            define editor: [user, group#member] or owner
            define viewer: [user, user:*, group#member] or editor or viewer from parent
            define blocked: [user]
            define approver: [user]
            define can_share: editor and approver
            define can_view: viewer but not blocked
        """;

    public static AuthorizationModel Parse(string dsl) => ModelParser.Parse(dsl).GetModelOrThrow();

    public static AuthorizationEngine Engine(string dsl = Documents, AuthorizationEngineOptions? options = null) =>
        AuthorizationEngine.Create(Parse(dsl), options);

    public static AuthorizationEngine With(this AuthorizationEngine engine, params string[] tuples)
    {
        engine.Write(tuples.Select(RelationshipTuple.Parse).ToList());
        return engine;
    }

    public static Decision Check(this AuthorizationEngine engine, string subject, string relation, string obj, params string[] contextual)
    {
        var request = CheckRequest.Create(subject, relation, obj) with { ContextualTuples = contextual.Select(RelationshipTuple.Parse).ToList() };
        return engine.CheckAsync(request).Sync();
    }

    /// <summary>The result of a value task that must have completed synchronously (the engine's contract).</summary>
    public static T Sync<T>(this ValueTask<T> task) =>
        task.IsCompletedSuccessfully ? task.Result : throw new InvalidOperationException("the engine did not complete synchronously");

    public static bool Allows(this AuthorizationEngine engine, string subject, string relation, string obj, params string[] contextual) =>
        engine.Check(subject, relation, obj, contextual).Allowed;
}
