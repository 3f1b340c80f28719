using Arbiter.Cli.Tests.Support;
using Arbiter.Model;
using Arbiter.Testing;

namespace Arbiter.Cli.Tests.Testing;

/// <summary>Store files with Arbiter's attribute extensions: <c>attributes</c>, <c>attribute_file(s)</c>, just-in-time attributes and expected errors.</summary>
public class StoreFileAttributesTests
{
    private const string Model = """
        model: |
          model
            schema 1.1
          type user
            attributes
              department: string
              clearance: int
          type document
            attributes
              classification: int
            relations
              define viewer: [user] or user where cleared
          condition cleared() {
            subject.clearance >= object.classification
          }

        """;

    private const string OneTest = """
        tests:
          - name: t
            check:
              - user: user:anne
                object: document:1
                assertions: {viewer: true}
        """;

    private static StoreFileLoadResult Parse(string body) => StoreFileLoader.Parse(Model + body, "s.fga.yaml");

    /// <summary>The 1-based line and column of the first occurrence of <paramref name="token"/> in the store file.</summary>
    private static (int Line, int Column) Where(string body, string token)
    {
        var lines = (Model + body).ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf(token, StringComparison.Ordinal);
            if (column >= 0)
            {
                return (i + 1, column + 1);
            }
        }
        throw new InvalidOperationException($"'{token}' is not in the file");
    }

    private static ModelDiagnostic Single(StoreFileLoadResult result, string code)
    {
        result.Success.ShouldBeFalse();
        return result.Diagnostics.Where(d => d.Code == code).ShouldHaveSingleItem(string.Join("\n", result.Diagnostics));
    }

    private static void ShouldBeAt(ModelDiagnostic diagnostic, (int Line, int Column) where)
    {
        diagnostic.Source.ShouldBe("s.fga.yaml");
        diagnostic.Span.ShouldNotBeNull();
        (diagnostic.Span.Value.Line, diagnostic.Span.Value.Column).ShouldBe(where, diagnostic.Message);
    }

    [Fact]
    public void Parse_ReadsAttributesAtTheTopAndPerTest_WithTypedValuesAndPositions()
    {
        const string body = """
            attributes:
              - entity: user:anne
                values:
                  department: eng
                  clearance: 3
                  active: true
                  score: 1.5
                  quoted: "7"
                  tags: [a, b]
                  limits: {max: 2}
                  since: "2024-05-01T10:00:00Z"
              - entity: document:1
                values: {classification: 2}
            tests:
              - name: t
                attributes:
                  - entity: user:anne
                    values: {clearance: 1}
                check:
                  - user: user:anne
                    object: document:1
                    assertions: {viewer: false}
            """;

        var result = Parse(body);

        result.Success.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        var file = result.File!;
        file.Attributes.Count.ShouldBe(2);
        var anne = file.Attributes[0];
        anne.Entity.ShouldBe(new ObjectRef("user", "anne"));
        anne.Values["department"].ShouldBe("eng");
        anne.Values["clearance"].ShouldBe(3L);
        anne.Values["active"].ShouldBe(true);
        anne.Values["score"].ShouldBe(1.5);
        anne.Values["quoted"].ShouldBe("7");
        anne.Values["tags"].ShouldBe(new List<object?> { "a", "b" });
        ((IReadOnlyDictionary<string, object?>)anne.Values["limits"]!)["max"].ShouldBe(2L);
        anne.Values["since"].ShouldBe("2024-05-01T10:00:00Z");
        anne.Source.ShouldBe("s.fga.yaml");
        (anne.Span!.Value.Line, anne.Span.Value.Column).ShouldBe(Where(body, "entity: user:anne"));
        anne.ToString().ShouldBe($"'user:anne' (s.fga.yaml:{anne.Span.Value.Line}:{anne.Span.Value.Column})");
        file.Attributes[1].Values["classification"].ShouldBe(2L);
        var test = file.Tests.Single();
        test.Attributes.Single().Values.ShouldBe(new Dictionary<string, object?> { ["clearance"] = 1L });
    }

    [Fact]
    public void Parse_ReadsJustInTimeAttributesAndExpectedErrors()
    {
        var result = Parse("""
            tests:
              - name: t
                check:
                  - user: user:anne
                    object: document:1
                    context: {now: "2024-05-01T10:00:00Z"}
                    subject_attributes: {clearance: 3, department: eng}
                    object_attributes: {classification: 2}
                    assertions:
                      viewer: true
                      owner: {error: "not defined"}
                      editor: {error: ""}
            """);

        result.Success.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        var check = result.File!.Tests.Single().Checks.Single();
        check.SubjectAttributes.ShouldBe(new Dictionary<string, object?> { ["clearance"] = 3L, ["department"] = "eng" });
        check.ObjectAttributes.ShouldBe(new Dictionary<string, object?> { ["classification"] = 2L });
        check.Context!["now"].ShouldBe("2024-05-01T10:00:00Z");
        check.Assertions.ShouldBe([new("viewer", true), new("owner", false), new("editor", false)]);
        check.ExpectedErrors.ShouldBe(new Dictionary<string, string> { ["owner"] = "not defined", ["editor"] = "" });
    }

    [Fact]
    public void Parse_NoAttributes_LeavesEverythingEmpty()
    {
        var result = Parse(OneTest);

        result.Success.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.File!.Attributes.ShouldBeEmpty();
        var check = result.File.Tests.Single().Checks.Single();
        check.SubjectAttributes.ShouldBeNull();
        check.ObjectAttributes.ShouldBeNull();
        check.ExpectedErrors.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_UnknownKeyInAnEntry_IsReportedAtTheKey()
    {
        const string body = """
            attributes:
              - entity: user:anne
                valeus: {clearance: 3}
            """;

        var result = Parse(body + "\n" + OneTest);

        var unknown = Single(result, "unknown-key");
        unknown.Message.ShouldBe("unknown key 'valeus' in entry 1 of 'attributes' (allowed: entity, values)");
        ShouldBeAt(unknown, Where(body, "valeus"));
        Single(result, "missing-key").Message.ShouldBe("entry 1 of 'attributes' needs 'values'");
    }

    [Fact]
    public void Parse_EntryThatIsNotAMapping_IsReportedWhereItIs()
    {
        const string body = """
            attributes:
              - entity: user:bob
                values: {}
              - user:anne
            """;

        var diagnostic = Single(Parse(body + "\n" + OneTest), "invalid-value");

        diagnostic.Message.ShouldBe("entry 2 of 'attributes' must be a mapping");
        ShouldBeAt(diagnostic, Where(body, "user:anne"));
    }

    [Fact]
    public void Parse_AttributesThatAreNotAList_IsAnError()
    {
        const string body = "attributes: {entity: user:anne}\n";

        var diagnostic = Single(Parse(body + OneTest), "invalid-value");

        diagnostic.Message.ShouldBe("'attributes' must be a list");
        ShouldBeAt(diagnostic, Where(body, "{entity"));
    }

    [Theory]
    [InlineData("values: 3")]
    [InlineData("values: [clearance, 3]")]
    [InlineData("values: clearance")]
    public void Parse_ValuesThatAreNotAMapping_AreReportedAtTheValue(string values)
    {
        var body = $"""
            attributes:
              - entity: user:anne
                {values}
            """;

        var diagnostic = Single(Parse(body + "\n" + OneTest), "invalid-value");

        diagnostic.Message.ShouldBe("'values' of entry 1 of 'attributes' must be a mapping");
        var at = Where(body, values);
        ShouldBeAt(diagnostic, (at.Line, at.Column + "values: ".Length));
    }

    [Theory]
    [InlineData("anne", "has no ':'")]
    [InlineData("\"user:\"", "invalid object")]
    [InlineData("user:*", "is a wildcard")]
    [InlineData("\"user:anne#member\"", "invalid object")]
    public void Parse_BadEntity_IsReportedAtTheEntity(string entity, string reason)
    {
        var body = $$"""
            attributes:
              - entity: {{entity}}
                values: {clearance: 1}
            """;

        var diagnostic = Single(Parse(body + "\n" + OneTest), "invalid-entity");

        diagnostic.Message.ShouldStartWith("invalid 'entity' in entry 1 of 'attributes': ");
        diagnostic.Message.ShouldContain(reason);
        ShouldBeAt(diagnostic, Where(body, entity));
    }

    [Fact]
    public void Parse_MissingEntity_IsReportedAtTheEntry()
    {
        const string body = """
            attributes:
              - values: {clearance: 1}
            """;

        var diagnostic = Single(Parse(body + "\n" + OneTest), "missing-key");

        diagnostic.Message.ShouldBe("entry 1 of 'attributes' needs 'entity'");
        ShouldBeAt(diagnostic, Where(body, "values"));
    }

    [Fact]
    public void Parse_DuplicateAttributeName_IsAYamlErrorAtTheSecond()
    {
        const string body = """
            attributes:
              - entity: user:anne
                values:
                  clearance: 1
                  clearance: 2
            """;

        var diagnostic = Single(Parse(body + "\n" + OneTest), "yaml-syntax");

        diagnostic.Message.ShouldContain("Duplicate key clearance");
        ShouldBeAt(diagnostic, Where(body, "clearance: 2"));
    }

    [Fact]
    public void Parse_ProblemsInATestsAttributes_NameTheTest()
    {
        const string body = """
            tests:
              - name: t
                attributes:
                  - entity: user:anne
                    colour: red
                    values: {}
                check: []
            """;

        var diagnostic = Single(Parse(body), "unknown-key");

        diagnostic.Message.ShouldStartWith("unknown key 'colour' in entry 1 of 'attributes' of test 't'");
        ShouldBeAt(diagnostic, Where(body, "colour"));
    }

    [Theory]
    [InlineData("subject_attributes: 3")]
    [InlineData("object_attributes: [classification]")]
    public void Parse_JustInTimeAttributesThatAreNotAMapping_AreReportedAtTheValue(string line)
    {
        var body = $$"""
            tests:
              - name: t
                check:
                  - user: user:anne
                    object: document:1
                    {{line}}
                    assertions: {viewer: true}
            """;

        var diagnostic = Single(Parse(body), "invalid-value");

        var key = line[..line.IndexOf(':', StringComparison.Ordinal)];
        diagnostic.Message.ShouldBe($"'{key}' of a 'check' entry of test 't' must be a mapping");
        var at = Where(body, line);
        ShouldBeAt(diagnostic, (at.Line, at.Column + key.Length + 2));
    }

    [Fact]
    public void Parse_UnknownKeyNextToJustInTimeAttributes_ListsThemAsAllowed()
    {
        const string body = """
            tests:
              - name: t
                check:
                  - user: user:anne
                    object: document:1
                    user_attributes: {clearance: 3}
                    assertions: {viewer: true}
            """;

        var diagnostic = Single(Parse(body), "unknown-key");

        diagnostic.Message.ShouldContain("object_attributes");
        diagnostic.Message.ShouldContain("subject_attributes");
        ShouldBeAt(diagnostic, Where(body, "user_attributes"));
    }

    [Theory]
    [InlineData("{eror: x}", "unknown-key")]
    [InlineData("{error: [x]}", "invalid-value")]
    [InlineData("{}", "missing-key")]
    public void Parse_MalformedExpectedError_IsReported(string value, string code)
    {
        var body = $"""
            tests:
              - name: t
                check:
                  - user: user:anne
                    object: document:1
                    assertions:
                      viewer: {value}
            """;

        var diagnostic = Single(Parse(body), code);

        diagnostic.Message.ShouldContain("the assertion 'viewer' of a 'check' entry of test 't'");
        diagnostic.Span!.Value.Line.ShouldBe(Where(body, "viewer: " + value).Line);
    }

    [Fact]
    public void Load_ReadsAttributeFilesAgainstTheStoreFolder()
    {
        using var dir = new TempDirectory();
        dir.Write("data/people.yaml", "- entity: user:anne\n  values: {clearance: 3}\n");
        dir.Write("data/docs.json", """[{"entity": "document:1", "values": {"classification": 2}}]""");
        dir.Write("data/extra.yml", "- entity: user:bob\n  values: {clearance: 1}\n");
        dir.Write("data/test.yaml", "- entity: user:carl\n  values: {department: ops}\n");
        var path = dir.Write("store/s.fga.yaml", Model + """
            attributes:
              - entity: user:zoe
                values: {clearance: 0}
            attribute_file: ../data/people.yaml
            attribute_files: [../data/docs.json, ../data/extra.yml]
            tests:
              - name: t
                attribute_file: ../data/test.yaml
                check: []
            """);

        var result = StoreFileLoader.Load(path);

        result.Success.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.File!.Attributes.Select(static a => a.Entity.ToString()).ShouldBe(["user:zoe", "user:anne", "document:1", "user:bob"]);
        result.File.Attributes[1].Source.ShouldBe(Path.Combine(dir.Path, "data", "people.yaml"));
        result.File.Attributes[1].Span!.Value.Line.ShouldBe(1);
        result.File.Attributes[2].Values["classification"].ShouldBe(2L);
        result.File.Tests.Single().Attributes.Single().Values["department"].ShouldBe("ops");
    }

    [Fact]
    public void Load_ProblemInAnAttributeFile_IsReportedInThatFile()
    {
        using var dir = new TempDirectory();
        var people = dir.Write("people.yaml", "- entity: user:anne\n  values: {clearance: 3}\n- entity: nobody\n  values: {}\n");
        var path = dir.Write("s.fga.yaml", Model + "attribute_file: people.yaml\n" + OneTest);

        var diagnostic = StoreFileLoader.Load(path).Diagnostics.ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("invalid-entity");
        diagnostic.Message.ShouldStartWith("invalid 'entity' in entry 2 of the attribute file");
        diagnostic.Source.ShouldBe(people);
        (diagnostic.Span!.Value.Line, diagnostic.Span.Value.Column).ShouldBe((3, 11));
    }

    [Fact]
    public void Load_MissingAttributeFile_IsReportedAtTheKey()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("s.fga.yaml", Model + "attribute_files: [nope.yaml]\n" + OneTest);

        var diagnostic = StoreFileLoader.Load(path).Diagnostics.ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("file-not-found");
        diagnostic.Message.ShouldStartWith("attribute file 'nope.yaml' not found");
        (diagnostic.Span!.Value.Line, diagnostic.Span.Value.Column).ShouldBe((16, 19));
    }

    [Theory]
    [InlineData("people.csv", "[]", "unsupported-format")]
    [InlineData("people.yaml", "[]", "empty-file")]
    [InlineData("people.json", "{\"entity\": \"user:anne\"}", "invalid-value")]
    public void Load_BadAttributeFile_IsReported(string name, string text, string code)
    {
        using var dir = new TempDirectory();
        dir.Write(name, text);
        var path = dir.Write("s.fga.yaml", Model + $"attribute_file: {name}\n" + OneTest);

        var diagnostic = StoreFileLoader.Load(path).Diagnostics.ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe(code);
        diagnostic.Source.ShouldBe(Path.Combine(dir.Path, name));
    }
}
