using Arbiter.Tests.Engine;
using Shouldly;
using Xunit;

namespace Arbiter.Tests.Docs;

/// <summary>Runs the examples of docs/listing.md.</summary>
public sealed class ListingDocsTests
{
    private const string Document = "docs/listing.md";

    [Fact]
    public async Task The_examples_run_as_written()
    {
        var engine = EngineFixtures.Engine().With(
            "folder:plans#viewer@user:anne", "document:roadmap#parent@folder:plans", "document:budget#owner@user:anne",
            "document:press#viewer@user:*", "document:specs#viewer@group:eng#member", "group:eng#member@user:bob");
        // <snippet:listing-quickstart>
        // every document anne may view, sorted by id, at most 100 per page
        var page = await engine.ListObjectsAsync(ListObjectsRequest.Create("user:anne", "viewer", "document") with { PageSize = 100 });
        foreach (var document in page.Objects)
        {
            Console.WriteLine(document);                 // document:budget, document:press, document:roadmap
        }
        if (page.ContinuationToken is not null)          // more to come (page.Stopped says why)
        {
            page = await engine.ListObjectsAsync(ListObjectsRequest.Create("user:anne", "viewer", "document") with
            {
                PageSize = 100,
                ContinuationToken = page.ContinuationToken,
            });
        }

        // who may view the specs: users, and the groups whose members may
        var users = await engine.ListSubjectsAsync(ListSubjectsRequest.Create("document:specs", "viewer", "user", "group#member"));
        // users.Subjects: user:bob, group:eng#member
        // </snippet:listing-quickstart>
        page.Objects.Select(o => o.ToString()).ShouldBe(["document:budget", "document:press", "document:roadmap"]);
        page.IsComplete.ShouldBeTrue();
        users.Subjects.Select(s => s.ToString()).ShouldBe(["user:bob", "group:eng#member"]);
        DocSnippets.ShouldMatch(Document, "listing-quickstart");
    }
}
