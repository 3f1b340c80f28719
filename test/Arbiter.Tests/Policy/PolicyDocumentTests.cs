using Arbiter.Policy;

namespace Arbiter.Tests.Policy;

public class PolicyDocumentTests
{
    private const string Yaml = """
        resources:
          folder:
            actions: [read, write]
          document:
            actions: [read, write, delete, archive]
            relations:
              parent: {resource: folder, derive: [editor]}
              owner_folder: {resource: folder, derive: {viewer: [viewer, editor]}}
        roles:
          viewer:
            grants: {document: [read], folder: [read]}
          editor:
            includes: viewer
            grants: {document: [write], folder: [write]}
          admin:
            includes: [editor]
            grants: {document: "*"}
          auditor: {}
        tenants: [acme]
        instances:
          folder:f1: {tenant: acme}
          document:d1: {tenant: acme, parent: folder:f1, owner_folder: [folder:f1]}
          document:d2: {}
        users:
          anne: {roles: viewer, tenants: {acme: [editor, admin]}, resources: {document:d2: editor}}
          bert:
        """;

    private static readonly PolicyDocument Policy = PolicyDocument.Parse(Yaml, "p.yaml");

    [Fact]
    public void Parse_Types_AreUserTenantAndTheResourcesInOrder() =>
        Policy.Model.Types.Select(t => t.Name).ShouldBe(["user", "tenant", "folder", "document"]);

    [Fact]
    public void Parse_TenantType_HasEveryRoleWithItsIncluders()
    {
        ModelText.RelationNames(Policy.Model, "tenant").ShouldBe(["viewer", "editor", "admin", "auditor"]);
        ModelText.Relation(Policy.Model, "tenant", "viewer").ShouldBe("[user] or editor");
        ModelText.Relation(Policy.Model, "tenant", "editor").ShouldBe("[user] or admin");
        ModelText.Relation(Policy.Model, "tenant", "admin").ShouldBe("[user]");
    }

    [Fact]
    public void Parse_ResourceType_HasTenantRelationsRolesThenActions()
    {
        ModelText.RelationNames(Policy.Model, "document").ShouldBe(
            ["tenant", "parent", "owner_folder", "viewer", "editor", "admin", "read", "write", "delete", "archive"]);
        ModelText.Relation(Policy.Model, "document", "tenant").ShouldBe("[tenant]");
        ModelText.Relation(Policy.Model, "document", "parent").ShouldBe("[folder]");
    }

    [Fact]
    public void Parse_Roles_UnionDirectTenantIncludersAndDerivations()
    {
        ModelText.Relation(Policy.Model, "document", "viewer")
            .ShouldBe("[user] or viewer from tenant or editor or viewer from owner_folder or editor from owner_folder");
        ModelText.Relation(Policy.Model, "document", "editor").ShouldBe("[user] or editor from tenant or admin or editor from parent");
        ModelText.Relation(Policy.Model, "document", "admin").ShouldBe("[user] or admin from tenant");
    }

    [Fact]
    public void Parse_Actions_UnionTheRolesThatGrantThem_LeavingOutRolesThatIncludeAnother()
    {
        ModelText.Relation(Policy.Model, "document", "read").ShouldBe("viewer");
        ModelText.Relation(Policy.Model, "document", "write").ShouldBe("editor");
        ModelText.Relation(Policy.Model, "document", "archive").ShouldBe("admin");
    }

    [Fact]
    public void Parse_RoleThatGrantsNothingOnAType_IsNotARelationOfIt()
    {
        ModelText.RelationNames(Policy.Model, "folder").ShouldBe(["tenant", "viewer", "editor", "admin", "read", "write"]);
        ModelText.Relation(Policy.Model, "folder", "editor").ShouldBe("[user] or editor from tenant or admin");
        Policy.Resources["folder"].Roles.ShouldBe(["viewer", "editor", "admin"]);
        Policy.Resources["document"].Roles.ShouldNotContain("auditor");
    }

    [Fact]
    public void Parse_ActionNoRoleGrants_IsADirectRelation()
    {
        var policy = PolicyDocument.Parse("resources:\n  report:\n    actions: [export]\n");

        ModelText.Relation(policy.Model, "report", "export").ShouldBe("[user]");
    }

    [Fact]
    public void Parse_UsersAndInstances_GiveTheirTuples()
    {
        Policy.Tuples.Select(t => t.ToString()).ShouldBe(
        [
            "folder:f1#tenant@tenant:acme",
            "document:d1#tenant@tenant:acme",
            "document:d2#tenant@tenant:default",
            "document:d1#parent@folder:f1",
            "document:d1#owner_folder@folder:f1",
            "tenant:default#viewer@user:anne",
            "tenant:acme#editor@user:anne",
            "tenant:acme#admin@user:anne",
            "document:d2#editor@user:anne",
        ]);
    }

    [Fact]
    public void Parse_Metadata_DescribesTheResourcesRolesAndTenants()
    {
        Policy.Roles.ShouldBe(["viewer", "editor", "admin", "auditor"]);
        Policy.Tenants.ShouldBe(["default", "acme"]);
        Policy.Resources["document"].Actions.ShouldBe(["read", "write", "delete", "archive"]);
        Policy.Resources["document"].Relations["parent"].ShouldBe("folder");
        Policy.HasAction("document", "archive").ShouldBeTrue();
        Policy.HasAction("document", "viewer").ShouldBeFalse();
        Policy.HasAction("nope", "read").ShouldBeFalse();
        Policy.SourceName.ShouldBe("p.yaml");
    }

    [Fact]
    public void Parse_ModelKeepsPolicyPositions()
    {
        var document = Policy.Model.Types.Single(t => t.Name == "document");

        document.Span!.Value.Line.ShouldBe(4);
        document.Relations.Single(r => r.Name == "archive").Span!.Value.ShouldBe(new Arbiter.Model.SourceSpan(5, 36, 5, 43));
    }

    [Fact]
    public void Parse_EmptyText_GivesAModelWithTheBuiltInTypesOnly()
    {
        var policy = PolicyDocument.Parse("");

        policy.Model.Types.Select(t => t.Name).ShouldBe(["user", "tenant"]);
        policy.Tuples.ShouldBeEmpty();
        policy.Tests.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_Tests_ExpandAllowAndDenyListsIntoOneCasePerAction()
    {
        var policy = PolicyDocument.Parse("""
            resources:
              doc: {actions: [read, write]}
            tests:
              - {user: anne, resource: doc:1, tenant: acme, allow: [read], deny: [write]}
              - name: plain
                user: bert
                action: read
                resource: doc:1
                expect: deny
            """, "t.yaml");

        policy.Tests.Select(t => t.ToString()).ShouldBe(["anne read doc:1 in acme: allow", "anne write doc:1 in acme: deny", "bert read doc:1: deny"]);
        policy.Tests[2].Name.ShouldBe("plain");
        policy.Tests[2].Span!.Value.Line.ShouldBe(7);
        policy.Tests[0].Source.ShouldBe("t.yaml");
    }

    [Fact]
    public void ToDsl_CompiledModel_PrintsAsAnOpenFgaModelThatParsesBackToTheSameText()
    {
        var dsl = Arbiter.Parsing.ModelPrinter.ToDsl(Policy.Model);

        dsl.ShouldContain("type document\n  relations\n    define tenant: [tenant]\n    define parent: [folder]\n");
        dsl.ShouldContain("    define editor: [user] or editor from tenant or admin or editor from parent\n");
        var reparsed = Arbiter.Model.AuthorizationModel.FromDsl(dsl);
        Arbiter.Parsing.ModelPrinter.ToDsl(reparsed).ShouldBe(dsl);
        Arbiter.Parsing.ModelValidator.Validate(reparsed).ShouldBeEmpty();
    }
}
