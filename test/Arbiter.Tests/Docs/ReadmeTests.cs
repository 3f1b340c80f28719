using Arbiter;
using Arbiter.Model;

namespace Arbiter.Tests.Docs;

public class ReadmeTests
{
    [Fact]
    public async Task Readme_QuickStart_RunsAsShown()
    {
        var console = new StringWriter();
        var Console = new { WriteLine = (Action<string>)console.WriteLine };

        // <snippet:readme-quickstart>
        var engine = AuthorizationEngine.Create(AuthorizationModel.FromDsl("""
            model
              schema 1.1
            type user
            type folder
              relations
                define viewer: [user]
            type document
              relations
                define parent: [folder]
                define blocked: [user]
                define viewer: ([user] or viewer from parent) but not blocked
            """));

        engine.Write([
            RelationshipTuple.Parse("folder:plans#viewer@user:anne"),
            RelationshipTuple.Parse("folder:plans#viewer@user:bob"),
            RelationshipTuple.Parse("document:roadmap#parent@folder:plans"),
            RelationshipTuple.Parse("document:roadmap#blocked@user:bob"),
        ]);

        var anne = await engine.CheckAsync(CheckRequest.Create("user:anne", "viewer", "document:roadmap"));
        var bob = await engine.CheckAsync(CheckRequest.Create("user:bob", "viewer", "document:roadmap"));
        Console.WriteLine($"anne: {anne.Allowed}, bob: {bob.Allowed}");   // anne: True, bob: False

        var actions = await engine.ListActionsAsync(new ListActionsRequest(SubjectRef.Parse("user:anne"), ObjectRef.Parse("document:roadmap")));
        Console.WriteLine(string.Join(", ", actions));                      // viewer
        // </snippet:readme-quickstart>

        console.ToString().ReplaceLineEndings("\n").ShouldBe("anne: True, bob: False\nviewer\n");
        DocSnippets.ShouldMatch("README.md", "readme-quickstart");
    }
}
