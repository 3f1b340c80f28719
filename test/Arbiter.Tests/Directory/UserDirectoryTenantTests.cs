using Arbiter.Directory;

namespace Arbiter.Tests.Directory;

public class UserDirectoryTenantTests
{
    private static readonly UserDirectory Directory = UserDirectory.FromYaml("""
        roles:
          admin: {scopes: [admin:users]}
          viewer: {scopes: [read:status]}
        unique_claims: [email, sub]
        users:
          anne:
            email: anne@example.com
            roles: viewer
            tenants:
              acme: {roles: [admin], sub: "auth0|1"}
              globex: {sub: "auth0|1"}
          bert:
            email: bert@example.com
            tenants: [globex]
          cleo:
            email: cleo@example.com
            tenants:
              acme: admin
              initech:
                email: cleo@initech.example
        """);

    [Fact]
    public void GetUserRoles_WithoutTenant_GivesTopLevelRolesOnly() =>
        Directory.GetUserRoles("anne").ShouldBe(["viewer"]);

    [Fact]
    public void GetUserRoles_InTenant_AddsThatTenantsRoles() =>
        Directory.GetUserRoles("anne", "acme").ShouldBe(["viewer", "admin"], ignoreOrder: true);

    [Fact]
    public void GetUserRoles_InAnotherTenant_DoesNotCarryTheFirstTenantsRoles() =>
        Directory.GetUserRoles("anne", "globex").ShouldBe(["viewer"]);

    [Fact]
    public void GetUserRoles_InATenantTheUserDoesNotBelongTo_IsEmpty()
    {
        Directory.GetUserRoles("anne", "initech").ShouldBeEmpty();
        Directory.GetUserScopes("cleo", "globex").ShouldBeEmpty();
    }

    [Fact]
    public void GetUserRoles_TenantRolesAsString_AreRead() =>
        Directory.GetUserRoles("cleo", "acme").ShouldBe(["admin"]);

    [Fact]
    public void GetUserScopes_InTenant_UsesTheRolesThatCountThere()
    {
        Directory.GetUserScopes("anne", "acme").ShouldBe(["read:status", "admin:users"], ignoreOrder: true);
        Directory.GetUserScopes("anne").ShouldBe(["read:status"]);
    }

    [Fact]
    public void GetUserTenants_ListAndMappingForms_GiveTheTenants()
    {
        Directory.GetUserTenants("anne").ShouldBe(["acme", "globex"], ignoreOrder: true);
        Directory.GetUserTenants("bert").ShouldBe(["globex"]);
        Directory.GetUserTenants("nobody").ShouldBeEmpty();
    }

    [Fact]
    public void FindByClaim_TenantScopedClaim_IsFoundOnlyInThatTenant()
    {
        Directory.FindByClaim("sub", "auth0|1", "acme").Username.ShouldBe("anne");
        Directory.FindByClaim("sub", "auth0|1").Status.ShouldBe(ClaimLookupStatus.NotFound);
        Directory.FindByClaim("sub", "auth0|1", "initech").Status.ShouldBe(ClaimLookupStatus.NotFound);
    }

    [Fact]
    public void FindByClaim_TenantOverride_WinsInThatTenantOnly()
    {
        Directory.FindByClaim("email", "cleo@initech.example", "initech").Username.ShouldBe("cleo");
        Directory.FindByClaim("email", "cleo@initech.example").Status.ShouldBe(ClaimLookupStatus.NotFound);
        Directory.FindByClaim("email", "cleo@example.com", "acme").Username.ShouldBe("cleo");
        Directory.FindByClaim("email", "cleo@example.com", "initech").Status.ShouldBe(ClaimLookupStatus.NotFound);
    }

    [Fact]
    public void FindByClaim_InTenant_SkipsNonMembers() =>
        Directory.FindByClaim("email", "bert@example.com", "acme").Status.ShouldBe(ClaimLookupStatus.NotFound);

    [Fact]
    public void GetUserInfo_InTenant_MergesTenantAttributes()
    {
        var info = Directory.GetUserInfo("cleo", "initech");

        info.Tenant.ShouldBe("initech");
        info.Attributes["email"].ShouldBe("cleo@initech.example");
        Directory.GetUserInfo("cleo").Attributes["email"].ShouldBe("cleo@example.com");
        Directory.GetUserInfo("cleo", "globex").Attributes.ShouldBeEmpty();
    }

    [Fact]
    public void UniqueClaims_AreExposed() =>
        Directory.UniqueClaims.ShouldBe(["email", "sub"], ignoreOrder: true);
}
