using Arbiter.Parsing;
using Arbiter.Tests.Docs;

namespace Arbiter.Tests.Engine.Conditions;

/// <summary>The engine example of docs/conditions.md runs as documented.</summary>
public class ConditionsEngineDocsTests
{
    [Fact]
    public async Task EngineExample_RunsAsDocumented()
    {
        DocSnippets.ShouldMatch("docs/conditions.md", "engine-conditions");
        // <snippet:engine-conditions>
        var model = ModelParser.Parse("""
            model
              schema 1.1
            type user
            type document
              relations
                define viewer: [user with not_expired]
            condition not_expired(grant_time: timestamp, grant_duration: duration, current_time: timestamp) {
              current_time < grant_time + grant_duration
            }
            """).GetModelOrThrow();                       // CEL errors are model errors, with line:column
        var engine = AuthorizationEngine.Create(model);
        engine.Write([RelationshipTuple.Create("document:plan", "viewer", "user:anne",
            new TupleCondition("not_expired", new Dictionary<string, object?>
            {
                ["grant_time"] = "2024-05-01T10:00:00Z",      // the tuple's own context...
                ["grant_duration"] = "1h",
            }))]);

        var request = CheckRequest.Create("user:anne", "viewer", "document:plan") with
        {
            Context = new Dictionary<string, object?> { ["current_time"] = "2024-05-01T10:30:00Z" },   // ...and the request's
        };
        Decision during = await engine.CheckAsync(request);                                  // allowed
        Decision after = await engine.CheckAsync(request with
        {
            Context = new Dictionary<string, object?> { ["current_time"] = "2024-05-01T12:00:00Z" },
        });                                                                                  // denied
        Decision missing = await engine.CheckAsync(request with { Context = null });         // denied, Error: missing 'current_time'
        // </snippet:engine-conditions>
        during.Allowed.ShouldBeTrue();
        after.Allowed.ShouldBeFalse();
        after.Error.ShouldBeNull();
        missing.Allowed.ShouldBeFalse();
        missing.Error.ShouldNotBeNull().Message.ShouldContain("missing context parameters 'current_time'");
    }
}
