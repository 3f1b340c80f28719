using Arbiter.Cli.Tests.Support;
using Arbiter.Testing;

namespace Arbiter.Cli.Tests.Testing;

public class TupleFileLoaderTests
{
    [Fact]
    public void Parse_Yaml_ReadsTuplesWithConditions()
    {
        var result = TupleFileLoader.Parse("""
            - user: user:anne
              relation: viewer
              object: document:1
            - user: group:eng#member
              relation: editor
              object: folder:x
              condition:
                name: in_office
                context:
                  ip: 10.0.0.1
                  max: 3
            """, ".yaml", "tuples.yaml");

        result.Success.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Tuples.Count.ShouldBe(2);
        result.Tuples[0].ShouldBe(RelationshipTuple.Parse("document:1#viewer@user:anne"));
        result.Tuples[1].Subject.ShouldBe(new SubjectRef("group", "eng", "member"));
        result.Tuples[1].Condition!.Name.ShouldBe("in_office");
        result.Tuples[1].Condition!.Context!["ip"].ShouldBe("10.0.0.1");
        result.Tuples[1].Condition!.Context!["max"].ShouldBe(3L);
    }

    [Fact]
    public void Parse_Json_ReadsTuples()
    {
        var result = TupleFileLoader.Parse("""
            [{"user": "user:anne", "relation": "viewer", "object": "document:1",
              "condition": {"name": "c", "context": {"n": 1.5, "ok": true}}}]
            """, ".json");

        result.Success.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Tuples.Single().Condition!.Context!["n"].ShouldBe(1.5);
        result.Tuples.Single().Condition!.Context!["ok"].ShouldBe(true);
    }

    [Fact]
    public void Parse_JsonLines_ReadsOneTuplePerLine()
    {
        var result = TupleFileLoader.Parse("""
            {"user": "user:anne", "relation": "viewer", "object": "document:1"}

            {"user": "user:bob", "relation": "editor", "object": "document:2"}
            """, ".jsonl");

        result.Tuples.Select(static t => t.ToString()).ShouldBe(["document:1#viewer@user:anne", "document:2#editor@user:bob"]);
    }

    [Fact]
    public void Parse_Csv_ReadsFgaColumnsWithUsersetsAndConditionContext()
    {
        var result = TupleFileLoader.Parse("""
            user_type,user_id,user_relation,relation,object_type,object_id,condition_name,condition_context
            user,anne,,viewer,document,1,,
            group,eng,member,editor,folder,x,in_office,"{""ip"": ""10.0.0.1""}"
            """, ".csv", "tuples.csv");

        result.Success.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Tuples[0].ToString().ShouldBe("document:1#viewer@user:anne");
        result.Tuples[1].Subject.ToString().ShouldBe("group:eng#member");
        result.Tuples[1].Condition!.Context!["ip"].ShouldBe("10.0.0.1");
    }

    [Fact]
    public void Parse_CsvWithUnknownHeader_NamesTheValidColumns()
    {
        var result = TupleFileLoader.Parse("user_type,user_id,relation,object_type,object_id,colour\nuser,a,viewer,doc,1,red\n", ".csv", "t.csv");

        result.Success.ShouldBeFalse();
        result.Diagnostics.Single().Message.ShouldContain("'colour'");
        result.Diagnostics.Single().Message.ShouldContain("user_type,user_id,user_relation");
    }

    [Fact]
    public void Parse_CsvMissingRequiredColumn_SaysWhich()
    {
        var result = TupleFileLoader.Parse("user_type,user_id,relation,object_type\nuser,a,viewer,doc\n", ".csv", "t.csv");

        result.Diagnostics.ShouldContain(d => d.Message.Contains("'object_id'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MalformedTuple_ReportsItsLineAndColumn()
    {
        var result = TupleFileLoader.Parse("""
            - user: user:anne
              relation: viewer
              object: document:1
            - user: user:bob
              relation: viewer
              object: "document:"
            """, ".yaml", "tuples.yaml");

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Source.ShouldBe("tuples.yaml");
        diagnostic.Span!.Value.Line.ShouldBe(4);
        diagnostic.Span!.Value.Column.ShouldBe(3);
        diagnostic.Message.ShouldContain("document:");
    }

    [Fact]
    public void Parse_UnknownKey_IsAnError()
    {
        var result = TupleFileLoader.Parse("- user: user:anne\n  relation: viewer\n  object: document:1\n  colour: red\n", ".yaml", "t.yaml");

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("unknown-key");
        diagnostic.Span!.Value.Line.ShouldBe(4);
    }

    [Fact]
    public void Parse_EmptyFile_IsAnError()
    {
        TupleFileLoader.Parse("[]", ".json").Success.ShouldBeFalse();
    }

    [Fact]
    public void Parse_UnsupportedExtension_NamesTheSupportedOnes()
    {
        TupleFileLoader.Parse("x", ".txt").Diagnostics.Single().Message.ShouldContain(".csv");
    }

    [Fact]
    public void Load_MissingFile_ReportsFileNotFound()
    {
        var result = TupleFileLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-tuples.yaml"));

        result.Diagnostics.Single().Code.ShouldBe("file-not-found");
    }

    [Fact]
    public void Load_ReadsAFileByExtension()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("t.csv", "user_type,user_id,relation,object_type,object_id\nuser,anne,viewer,document,1\n");

        TupleFileLoader.Load(path).Tuples.Single().ToString().ShouldBe("document:1#viewer@user:anne");
    }
}
