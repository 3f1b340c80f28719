using Arbiter.Policy;

namespace Arbiter.Tests.Policy;

/// <summary>Rules, sets and attribute values decided by the engine through <see cref="PolicyAuthorizer"/>.</summary>
public class PolicyRulesEndToEndTests
{
    private const string Reports = """
        resources:
          report:
            actions: [read, write, delete]
            attributes: {department: string, hasApproval: bool, classification: int, status: string}
        userAttributes: {department: string, location: string, clearance: int}
        userSets:
          in_england: subject.location == "England"
          cleared: subject.clearance >= 3
        resourceSets:
          approved_reports: {resource: report, when: object.hasApproval}
        roles:
          viewer: {grants: {report: [read]}}
          editor: {includes: viewer, grants: {report: [write]}}
        rules:
          - {resource: report, allow: [read], when: subject.department == object.department}
          - {resource: report, allow: [read], userSet: in_england, resourceSet: approved_reports}
          - {resource: report, allow: [write], roles: [viewer], when: subject.clearance >= object.classification}
          - {resource: report, deny: [write, delete], when: object.status == "archived"}
          - {resource: report, deny: ["*"], userSet: [cleared], when: context.ip_blocked}
        users:
          alice: {roles: viewer, attributes: {department: sales, location: England, clearance: 2}}
          bob: {attributes: {department: it, location: France, clearance: 1}}
          erin: {roles: editor, attributes: {department: hr, location: France, clearance: 5}}
          vic: {roles: viewer, attributes: {department: hr, location: France, clearance: 1}}
        instances:
          report:sales: {attributes: {department: sales, hasApproval: false, classification: 1, status: open}}
          report:it: {attributes: {department: it, hasApproval: true, classification: 4, status: open}}
          report:old: {attributes: {department: it, hasApproval: true, classification: 0, status: archived}}
          report:bare: {}
        """;

    private static readonly Dictionary<string, object?> NotBlocked = new() { ["ip_blocked"] = false };

    private readonly PolicyAuthorizer _authorizer = PolicyAuthorizer.Create(PolicyDocument.Parse(Reports, "reports.yaml"));

    [Theory]
    [InlineData("bob", "report:it", true)]      // it reads it
    [InlineData("bob", "report:sales", false)]  // not sales
    public async Task AllowRule_SameDepartment(string user, string resource, bool allowed) =>
        (await Check(user, "read", resource)).ShouldBe(allowed);

    [Fact]
    public async Task AllowRule_UserSetAndResourceSet_MustBothHold()
    {
        var policy = PolicyDocument.Parse(Reports.Replace("clearance: 5}}", "clearance: 5}}\n  fred: {attributes: {department: x, location: England}}", StringComparison.Ordinal));
        var authorizer = PolicyAuthorizer.Create(policy);

        (await Check(authorizer, "fred", "read", "report:it")).ShouldBeTrue("England and approved");
        (await Check(authorizer, "fred", "read", "report:sales")).ShouldBeFalse("not approved");
        (await Check(authorizer, "bob", "read", "report:old")).ShouldBeTrue("bob's department");
        (await Check(authorizer, "fred", "write", "report:it")).ShouldBeFalse("the rule allows read only");
    }

    [Fact]
    public async Task ConditionalRoleGrant_NeedsTheRoleAndTheCondition()
    {
        (await Check("alice", "write", "report:sales")).ShouldBeTrue("viewer with clearance 2 >= 1");
        (await Check("alice", "write", "report:it")).ShouldBeFalse("clearance 2 < 4");
        (await Check("bob", "write", "report:sales")).ShouldBeFalse("clearance 1 >= 1 but not a viewer");
    }

    [Fact]
    public async Task DenyRule_WinsOverRoleGrantAndAllowRule()
    {
        (await Check("erin", "write", "report:sales")).ShouldBeTrue("an editor writes");
        (await Check("erin", "write", "report:old")).ShouldBeFalse("archived: the deny wins over the editor role");
        (await Check("alice", "write", "report:old")).ShouldBeFalse("archived: the deny wins over the conditional grant (clearance 2 >= 0)");
        (await Check("bob", "read", "report:old")).ShouldBeTrue("the deny names write and delete only");
    }

    [Fact]
    public async Task DenyRule_WithContext_WinsOverEverything()
    {
        var blocked = new Dictionary<string, object?> { ["ip_blocked"] = true };

        (await Check("erin", "read", "report:sales", context: blocked)).ShouldBeFalse("cleared and blocked");
        (await Check("erin", "read", "report:sales", context: NotBlocked)).ShouldBeTrue();
        (await Check("alice", "read", "report:sales", context: blocked)).ShouldBeTrue("clearance 2 is not in the cleared set");
    }

    [Fact]
    public async Task JustInTimeAttributes_OverrideStoredOnes()
    {
        (await Check("bob", "read", "report:sales", user: new() { ["department"] = "sales" })).ShouldBeTrue("JIT department");
        (await Check("bob", "read", "report:it", user: new() { ["department"] = "sales" })).ShouldBeFalse("the stored department no longer counts");
        (await Check("erin", "write", "report:sales", resource: new() { ["status"] = "archived" })).ShouldBeFalse("JIT status");
        (await Check("alice", "write", "report:it", user: new() { ["clearance"] = 4 })).ShouldBeTrue("JIT clearance 4 >= 4");
        (await Check("alice", "read", "report:bare", resource: new() { ["department"] = "sales" })).ShouldBeTrue("a resource with no stored values");
    }

    [Fact]
    public async Task FailingCondition_NeverAllows()
    {
        // report:bare has no attributes: the department rule cannot be evaluated for bob, who holds no role.
        var decision = await _authorizer.CheckAsync(new PolicyCheckRequest("bob", "read", "report:bare") { Context = NotBlocked });
        decision.Allowed.ShouldBeFalse();

        // A deny rule that cannot be evaluated (erin is cleared; ip_blocked is missing) denies, with the error.
        var denied = await _authorizer.CheckAsync(new PolicyCheckRequest("erin", "read", "report:sales"));
        denied.Allowed.ShouldBeFalse();
        denied.Error.ShouldNotBeNull();
    }

    [Fact]
    public async Task ListActions_UsesContextAndJustInTimeValues()
    {
        var request = new PolicyListActionsRequest("erin", "report:sales") { Context = NotBlocked };

        (await _authorizer.ListActionsAsync(request)).ShouldBe(["read", "write"]);
        (await _authorizer.ListActionsAsync(request with { ResourceAttributes = new Dictionary<string, object?> { ["status"] = "archived" } })).ShouldBe(["read"]);
        (await _authorizer.ListActionsAsync(request with { Context = new Dictionary<string, object?> { ["ip_blocked"] = true } })).ShouldBeEmpty();
        (await _authorizer.ListActionsAsync("erin", "report:sales")).ShouldBeEmpty("without context the deny rule fails, and a failed decision is left out");
    }

    [Fact]
    public async Task TestFile_TypesItsValuesByThePolicy()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory();
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "reports.yaml"), Reports);
            var file = Path.Combine(folder.FullName, "more.policytest.yaml");
            await File.WriteAllTextAsync(file, """
                policy: reports.yaml
                tests:
                  - {user: bob, resource: report:sales, userAttributes: {department: sales}, context: {ip_blocked: false}, allow: [read], deny: [write]}
                  - {user: bob, resource: report:sales, context: {ip_blocked: false}, deny: [read]}
                """);

            var report = PolicyTestRunner.RunFile(file);

            report.Results.Count.ShouldBe(3);
            report.AllPassed.ShouldBeTrue(string.Join("; ", report.Results));

            await File.WriteAllTextAsync(file, "policy: reports.yaml\ntests:\n  - {user: bob, resource: report:sales, userAttributes: {clearance: high}, allow: [read, write]}\n");
            var ex = Should.Throw<Arbiter.Model.ModelValidationException>(() => PolicyTestRunner.RunFile(file));
            ex.Diagnostics.ShouldHaveSingleItem().ToString().ShouldContain("more.policytest.yaml:3:69: attribute 'clearance'");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task UnknownUser_IsDenied() => (await Check("nobody", "read", "report:it")).ShouldBeFalse();

    [Fact]
    public void StoredValues_AreWrittenToTheEngine()
    {
        var values = _authorizer.Engine.ReadAttributes(new ObjectRef("user", "alice"));

        values["clearance"].ShouldBe(2L);
    }

    private Task<bool> Check(
        string who, string action, string what,
        Dictionary<string, object?>? user = null, Dictionary<string, object?>? resource = null, Dictionary<string, object?>? context = null) =>
        Check(_authorizer, who, action, what, user, resource, context);

    private static async Task<bool> Check(
        PolicyAuthorizer authorizer, string user, string action, string resource,
        Dictionary<string, object?>? userValues = null, Dictionary<string, object?>? resourceValues = null, Dictionary<string, object?>? context = null)
    {
        var decision = await authorizer.CheckAsync(new PolicyCheckRequest(user, action, resource)
        {
            UserAttributes = userValues,
            ResourceAttributes = resourceValues,
            Context = context ?? NotBlocked,
        });
        return decision.Allowed;
    }
}
