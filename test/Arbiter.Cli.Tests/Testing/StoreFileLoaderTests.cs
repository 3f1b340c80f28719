using Arbiter.Cli.Tests.Support;
using Arbiter.Testing;

namespace Arbiter.Cli.Tests.Testing;

public class StoreFileLoaderTests
{
    private const string Model = """
        model: |
          model
            schema 1.1
          type user
          type document
            relations
              define viewer: [user]
              define editor: [user]

        """;

    [Fact]
    public void Parse_ReadsChecksListObjectsAndListUsers()
    {
        var result = StoreFileLoader.Parse(Model + """
            name: Docs
            tuples:
              - user: user:anne
                relation: viewer
                object: document:1
            tests:
              - name: viewers
                description: anne views
                tuples:
                  - user: user:bob
                    relation: editor
                    object: document:1
                check:
                  - user: user:anne
                    object: document:1
                    context: {ip: "10.0.0.1", n: 2}
                    assertions:
                      viewer: true
                      editor: false
                  - users: [user:anne, user:bob]
                    objects: [document:1, document:2]
                    assertions:
                      viewer: false
                list_objects:
                  - user: user:anne
                    type: document
                    assertions:
                      viewer: [document:1]
                list_users:
                  - object: document:1
                    user_filter:
                      - type: user
                    assertions:
                      viewer:
                        users: [user:anne]
            """, "docs.fga.yaml");

        result.Success.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        var file = result.File!;
        file.Name.ShouldBe("Docs");
        file.Model.Types.Select(static t => t.Name).ShouldBe(["user", "document"]);
        file.Tuples.Single().ToString().ShouldBe("document:1#viewer@user:anne");
        var test = file.Tests.Single();
        test.Name.ShouldBe("viewers");
        test.Description.ShouldBe("anne views");
        test.Tuples.Single().ToString().ShouldBe("document:1#editor@user:bob");
        test.Checks[0].Assertions.ShouldBe([new("viewer", true), new("editor", false)]);
        test.Checks[0].Context!["ip"].ShouldBe("10.0.0.1");
        test.Checks[0].Context!["n"].ShouldBe(2L);
        test.Checks[1].Users.Count.ShouldBe(2);
        test.Checks[1].Objects.Count.ShouldBe(2);
        test.ListObjects.Single().Assertions.Single().Value.ShouldBe(["document:1"]);
        test.ListUsers.Single().UserFilter.Single().Type.ShouldBe("user");
        test.ListUsers.Single().Assertions.Single().Value.ShouldBe(["user:anne"]);
    }

    [Fact]
    public void Parse_YamlSyntaxError_ReportsLineAndColumn()
    {
        var result = StoreFileLoader.Parse("name: x\ntests:\n  - name: [unclosed\n", "bad.fga.yaml");

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("yaml-syntax");
        diagnostic.Source.ShouldBe("bad.fga.yaml");
        diagnostic.Span.ShouldNotBeNull();
    }

    [Fact]
    public void Parse_MissingModel_SaysModelOrModelFileMustBePresent()
    {
        var result = StoreFileLoader.Parse("name: x\ntests: []\n", "s.fga.yaml");

        result.Success.ShouldBeFalse();
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("missing-model");
        diagnostic.Message.ShouldContain("'model' or 'model_file'");
        diagnostic.Span!.Value.Line.ShouldBe(1);
    }

    [Fact]
    public void Parse_UnknownKeys_AreReportedWhereTheyAre()
    {
        var result = StoreFileLoader.Parse(Model + """
            tests:
              - name: t
                check:
                  - user: user:anne
                    object: document:1
                    colour: red
                    assertions:
                      viewer: true
            extra: 1
            """, "s.fga.yaml");

        var unknown = result.Diagnostics.Where(static d => d.Code == "unknown-key").ToList();
        unknown.Count.ShouldBe(2);
        unknown.ShouldContain(static d => d.Message.Contains("'colour'") && d.Span!.Value.Line == 14 && d.Span!.Value.Column == 9);
        unknown.ShouldContain(static d => d.Message.Contains("'extra'") && d.Span!.Value.Line == 17 && d.Span!.Value.Column == 1);
    }

    [Fact]
    public void Parse_UserAndUsersTogether_IsAnError()
    {
        var result = StoreFileLoader.Parse(Model + """
            tests:
              - check:
                  - user: user:anne
                    users: [user:bob]
                    object: document:1
                    assertions: {viewer: true}
            """);

        result.Diagnostics.ShouldContain(static d => d.Message.Contains("both 'user' and 'users'"));
    }

    [Fact]
    public void Parse_MalformedUserAndNonBooleanAssertion_AreReported()
    {
        var result = StoreFileLoader.Parse(Model + """
            tests:
              - check:
                  - user: "user:"
                    object: document:1
                    assertions: {viewer: maybe}
            """);

        result.Diagnostics.ShouldContain(static d => d.Code == "invalid-user");
        result.Diagnostics.ShouldContain(static d => d.Message.Contains("must be true or false"));
    }

    [Fact]
    public void Parse_MissingTests_IsAnError()
    {
        StoreFileLoader.Parse(Model).Diagnostics.ShouldContain(static d => d.Message.Contains("'tests'"));
    }

    [Fact]
    public void Parse_InlineModelError_IsReportedAtItsLineInTheStoreFile()
    {
        var result = StoreFileLoader.Parse("""
            name: broken
            model: |
              model
                schema 1.1
              type user
              type document
                relations
                  define viewer: [usr]
            tests: []
            """, "broken.fga.yaml");

        result.Success.ShouldBeFalse();
        var diagnostic = result.Diagnostics.First();
        diagnostic.Source.ShouldBe("broken.fga.yaml");
        diagnostic.Span!.Value.Line.ShouldBe(8);
        diagnostic.Span!.Value.Column.ShouldBeGreaterThan(2);
    }

    [Fact]
    public void Load_ResolvesModelFileAndTupleFilesAgainstTheStoreFolder()
    {
        using var dir = new TempDirectory();
        dir.Write("models/model.fga", "model\n  schema 1.1\ntype user\ntype document\n  relations\n    define viewer: [user]\n");
        dir.Write("data/a.csv", "user_type,user_id,relation,object_type,object_id\nuser,anne,viewer,document,1\n");
        dir.Write("data/b.yaml", "- user: user:bob\n  relation: viewer\n  object: document:1\n");
        dir.Write("data/c.json", """[{"user": "user:carl", "relation": "viewer", "object": "document:1"}]""");
        var path = dir.Write("store/s.fga.yaml", """
            model_file: ../models/model.fga
            tuple_file: ../data/a.csv
            tuple_files: [../data/b.yaml, ../data/a.csv]
            tests:
              - name: t
                tuple_file: ../data/c.json
                check:
                  - user: user:anne
                    object: document:1
                    assertions: {viewer: true}
            """);

        var result = StoreFileLoader.Load(path);

        result.Success.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.File!.Name.ShouldBe("s.fga.yaml");
        result.File.Tuples.Select(static t => t.Subject.Id).ShouldBe(["anne", "bob"]);
        result.File.Tests.Single().Tuples.Single().Subject.Id.ShouldBe("carl");
    }

    [Fact]
    public void Load_MissingTupleFile_IsReportedAtTheKey()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("s.fga.yaml", Model + "tuple_file: nope.yaml\ntests: []\n");

        var diagnostic = StoreFileLoader.Load(path).Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("file-not-found");
        diagnostic.Span!.Value.Line.ShouldBe(9);
    }

    [Fact]
    public void Load_MissingFile_ReportsFileNotFound()
    {
        StoreFileLoader.Load("/no/such/store.fga.yaml").Diagnostics.Single().Code.ShouldBe("file-not-found");
    }
}
