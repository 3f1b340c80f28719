using Arbiter.Policy;

namespace Arbiter.Tests.Policy;

/// <summary>An allow rule never reaches across tenants: only members of the resource's tenant are admitted.</summary>
public class PolicyRulesTenantTests
{
    private const string Text = """
        resources:
          report:
            actions: [read, delete]
            attributes: {department: string}
        userAttributes: {department: string}
        roles:
          member: {}
          viewer: {grants: {report: [read]}}
        rules:
          - {resource: report, allow: read, when: subject.department == object.department}
          - {resource: report, deny: delete, when: subject.department != object.department}
        tenants: [acme, globex]
        instances:
          report:a: {tenant: acme, attributes: {department: sales}}
          report:g: {tenant: globex, attributes: {department: sales}}
        users:
          anne: {tenants: {acme: member}, attributes: {department: sales}}
          gus: {tenants: {globex: []}, attributes: {department: sales}}
          nora: {attributes: {department: sales}}
          root: {resources: {report:g: viewer}, attributes: {department: it}}
        """;

    private static readonly Dictionary<string, object?> Sales = new() { ["department"] = "sales" };

    private readonly PolicyAuthorizer _authorizer = PolicyAuthorizer.Create(PolicyDocument.Parse(Text, "tenants.yaml"));

    [Theory]
    [InlineData("anne", "report:a", "acme", true)]
    [InlineData("anne", "report:g", "globex", false)] // same department, other tenant
    [InlineData("anne", "report:g", "acme", false)]   // naming her own tenant does not help
    [InlineData("gus", "report:g", "globex", true)]   // a member with no role (globex: [])
    [InlineData("gus", "report:a", "acme", false)]
    [InlineData("gus", "report:a", "globex", false)]
    [InlineData("nora", "report:a", "acme", false)]   // in no tenant
    [InlineData("nora", "report:a", null, false)]
    public async Task AllowRule_AdmitsOnlyMembersOfTheResourcesTenant(string user, string resource, string? tenant, bool allowed) =>
        (await _authorizer.CheckAsync(user, "read", resource, tenant)).Allowed.ShouldBe(allowed);

    [Fact]
    public async Task AllowRule_OnAResourceWithNoStoredTenant_UsesTheNamedTenant()
    {
        var inAcme = new PolicyCheckRequest("anne", "read", "report:new", "acme") { ResourceAttributes = Sales };
        var inGlobex = inAcme with { Tenant = "globex" };

        (await _authorizer.CheckAsync(inAcme)).Allowed.ShouldBeTrue();
        (await _authorizer.CheckAsync(inGlobex)).Allowed.ShouldBeFalse();
    }

    [Fact]
    public async Task InstanceRole_StillCountsAndDenyRulesStillApply()
    {
        (await _authorizer.CheckAsync("root", "read", "report:g", "globex")).Allowed.ShouldBeTrue("an instance role is a grant");
        (await _authorizer.CheckAsync("root", "delete", "report:g", "globex")).Allowed.ShouldBeFalse("no grant, and the deny rule holds");
    }

    [Fact]
    public async Task Listing_FollowsTheSameScope()
    {
        (await _authorizer.ListActionsAsync("anne", "report:a", "acme")).ShouldBe(["read"]);
        (await _authorizer.ListActionsAsync("anne", "report:g", "globex")).ShouldBeEmpty();
    }
}
