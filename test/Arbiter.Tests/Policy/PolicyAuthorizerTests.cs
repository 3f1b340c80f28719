using Arbiter.Policy;

namespace Arbiter.Tests.Policy;

public class PolicyAuthorizerTests
{
    private const string Yaml = """
        resources:
          folder:
            actions: [read, write]
            relations:
              parent: {resource: folder, derive: [viewer, editor]}
          document:
            actions: [read, write, delete]
            relations:
              parent: {resource: folder, derive: [viewer, editor]}
        roles:
          viewer: {grants: {folder: [read], document: [read]}}
          editor: {includes: viewer, grants: {folder: [write], document: [write]}}
          admin: {includes: editor, grants: {folder: "*", document: "*"}}
        tenants: [a, b]
        instances:
          folder:a-root: {tenant: a}
          folder:a-sub: {tenant: a, parent: folder:a-root}
          document:a-doc: {tenant: a, parent: folder:a-sub}
          document:a-other: {tenant: a}
          document:b-doc: {tenant: b}
          document:public: {}
        users:
          root: {roles: admin}
          alice: {tenants: {a: admin}}
          bert: {tenants: {b: admin}}
          cleo: {tenants: {a: viewer}}
          dina: {resources: {document:a-doc: editor}}
          emil: {resources: {folder:a-root: editor}}
          both: {tenants: {a: viewer, b: editor}}
        """;

    private static PolicyAuthorizer Create() => PolicyAuthorizer.Create(PolicyDocument.Parse(Yaml));

    private static async Task<bool> Allowed(PolicyAuthorizer authorizer, string user, string action, string resource, string? tenant = null) =>
        (await authorizer.CheckAsync(user, action, resource, tenant)).Allowed;

    [Theory]
    [InlineData("alice", "delete", "document:a-doc", "a", true)]
    [InlineData("alice", "read", "document:b-doc", "b", false)]
    [InlineData("alice", "read", "document:b-doc", "a", false)]
    [InlineData("bert", "read", "document:a-doc", "a", false)]
    [InlineData("bert", "read", "document:a-doc", "b", false)]
    [InlineData("bert", "delete", "document:b-doc", "b", true)]
    public async Task CheckAsync_TenantAdmin_GetsEverythingInItsTenantAndNothingInAnother(string user, string action, string resource, string tenant, bool expected) =>
        (await Allowed(Create(), user, action, resource, tenant)).ShouldBe(expected);

    [Fact]
    public async Task CheckAsync_ResourceWithoutStoredTenant_TakesTheNamedTenant()
    {
        var authorizer = Create();

        (await Allowed(authorizer, "alice", "write", "document:new", "a")).ShouldBeTrue();
        (await Allowed(authorizer, "alice", "write", "document:new", "b")).ShouldBeFalse();
        (await Allowed(authorizer, "bert", "write", "document:new", "b")).ShouldBeTrue();
        (await Allowed(authorizer, "alice", "write", "document:new")).ShouldBeFalse();
    }

    [Fact]
    public async Task CheckAsync_RolesInTwoTenants_CountOnlyInTheirOwnTenant()
    {
        var authorizer = Create();

        (await Allowed(authorizer, "both", "read", "document:a-doc", "a")).ShouldBeTrue();
        (await Allowed(authorizer, "both", "write", "document:a-doc", "a")).ShouldBeFalse();
        (await Allowed(authorizer, "both", "write", "document:b-doc", "b")).ShouldBeTrue();
        (await Allowed(authorizer, "both", "write", "document:a-doc", "b")).ShouldBeFalse();
    }

    [Fact]
    public async Task CheckAsync_TopLevelRole_IsTheDefaultTenantsRole()
    {
        var authorizer = Create();

        (await Allowed(authorizer, "root", "delete", "document:public")).ShouldBeTrue();
        (await Allowed(authorizer, "root", "delete", "document:public", PolicyDocument.DefaultTenant)).ShouldBeTrue();
        (await Allowed(authorizer, "root", "read", "document:a-doc", "a")).ShouldBeFalse();
        (await Allowed(authorizer, "alice", "read", "document:public")).ShouldBeFalse();
    }

    [Fact]
    public async Task CheckAsync_Inheritance_GivesTheIncludedRolesActions()
    {
        var authorizer = Create();

        (await Allowed(authorizer, "alice", "read", "document:a-other", "a")).ShouldBeTrue();
        (await Allowed(authorizer, "cleo", "read", "document:a-other", "a")).ShouldBeTrue();
        (await Allowed(authorizer, "cleo", "write", "document:a-other", "a")).ShouldBeFalse();
    }

    [Fact]
    public async Task CheckAsync_InstanceRole_CountsOnThatInstanceOnly()
    {
        var authorizer = Create();

        (await Allowed(authorizer, "dina", "write", "document:a-doc", "a")).ShouldBeTrue();
        (await Allowed(authorizer, "dina", "read", "document:a-doc", "a")).ShouldBeTrue();
        (await Allowed(authorizer, "dina", "delete", "document:a-doc", "a")).ShouldBeFalse();
        (await Allowed(authorizer, "dina", "read", "document:a-other", "a")).ShouldBeFalse();
        (await Allowed(authorizer, "dina", "read", "document:a-doc", "b")).ShouldBeFalse();
    }

    [Fact]
    public async Task CheckAsync_DerivationThroughParentFolders_ReachesDocumentsBelow()
    {
        var authorizer = Create();

        (await Allowed(authorizer, "emil", "write", "folder:a-sub", "a")).ShouldBeTrue();
        (await Allowed(authorizer, "emil", "write", "document:a-doc", "a")).ShouldBeTrue();
        (await Allowed(authorizer, "emil", "delete", "document:a-doc", "a")).ShouldBeFalse();
        (await Allowed(authorizer, "emil", "read", "document:a-other", "a")).ShouldBeFalse();
    }

    [Fact]
    public async Task CheckAsync_UnknownUser_IsDenied() =>
        (await Allowed(Create(), "mallory", "read", "document:a-doc", "a")).ShouldBeFalse();

    [Fact]
    public async Task CheckAsync_UserPrefix_IsAccepted() =>
        (await Allowed(Create(), "user:alice", "read", "document:a-doc", "a")).ShouldBeTrue();

    [Fact]
    public async Task CheckAsync_OtherTenant_ExplainsWhy()
    {
        var decision = await Create().CheckAsync(new PolicyCheckRequest("alice", "read", "document:b-doc", "a") { Explain = true });

        decision.Allowed.ShouldBeFalse();
        decision.Explanation!.Kind.ShouldBe("tenant");
        decision.Explanation.Description.ShouldContain("tenant 'a'");
    }

    [Theory]
    [InlineData("alice", "fly", "document:a-doc", ArbiterErrorCode.RelationNotFound)]
    [InlineData("alice", "viewer", "document:a-doc", ArbiterErrorCode.RelationNotFound)]
    [InlineData("alice", "read", "page:1", ArbiterErrorCode.TypeNotFound)]
    [InlineData("alice", "read", "tenant:a", ArbiterErrorCode.TypeNotFound)]
    [InlineData("al ice", "read", "document:a-doc", ArbiterErrorCode.ValidationError)]
    [InlineData("alice", "read", "document", ArbiterErrorCode.InvalidTuple)]
    public async Task CheckAsync_BadRequest_ThrowsNamingTheProblem(string user, string action, string resource, ArbiterErrorCode code)
    {
        var ex = await Should.ThrowAsync<ArbiterException>(async () => await Create().CheckAsync(user, action, resource, "a"));

        ex.Code.ShouldBe(code);
    }

    [Fact]
    public async Task ListActionsAsync_GivesTheActionsOnly_InPolicyOrder()
    {
        var authorizer = Create();

        (await authorizer.ListActionsAsync("emil", "document:a-doc", "a")).ShouldBe(["read", "write"]);
        (await authorizer.ListActionsAsync("alice", "document:a-doc", "a")).ShouldBe(["read", "write", "delete"]);
        (await authorizer.ListActionsAsync("alice", "document:a-doc", "b")).ShouldBeEmpty();
    }

    [Fact]
    public async Task AssignmentHelpers_WriteRelationshipsThatCountAtOnce()
    {
        var authorizer = Create();

        authorizer.AssignRole("fred", "viewer", "b");
        authorizer.AssignResourceRole("gina", "admin", "document:a-other");
        authorizer.SetResourceTenant("document:later", "b");

        (await Allowed(authorizer, "fred", "read", "document:b-doc", "b")).ShouldBeTrue();
        (await Allowed(authorizer, "gina", "delete", "document:a-other", "a")).ShouldBeTrue();
        (await Allowed(authorizer, "fred", "read", "document:later", "b")).ShouldBeTrue();
        (await Allowed(authorizer, "alice", "read", "document:later", "a")).ShouldBeFalse();
        Should.Throw<ArbiterException>(() => authorizer.AssignRole("fred", "ghost", "b"));
    }

    [Fact]
    public async Task Create_FromABrokenPolicy_LeavesNothingHalfBuilt()
    {
        var authorizer = Create();
        var broken = Yaml.Replace("cleo: {tenants: {a: viewer}}", "cleo: {tenants: {a: [viewer, ghost]}}", StringComparison.Ordinal);

        var ex = Should.Throw<Arbiter.Model.ModelValidationException>(() => PolicyDocument.Parse(broken));

        ex.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("unknown-role");
        (await Allowed(authorizer, "cleo", "read", "document:a-doc", "a")).ShouldBeTrue();
    }

    [Fact]
    public void Create_CompiledModel_PassesTheModelValidator() =>
        Arbiter.Parsing.ModelValidator.Validate(PolicyDocument.Parse(Yaml).Model).ShouldBeEmpty();

    [Fact]
    public async Task CheckAsync_ResourceWithTwoStoredTenants_IsDeniedInEither()
    {
        var authorizer = Create();
        authorizer.SetResourceTenant("document:shared", "a");
        authorizer.SetResourceTenant("document:shared", "b");

        (await Allowed(authorizer, "alice", "read", "document:shared", "a")).ShouldBeFalse();
        (await Allowed(authorizer, "bert", "read", "document:shared", "b")).ShouldBeFalse();
        var decision = await authorizer.CheckAsync(new PolicyCheckRequest("alice", "read", "document:shared", "a") { Explain = true });
        decision.Explanation!.Description.ShouldContain("2 stored tenants");
    }

    [Fact]
    public async Task CheckAsync_WhileTheResourceMovesToAnotherTenant_NeverAllowsOnTheNewRevision()
    {
        // alice is admin in tenant a; document:moving has no tenant until another thread puts it in tenant b.
        // An allow is right only on a revision before that write; on or after it, alice must be denied.
        for (var round = 0; round < 200; round++)
        {
            var authorizer = Create();
            var moved = -1L;
            using var start = new ManualResetEventSlim();
            var writer = Task.Run(() =>
            {
                start.Wait();
                Volatile.Write(ref moved, authorizer.SetResourceTenant("document:moving", "b"));
            });
            start.Set();
            var decisions = new List<Decision>();
            while (!writer.IsCompleted)
            {
                decisions.Add(await authorizer.CheckAsync("alice", "write", "document:moving", "a"));
            }
            await writer;
            decisions.Add(await authorizer.CheckAsync("alice", "write", "document:moving", "a"));

            var movedAt = Volatile.Read(ref moved);
            foreach (var decision in decisions.Where(d => d.Allowed))
            {
                decision.Revision.ShouldBeLessThan(movedAt, $"round {round}: allowed at revision {decision.Revision}, the move landed at {movedAt}");
            }
            decisions[^1].Allowed.ShouldBeFalse();
        }
    }
}
