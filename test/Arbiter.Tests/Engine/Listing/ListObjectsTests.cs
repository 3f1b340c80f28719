using Arbiter.Tests.Engine.Attributes;
using Shouldly;
using Xunit;

namespace Arbiter.Tests.Engine.Listing;

/// <summary>ListObjects and ListSubjects on the documents model: complete, sorted, paged, explicit when stopped, equal to Check.</summary>
public sealed class ListObjectsTests
{
    private static AuthorizationEngine Engine() => EngineFixtures.Engine().With(
        "folder:plans#viewer@user:anne",
        "document:b#parent@folder:plans",
        "document:a#parent@folder:plans",
        "document:c#owner@user:anne",
        "document:d#viewer@user:*",
        "document:e#viewer@group:eng#member",
        "group:eng#member@user:bob",
        "document:a#blocked@user:anne",
        "document:x#owner@user:carl");

    private static IReadOnlyList<string> Objects(AuthorizationEngine engine, string subject, string relation, string type = "document") =>
        engine.ListObjectsAsync(ListObjectsRequest.Create(subject, relation, type)).Sync().Objects.Select(o => o.ToString()).ToList();

    [Fact]
    public void Lists_every_object_check_allows_in_id_order()
    {
        var engine = Engine();
        Objects(engine, "user:anne", "viewer").ShouldBe(["document:a", "document:b", "document:c", "document:d"]);
        Objects(engine, "user:anne", "can_view").ShouldBe(["document:b", "document:c", "document:d"]);
        Objects(engine, "user:bob", "viewer").ShouldBe(["document:d", "document:e"]);
        Objects(engine, "group:eng#member", "viewer").ShouldBe(["document:e"]);
        Objects(engine, "user:nobody", "viewer").ShouldBe(["document:d"]);
        Objects(engine, "user:anne", "viewer", "folder").ShouldBe(["folder:plans"]);
    }

    [Fact]
    public void Writes_after_a_listing_keep_the_reverse_index_up_to_date()
    {
        var engine = Engine();
        Objects(engine, "user:bob", "viewer").ShouldBe(["document:d", "document:e"]); // builds the reverse index
        engine.Write([RelationshipTuple.Parse("document:f#viewer@group:eng#member"), RelationshipTuple.Parse("folder:plans#viewer@group:eng#member")],
            [RelationshipTuple.Parse("document:e#viewer@group:eng#member")]);
        Objects(engine, "user:bob", "viewer").ShouldBe(["document:a", "document:b", "document:d", "document:f"]);
        engine.Write([], [RelationshipTuple.Parse("group:eng#member@user:bob")]);
        Objects(engine, "user:bob", "viewer").ShouldBe(["document:d"]);
        engine.WriteAttributes([]);
        engine.SetModel(engine.Model);
        engine.Write([RelationshipTuple.Parse("group:eng#member@user:bob")]);
        Objects(engine, "user:bob", "viewer").ShouldBe(["document:a", "document:b", "document:d", "document:f"]);
    }

    [Fact]
    public void Pages_resume_where_the_last_one_stopped_and_say_so()
    {
        var engine = Engine();
        var first = engine.ListObjectsAsync(ListObjectsRequest.Create("user:anne", "viewer", "document") with { PageSize = 3 }).Sync();
        first.Objects.Select(o => o.Id).ShouldBe(["a", "b", "c"]);
        first.Stopped.ShouldBe(ListStop.PageFull);
        first.IsComplete.ShouldBeFalse();
        var second = engine.ListObjectsAsync(ListObjectsRequest.Create("user:anne", "viewer", "document") with { PageSize = 3, ContinuationToken = first.ContinuationToken }).Sync();
        second.Objects.Select(o => o.Id).ShouldBe(["d"]);
        second.IsComplete.ShouldBeTrue();
        second.ContinuationToken.ShouldBeNull();

        Should.Throw<ArbiterException>(() => engine.ListObjectsAsync(ListObjectsRequest.Create("user:bob", "viewer", "document") with { ContinuationToken = first.ContinuationToken }).Sync())
            .Message.ShouldContain("continuation token");
    }

    [Fact]
    public void A_candidate_limit_stops_the_listing_explicitly_and_the_token_resumes_it()
    {
        var engine = EngineFixtures.Engine(options: new AuthorizationEngineOptions { MaxListCandidates = 2 }).With(
            "document:a#viewer@user:anne", "document:b#viewer@user:anne", "document:c#viewer@user:anne");
        var all = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = engine.ListObjectsAsync(ListObjectsRequest.Create("user:anne", "viewer", "document") with { ContinuationToken = token }).Sync();
            all.AddRange(page.Objects.Select(o => o.Id));
            token = page.ContinuationToken;
            if (token is not null)
            {
                page.Stopped.ShouldBe(ListStop.CandidateLimit);
            }
            pages++;
        }
        while (token is not null);
        all.ShouldBe(["a", "b", "c"]);
        pages.ShouldBe(2);
    }

    [Fact]
    public void Unknown_types_and_relations_are_request_errors()
    {
        var engine = Engine();
        Should.Throw<ArbiterException>(() => engine.ListObjectsAsync(ListObjectsRequest.Create("user:anne", "viewer", "robot")).Sync()).Code.ShouldBe(ArbiterErrorCode.TypeNotFound);
        Should.Throw<ArbiterException>(() => engine.ListObjectsAsync(ListObjectsRequest.Create("user:anne", "reader", "document")).Sync()).Code.ShouldBe(ArbiterErrorCode.RelationNotFound);
        Should.Throw<ArbiterException>(() => engine.ListSubjectsAsync(ListSubjectsRequest.Create("document:a", "viewer", "robot")).Sync()).Code.ShouldBe(ArbiterErrorCode.TypeNotFound);
    }

    [Fact]
    public void Contextual_tuples_add_objects_the_store_does_not_know()
    {
        var engine = Engine();
        var result = engine.ListObjectsAsync(ListObjectsRequest.Create("user:carl", "viewer", "document") with
        {
            ContextualTuples = [RelationshipTuple.Parse("document:new#viewer@user:carl")],
        }).Sync();
        result.Objects.Select(o => o.Id).ShouldBe(["d", "new", "x"]);
    }

    [Fact]
    public void List_subjects_gives_users_public_access_and_usersets()
    {
        var engine = Engine();
        Subjects(engine, "document:a", "viewer", "user").ShouldBe(["user:anne"]);
        Subjects(engine, "document:a", "can_view", "user").ShouldBeEmpty();
        Subjects(engine, "document:d", "viewer", "user").ShouldBe(["user:*"]);
        Subjects(engine, "document:e", "viewer", "user").ShouldBe(["user:bob"]);
        Subjects(engine, "document:e", "viewer", "group#member").ShouldBe(["group:eng#member"]);
    }

    [Fact]
    public void Rules_list_the_objects_and_subjects_whose_attributes_qualify()
    {
        var engine = AttributeFixtures.NewEngine()
            .WithAttributes("user:anne", ("department", "eng"))
            .WithAttributes("user:bob", ("department", "ops"))
            .WithAttributes("document:1", ("department", "eng"))
            .WithAttributes("document:2", ("department", "ops"))
            .WithAttributes("document:3", ("department", "eng"));
        Objects(engine, "user:anne", "viewer").ShouldBe(["document:1", "document:3"]);
        Subjects(engine, "document:2", "viewer", "user").ShouldBe(["user:bob"]);
    }

    [Fact]
    public void A_path_deeper_than_the_limit_fails_both_listings_instead_of_cutting_them_short()
    {
        var tuples = Enumerable.Range(0, 30).Select(i => $"group:g{i}#member@group:g{i + 1}#member").Append("group:g30#member@user:x").ToArray();
        var engine = EngineFixtures.Engine().With(tuples);
        engine.Check("user:x", "member", "group:g0").Error!.Code.ShouldBe(ArbiterErrorCode.ResolutionTooComplex);
        var subjects = engine.ListSubjectsAsync(ListSubjectsRequest.Create("group:g0", "member", "user")).Sync();
        subjects.Error!.Code.ShouldBe(ArbiterErrorCode.ResolutionTooComplex);
        subjects.IsComplete.ShouldBeFalse();
        var objects = engine.ListObjectsAsync(ListObjectsRequest.Create("user:x", "member", "group")).Sync();
        objects.Error!.Code.ShouldBe(ArbiterErrorCode.ResolutionTooComplex);
        objects.IsComplete.ShouldBeFalse();
    }

    [Fact]
    public void A_userset_reaches_every_relation_that_depends_on_it_through_computed_relations_and_parents()
    {
        const string model = """
            model
              schema 1.1
            type user
            type folder
              relations
                define writer: [user]
                define editor: [user]
                define viewer: writer or editor
            type document
              relations
                define parent: [folder]
                define viewer: viewer from parent
            """;
        var engine = EngineFixtures.Engine(model).With("document:1#parent@folder:x", "folder:x#editor@user:anne");
        engine.Check("folder:x#editor", "viewer", "document:1").Allowed.ShouldBeTrue();
        engine.Check("folder:y#editor", "viewer", "document:1").Allowed.ShouldBeFalse();
        Subjects(engine, "document:1", "viewer", "folder#editor").ShouldBe(["folder:x#editor"]);
        Subjects(engine, "document:1", "viewer", "user").ShouldBe(["user:anne"]);
    }

    private static IReadOnlyList<string> Subjects(AuthorizationEngine engine, string obj, string relation, params string[] filters) =>
        engine.ListSubjectsAsync(ListSubjectsRequest.Create(obj, relation, filters)).Sync().Subjects.Select(s => s.ToString()).ToList();
}
