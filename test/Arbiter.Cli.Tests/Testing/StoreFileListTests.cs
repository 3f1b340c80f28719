using Arbiter.Testing;

namespace Arbiter.Cli.Tests.Testing;

/// <summary><c>list_objects</c> and <c>list_users</c> entries of store files, with Arbiter's extensions (expected errors, attributes).</summary>
public class StoreFileListTests
{
    private const string Model = """
        model: |
          model
            schema 1.1
          type user
            attributes
              clearance: int
          type group
            relations
              define member: [user]
          type document
            attributes
              classification: int
            relations
              define viewer: [user, group#member]

        """;

    private static StoreFileLoadResult Parse(string body) => StoreFileLoader.Parse(Model + body, "s.fga.yaml");

    [Fact]
    public void Parse_ListEntries_ReadContextAttributesAndExpectedErrors()
    {
        var result = Parse("""
            tests:
              - name: t
                list_objects:
                  - user: user:anne
                    type: document
                    context: {now: "2024-05-01T10:00:00Z"}
                    subject_attributes: {clearance: 3}
                    assertions:
                      viewer: [document:1, document:2]
                      owner: {error: "not in the model"}
                list_users:
                  - object: document:1
                    user_filter: [{type: user}, {type: group, relation: member}]
                    context: {now: "2024-05-01T10:00:00Z"}
                    object_attributes: {classification: 2}
                    assertions:
                      viewer: {users: [user:anne, group:eng#member]}
                      owner: {error: ""}
            """);

        result.Success.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        var test = result.File!.Tests.Single();
        var objects = test.ListObjects.Single();
        objects.Context!["now"].ShouldBe("2024-05-01T10:00:00Z");
        objects.SubjectAttributes.ShouldBe(new Dictionary<string, object?> { ["clearance"] = 3L });
        objects.Assertions.Select(static a => a.Key).ShouldBe(["viewer", "owner"]);
        objects.Assertions[0].Value.ShouldBe(["document:1", "document:2"]);
        objects.Assertions[1].Value.ShouldBeEmpty();
        objects.ExpectedErrors.ShouldBe(new Dictionary<string, string> { ["owner"] = "not in the model" });
        var users = test.ListUsers.Single();
        users.UserFilter.ShouldBe([new StoreUserFilter("user"), new StoreUserFilter("group", "member")]);
        users.ObjectAttributes.ShouldBe(new Dictionary<string, object?> { ["classification"] = 2L });
        users.Assertions[0].Value.ShouldBe(["user:anne", "group:eng#member"]);
        users.ExpectedErrors.ShouldBe(new Dictionary<string, string> { ["owner"] = "" });
    }

    [Fact]
    public void Parse_PlainOpenFgaListEntries_HaveNoExtensions()
    {
        var result = Parse("""
            tests:
              - name: t
                list_objects:
                  - {user: user:anne, type: document, assertions: {viewer: []}}
                list_users:
                  - {object: document:1, user_filter: [{type: user}], assertions: {viewer: {users: []}}}
            """);

        result.Success.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        var test = result.File!.Tests.Single();
        test.ListObjects.Single().ExpectedErrors.ShouldBeEmpty();
        test.ListObjects.Single().SubjectAttributes.ShouldBeNull();
        test.ListUsers.Single().ExpectedErrors.ShouldBeEmpty();
        test.ListUsers.Single().ObjectAttributes.ShouldBeNull();
    }

    [Theory]
    [InlineData("list_objects", "{user: user:anne, type: document, assertions: {viewer: {eror: x}}}", "unknown-key")]
    [InlineData("list_objects", "{user: user:anne, type: document, assertions: {viewer: {error: [x]}}}", "invalid-value")]
    [InlineData("list_objects", "{user: user:anne, type: document, object_attributes: {a: 1}, assertions: {viewer: []}}", "unknown-key")]
    [InlineData("list_users", "{object: document:1, user_filter: [{type: user}], assertions: {viewer: {}}}", "missing-key")]
    [InlineData("list_users", "{object: document:1, user_filter: [{type: user}], assertions: {viewer: {users: [], error: x}}}", "missing-key")]
    [InlineData("list_users", "{object: document:1, user_filter: [{type: user}], subject_attributes: {a: 1}, assertions: {viewer: {users: []}}}", "unknown-key")]
    public void Parse_MalformedListEntry_IsReportedAtItsLine(string key, string entry, string code)
    {
        var body = $"""
            tests:
              - name: t
                {key}:
                  - {entry}
            """;

        var result = Parse(body);

        result.Success.ShouldBeFalse();
        var diagnostic = result.Diagnostics.Where(d => d.Code == code).ShouldHaveSingleItem(string.Join("\n", result.Diagnostics));
        diagnostic.Span!.Value.Line.ShouldBe((Model + body).ReplaceLineEndings("\n").Split('\n').ToList().FindIndex(l => l.Contains(entry, StringComparison.Ordinal)) + 1);
    }
}
