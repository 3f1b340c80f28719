using Arbiter.Model;
using Arbiter.Parsing;
using Shouldly;
using Xunit;

namespace Arbiter.Tests.Docs;

/// <summary>Runs the examples of docs/attributes.md.</summary>
public sealed class AttributesDocsTests
{
    private const string Document = "docs/attributes.md";

    private static string ModelText()
    {
        var text = File.ReadAllText(Path.Combine(DocSnippets.RepositoryRoot(), Document)).ReplaceLineEndings("\n");
        var start = text.IndexOf("```fga arbiter\n", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0);
        start += "```fga arbiter\n".Length;
        return text[start..text.IndexOf("```", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task The_quick_start_runs_as_written()
    {
        var modelText = ModelText();
        // <snippet:attributes-quickstart>
        var engine = AuthorizationEngine.Create(AuthorizationModel.FromDsl(modelText));
        engine.Write([RelationshipTuple.Parse("report:q3#owner@user:carl")]);
        engine.WriteAttributes([
            new EntityAttributes(ObjectRef.Parse("user:anne"), new Dictionary<string, object?> { ["department"] = "sales", ["clearance"] = 2L }),
            new EntityAttributes(ObjectRef.Parse("report:q3"), new Dictionary<string, object?> { ["department"] = "sales", ["classification"] = 1L }),
        ]);

        // anne has no tuple: the rule 'user where same_department' grants it
        var viewer = await engine.CheckAsync(CheckRequest.Create("user:anne", "viewer", "report:q3"));

        // values passed with the request override the stored ones, for this request only
        var moved = await engine.CheckAsync(CheckRequest.Create("user:anne", "viewer", "report:q3") with
        {
            SubjectAttributes = new Dictionary<string, object?> { ["department"] = "legal" },
        });

        // a report the store has never seen, described by the request
        var draft = await engine.CheckAsync(CheckRequest.Create("user:anne", "viewer", "report:draft") with
        {
            ObjectAttributes = new Dictionary<string, object?> { ["department"] = "sales" },
        });
        // </snippet:attributes-quickstart>
        viewer.Allowed.ShouldBeTrue();
        moved.Allowed.ShouldBeFalse();
        draft.Allowed.ShouldBeTrue();
        DocSnippets.ShouldMatch(Document, "attributes-quickstart");
    }

    [Fact]
    public async Task The_rules_of_the_example_model_behave_as_the_page_says()
    {
        var engine = AuthorizationEngine.Create(AuthorizationModel.FromDsl(ModelText()));
        engine.Write([RelationshipTuple.Parse("report:q3#owner@user:carl"), RelationshipTuple.Parse("report:q3#owner@user:dana")]);
        engine.WriteAttributes([
            new EntityAttributes(ObjectRef.Parse("user:carl"), new Dictionary<string, object?> { ["department"] = "ops", ["clearance"] = 3L }),
            new EntityAttributes(ObjectRef.Parse("user:dana"), new Dictionary<string, object?> { ["department"] = "ops", ["clearance"] = 3L, ["tags"] = new[] { "contractor" } }),
            new EntityAttributes(ObjectRef.Parse("report:q3"), new Dictionary<string, object?> { ["department"] = "sales", ["classification"] = 2L }),
        ]);
        async Task<Decision> Check(string user, string relation, IReadOnlyDictionary<string, object?>? context = null) =>
            await engine.CheckAsync(CheckRequest.Create(user, relation, "report:q3") with { Context = context });

        (await Check("user:carl", "can_read")).Allowed.ShouldBeTrue();   // owner
        (await Check("user:dana", "can_read")).Allowed.ShouldBeFalse();  // owner, but a contractor: the deny wins
        (await Check("user:carl", "can_edit")).Allowed.ShouldBeTrue();   // owner and cleared (3 >= 2)
        var business = new Dictionary<string, object?> { ["now"] = "2026-11-23T10:00:00Z" };
        var night = new Dictionary<string, object?> { ["now"] = "2026-11-23T23:00:00Z" };
        (await Check("user:carl", "can_export", business)).Allowed.ShouldBeTrue();
        (await Check("user:carl", "can_export", night)).Allowed.ShouldBeFalse();
        var missing = await Check("user:carl", "can_export");
        missing.Allowed.ShouldBeFalse();
        missing.Error!.Message.ShouldContain("now");
        var noDepartment = await Check("user:erin", "viewer");
        noDepartment.Allowed.ShouldBeFalse();
        noDepartment.Error!.Message.ShouldContain("'subject.department' has no value");
    }

    [Fact]
    public void The_error_example_reports_what_the_page_says()
    {
        var text = File.ReadAllText(Path.Combine(DocSnippets.RepositoryRoot(), Document)).ReplaceLineEndings("\n");
        var start = text.IndexOf("```fga bad\n", StringComparison.Ordinal) + "```fga bad\n".Length;
        var model = text[start..text.IndexOf("```", start, StringComparison.Ordinal)];
        var result = ModelParser.Parse(model);
        var reported = string.Join("\n", result.Diagnostics.Select(d => d.ToString()));
        var expectedStart = text.IndexOf("```text\n", start, StringComparison.Ordinal) + "```text\n".Length;
        var expected = text[expectedStart..text.IndexOf("```", expectedStart, StringComparison.Ordinal)].TrimEnd('\n');
        reported.ShouldBe(expected);
    }
}
