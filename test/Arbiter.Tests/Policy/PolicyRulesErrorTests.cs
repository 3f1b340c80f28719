using Arbiter.Model;
using Arbiter.Policy;

namespace Arbiter.Tests.Policy;

/// <summary>Every mistake in attributes, user and resource sets and rules is reported with its code and line:column.</summary>
public class PolicyRulesErrorTests
{
    private const string Base = """
        resources:
          report:
            actions: [read, write]
            attributes: {department: string, level: int, tags: list<string>}
          folder: {actions: [read]}
        userAttributes: {department: string, clearance: int, admin: bool}
        userSets:
          sales: subject.department == "sales"
        resourceSets:
          top_folders: {resource: folder, when: 'true'}
        roles:
          viewer: {grants: {report: [read]}}

        """;

    public static TheoryData<string, string, int, int> Mistakes => new()
    {
        // line 13 and below is the text after Base
        { "rules:\n  - {resource: report, allow: [read], userSet: ghosts}\n", "unknown-user-set", 14, 48 },
        { "rules:\n  - {resource: report, allow: [read], resourceSet: ghosts}\n", "unknown-resource-set", 14, 52 },
        { "rules:\n  - {resource: report, allow: [read], resourceSet: [top_folders]}\n", "wrong-type", 14, 53 },
        { "rules:\n  - {resource: report, allow: [read], when: {a: b}}\n", "wrong-shape", 14, 45 },
        { "rules:\n  - {resource: report, allow: [read], when: [a]}\n", "wrong-shape", 14, 45 },
        { "rules:\n  - {resource: report, allow: [read], when: }\n", "wrong-shape", 14, 45 },
        { "rules:\n  - {resource: report, when: 'true'}\n", "missing-key", 14, 5 },
        { "rules:\n  - {resource: report, allow: [read], deny: [write]}\n", "wrong-shape", 14, 39 },
        { "rules:\n  - {resource: report, allow: [fly]}\n", "unknown-action", 14, 32 },
        { "rules:\n  - {resource: page, allow: [read]}\n", "unknown-resource", 14, 16 },
        { "rules:\n  - {allow: [read], when: 'true'}\n", "missing-key", 14, 5 },
        { "rules:\n  - {resource: report, allow: [read], roles: [ghost]}\n", "unknown-role", 14, 47 },
        { "rules:\n  - {resource: folder, allow: [read], roles: [viewer]}\n", "role-not-applicable", 14, 47 },
        { "rules:\n  - {resource: report, allow: [read], colour: red}\n", "unknown-key", 14, 39 },
        { "rules:\n  - report\n", "wrong-shape", 14, 5 },
        { "rules:\n  - {resource: report, allow: []}\n", "missing-key", 14, 31 },
        { "rules:\n  - {resource: report, deny: '*', userSet: [sales, top_folders]}\n", "unknown-user-set", 14, 52 },
        { "rules:\n  - {resource: report, allow: read, userSet: {sales: 1}}\n", "wrong-shape", 14, 46 },
        { "users:\n  anne: {attributes: {colour: red}}\n", "unknown-attribute", 14, 23 },
        { "users:\n  anne: {attributes: {clearance: high}}\n", "invalid-value", 14, 34 },
        { "users:\n  anne: {attributes: {clearance: '3'}}\n", "invalid-value", 14, 34 },
        { "users:\n  anne: {attributes: {admin: yes}}\n", "invalid-value", 14, 30 },
        { "users:\n  anne: {attributes: {department: [a]}}\n", "invalid-value", 14, 35 },
        { "users:\n  anne: {attributes: [department]}\n", "wrong-shape", 14, 22 },
        { "instances:\n  report:1: {attributes: {level: 1.5}}\n", "invalid-value", 14, 34 },
        { "instances:\n  report:1: {attributes: {tags: a}}\n", "invalid-value", 14, 33 },
        { "instances:\n  report:1: {attributes: {owner: anne}}\n", "unknown-attribute", 14, 27 },
        { "instances:\n  folder:1: {attributes: {department: it}}\n", "unknown-attribute", 14, 27 },
        { "tests:\n  - {user: anne, resource: report:1, userAttributes: {colour: red}, allow: [read]}\n", "unknown-attribute", 14, 55 },
        { "tests:\n  - {user: anne, resource: report:1, resourceAttributes: {level: x}, allow: [read]}\n", "invalid-value", 14, 66 },
        { "tests:\n  - {user: anne, resource: report:1, context: [a], allow: [read]}\n", "wrong-shape", 14, 47 },
    };

    public static TheoryData<string, string, int, int> DeclarationMistakes => new()
    {
        { "resources:\n  doc:\n    actions: [read]\n    attributes: {size: decimal}\n", "unknown-attribute-type", 4, 24 },
        { "resources:\n  doc:\n    actions: [read]\n    attributes: {size: list<list<int>>}\n", "unknown-attribute-type", 4, 24 },
        { "resources:\n  doc:\n    actions: [read]\n    attributes: {my-size: int}\n", "invalid-name", 4, 18 },
        { "resources:\n  doc:\n    actions: [read]\n    attributes: {size: }\n", "missing-key", 4, 18 },
        { "userAttributes: [a]\n", "wrong-shape", 1, 17 },
        { "resources:\n  doc:\n    actions: [read]\n    relations: {attributes: doc}\n", "invalid-name", 4, 17 },
        { "resources:\n  doc: {actions: [read]}\nroles:\n  tenant_member: {grants: {doc: [read]}}\n", "invalid-name", 4, 3 },
        { "resources:\n  doc: {actions: [read]}\nresourceSets:\n  big: {when: 'true'}\n", "missing-key", 4, 3 },
        { "resources:\n  doc: {actions: [read]}\nresourceSets:\n  big: {resource: page, when: 'true'}\n", "unknown-resource", 4, 19 },
        { "resources:\n  doc: {actions: [read]}\nresourceSets:\n  big: 'true'\n", "wrong-shape", 4, 8 },
        { "userSets:\n  big: {description: x}\n", "missing-key", 2, 3 },
        { "userSets:\n  a_name_that_is_far_too_long_for_a_condition_name_x: 'true'\n", "invalid-name", 2, 3 },
        { "resources:\n  doc: {actions: [read], attributes: {level: int}}\nuserAttributes: {clearance: int}\nuserSets:\n  s: object.level > 1\n", "set-reads-other-side", 5, 6 },
        { "resources:\n  doc: {actions: [read], attributes: {level: int}}\nuserAttributes: {clearance: int}\nresourceSets:\n  big: {resource: doc, when: subject.clearance > 1}\n", "set-reads-other-side", 5, 30 },
    };

    /// <summary>CEL mistakes are found by the engine's model validation and point into the YAML.</summary>
    public static TheoryData<string, string, int, int> CelMistakes => new()
    {
        { "    when: subject.departmnt == 'x'\n", "cel-type-error", 11, 19 },
        { "    when: subject.clearance >= 'x'\n", "cel-type-error", 11, 29 },
        { "    when: \"subject.clearance >= 'x'\"\n", "cel-type-error", 11, 30 },
        { "    when: subject.clearance >=\n", "cel-syntax-error", 11, 31 },
        { "    when: subject.clearance\n", "cel-type-error", 11, 11 },
        // in a block scalar the line is exact and the column counts from the block's indentation (here the same)
        { "    when: |\n      subject.clearance >= 1 &&\n      object.level == 'x'\n", "cel-type-error", 13, 14 },
        { "    userSet: s\n", "cel-type-error", 7, 14 },
    };

    [Theory]
    [MemberData(nameof(CelMistakes))]
    public void Parse_CelMistake_IsReportedInTheYaml(string tail, string code, int line, int column) =>
        Expect(
            "resources:\n  doc:\n    actions: [read]\n    attributes: {level: int}\nuserAttributes: {clearance: int}\nuserSets:\n  s: subject.other == 1\nrules:\n  - resource: doc\n    allow: read\n" + tail,
            code, line, column);

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Parse_RuleMistake_IsReportedWithLineAndColumn(string tail, string code, int line, int column) =>
        Expect(Base + tail, code, line, column);

    [Theory]
    [MemberData(nameof(DeclarationMistakes))]
    public void Parse_DeclarationMistake_IsReportedWithLineAndColumn(string text, string code, int line, int column) =>
        Expect(text, code, line, column);

    private static void Expect(string text, string code, int line, int column)
    {
        var ex = Should.Throw<ModelValidationException>(() => PolicyDocument.Parse(text, "p.yaml"));

        var diagnostic = ex.Diagnostics.ShouldHaveSingleItem(ex.Message);
        diagnostic.Code.ShouldBe(code, ex.Message);
        diagnostic.Source.ShouldBe("p.yaml");
        (diagnostic.Span!.Value.Line, diagnostic.Span.Value.Column).ShouldBe((line, column), diagnostic.ToString());
    }
}
