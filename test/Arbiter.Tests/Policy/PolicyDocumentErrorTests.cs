using Arbiter.Model;
using Arbiter.Policy;

namespace Arbiter.Tests.Policy;

public class PolicyDocumentErrorTests
{
    private const string Base = """
        resources:
          folder: {actions: [read]}
          doc:
            actions: [read, write]
            relations: {parent: folder}
        roles:
          viewer: {grants: {doc: [read], folder: [read]}}
          editor: {includes: viewer, grants: {doc: [write]}}
        tenants: [acme]

        """;

    public static TheoryData<string, string, int, int> Mistakes => new()
    {
        // line 10 and below is the text after Base
        { "users:\n  anne: {roles: [ghost]}\n", "unknown-role", 11, 18 },
        { "users:\n  anne: {tenants: {acme: owner}}\n", "unknown-role", 11, 26 },
        { "users:\n  anne: {tenants: {initech: viewer}}\n", "unknown-tenant", 11, 20 },
        { "users:\n  anne: {resources: {doc:1: ghost}}\n", "unknown-role", 11, 29 },
        { "users:\n  anne: {resources: {page:1: viewer}}\n", "unknown-resource", 11, 22 },
        { "users:\n  anne: {resources: {doc1: viewer}}\n", "invalid-name", 11, 22 },
        { "users:\n  anne: {rolez: viewer}\n", "unknown-key", 11, 10 },
        { "users:\n  'an ne': {}\n", "invalid-name", 11, 3 },
        { "users:\n  anne: {}\n  anne: {}\n", "duplicate-key", 12, 3 },
        { "instances:\n  doc:1: {parent: doc:2}\n", "wrong-type", 11, 19 },
        { "instances:\n  doc:1: {owner: folder:2}\n", "unknown-relation", 11, 11 },
        { "instances:\n  doc:1: {tenant: initech}\n", "unknown-tenant", 11, 19 },
        { "instances:\n  doc:1: {tenant: acme, parent: folder:f}\n  folder:f: {}\n", "tenant-mismatch", 11, 33 },
        { "tests:\n  - {user: anne, action: delete, resource: doc:1, expect: allow}\n", "unknown-action", 11, 26 },
        { "tests:\n  - {user: anne, action: read, resource: page:1, expect: allow}\n", "unknown-resource", 11, 26 },
        { "tests:\n  - {user: anne, action: read, resource: doc:1, expect: maybe}\n", "wrong-shape", 11, 57 },
        { "tests:\n  - {user: anne, resource: doc:1}\n", "missing-key", 11, 5 },
        { "tests:\n  - {action: read, resource: doc:1, expect: deny}\n", "missing-key", 11, 5 },
        { "tests: {a: b}\n", "wrong-shape", 10, 8 },
        { "extra: 1\n", "unknown-key", 10, 1 },
        { "users: [anne]\n", "wrong-shape", 10, 8 },
        { "users:\n  anne: {roles: [viewer}\n", "yaml-syntax", 11, 24 },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Parse_Mistake_IsReportedWithLineAndColumn(string tail, string code, int line, int column)
    {
        var ex = Should.Throw<ModelValidationException>(() => PolicyDocument.Parse(Base + tail, "p.yaml"));

        var diagnostic = ex.Diagnostics.ShouldHaveSingleItem(ex.Message);
        diagnostic.Code.ShouldBe(code, ex.Message);
        diagnostic.Source.ShouldBe("p.yaml");
        (diagnostic.Span!.Value.Line, diagnostic.Span.Value.Column).ShouldBe((line, column), diagnostic.ToString());
    }

    public static TheoryData<string, string, int, int> ModelMistakes => new()
    {
        { "resources:\n  doc: {actions: [read]}\nroles:\n  viewer: {grants: {doc: [read, fly]}}\n", "unknown-action", 6, 33 },
        { "roles:\n  viewer: {grants: {page: [read]}}\n", "unknown-resource", 4, 21 },
        { "roles:\n  viewer: {includes: [ghost]}\n", "unknown-role", 4, 23 },
        { "roles:\n  a: {includes: b}\n  b: {includes: c}\n  c: {includes: a}\n", "inheritance-cycle", 6, 17 },
        { "roles:\n  a: {includes: a}\n", "inheritance-cycle", 4, 17 },
        { "resources:\n  doc: {relations: {parent: page}}\n", "unknown-resource", 4, 29 },
        { "resources:\n  doc: {actions: [read, read]}\n", "name-clash", 4, 25 },
        { "resources:\n  doc: {actions: [read, tenant]}\n", "name-clash", 4, 25 },
        { "resources:\n  doc: {actions: [read], relations: {read: doc}}\n", "name-clash", 4, 38 },
        { "resources:\n  doc: {actions: [read]}\nroles:\n  read: {grants: {doc: [read]}}\n", "name-clash", 6, 3 },
        { "resources:\n  user: {actions: [read]}\n", "invalid-name", 4, 3 },
        { "resources:\n  'a:b': {actions: [read]}\n", "invalid-name", 4, 3 },
        { "resources:\n  doc: {actions: [re ad]}\n", "invalid-name", 4, 19 },
        { "roles:\n  tenant: {}\n", "invalid-name", 4, 3 },
        { "resources:\n  doc: {relations: {parent: {resource: doc, derive: [ghost]}}}\n", "unknown-role", 4, 54 },
        { "resources:\n  doc: {relations: {parent: {resource: doc, derive: {v: ghost}}}}\nroles:\n  v: {grants: {doc: []}}\n", "unknown-role", 4, 57 },
        { "resources:\n  doc: {actions: [read], relations: {parent: {resource: folder, derive: [v]}}}\n  folder: {}\nroles:\n  v: {grants: {doc: [read]}}\n", "role-not-applicable", 4, 74 },
        { "resources:\n  doc: {relations: {parent: {derive: [v]}}}\n", "missing-key", 4, 21 },
        { "resources:\n  doc: {actions: {read: 1}}\n", "wrong-shape", 4, 18 },
        { "roles:\n  v: 5\n", "wrong-shape", 4, 6 },
        { "resources: []\n", "wrong-shape", 3, 12 },
    };

    [Theory]
    [MemberData(nameof(ModelMistakes))]
    public void Parse_ModelMistake_IsReportedWithLineAndColumn(string tail, string code, int line, int column)
    {
        var ex = Should.Throw<ModelValidationException>(() => PolicyDocument.Parse("# a policy\ndescription: test\n" + tail));

        var diagnostic = ex.Diagnostics.ShouldHaveSingleItem(ex.Message);
        diagnostic.Code.ShouldBe(code, ex.Message);
        (diagnostic.Span!.Value.Line, diagnostic.Span.Value.Column).ShouldBe((line, column), diagnostic.ToString());
    }

    [Fact]
    public void Parse_RoleGivenOnAnInstanceOfATypeItGrantsNothingOn_IsReported()
    {
        var ex = Should.Throw<ModelValidationException>(() => PolicyDocument.Parse("""
            resources:
              doc: {actions: [read]}
              page: {actions: [view]}
            roles:
              reader: {grants: {doc: [read]}}
            users:
              anne: {resources: {page:1: reader}}
            """));

        var diagnostic = ex.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("role-not-applicable");
        diagnostic.ToString().ShouldStartWith("7:30:");
    }

    [Fact]
    public void Parse_SeveralMistakes_ListsEveryOneInSourceOrder()
    {
        var ex = Should.Throw<ModelValidationException>(() => PolicyDocument.Parse("""
            resources:
              doc: {actions: [read]}
            roles:
              viewer: {includes: ghost, grants: {doc: [fly]}}
            users:
              anne: {roles: [nobody], tenants: {nowhere: viewer}}
            tests:
              - {user: anne, action: jump, resource: doc:1, expect: allow}
            """, "multi.yaml"));

        ex.Diagnostics.Select(d => (d.Code, d.Span!.Value.Line)).ShouldBe(
        [
            ("unknown-role", 4),
            ("unknown-action", 4),
            ("unknown-role", 6),
            ("unknown-tenant", 6),
            ("unknown-action", 8),
        ]);
        ex.Message.ShouldContain("multi.yaml:4:");
    }

    [Fact]
    public void Parse_CycleMessage_NamesTheCircle()
    {
        var ex = Should.Throw<ModelValidationException>(() => PolicyDocument.Parse("roles:\n  a: {includes: b}\n  b: {includes: a}\n"));

        ex.Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("a -> b -> a");
    }
}
