using Arbiter.Acl;

namespace Arbiter.Tests.Acl;

public class AccessControlListTests
{
    private static AccessControlList Blog()
    {
        var acl = new AccessControlList();
        acl.Add(new Dictionary<string, string[]>
        {
            ["/article"] = ["view", "edit", "delete"],
            ["/comment"] = ["view", "create"],
        });
        acl.AddRoles(["admin", "editor", "reader"]);
        acl.Grants(new Dictionary<string, Dictionary<string, string[]>>
        {
            ["reader"] = new() { ["/article"] = ["view"], ["/comment"] = ["view"] },
            ["editor"] = new() { ["/article"] = ["view", "edit"], ["/comment"] = ["view", "create"] },
            ["admin"] = new() { ["/article"] = ["view", "edit", "delete"] },
        });
        return acl;
    }

    [Fact]
    public void AddRole_And_AddRoles_ListEachRoleOnce()
    {
        var acl = new AccessControlList();

        acl.AddRole("admin");
        acl.AddRoles(["admin", "user", "guest"]);

        acl.GetRoles().ShouldBe(["admin", "user", "guest"], ignoreOrder: true);
    }

    [Fact]
    public void AddResource_WithoutPermissions_IsListedWithEmptySet()
    {
        var acl = new AccessControlList();

        acl.AddResource("blog");

        acl.GetResources().ShouldBe(["blog"]);
        acl.GetPermissions("blog").ShouldBeEmpty();
        acl.Get().ContainsKey("blog").ShouldBeTrue();
        acl.Get()["blog"].ShouldBeEmpty();
    }

    [Fact]
    public void AddPermission_CreatesTheResourceWhenMissing()
    {
        var acl = new AccessControlList();

        acl.AddPermission("blog", "read");
        acl.AddPermission("blog", "write");

        acl.GetPermissions("blog").ShouldBe(["read", "write"], ignoreOrder: true);
    }

    [Fact]
    public void Add_Structure_IsReturnedByGet()
    {
        var acl = Blog();

        var structure = acl.Get();

        structure.Keys.ShouldBe(["/article", "/comment"], ignoreOrder: true);
        structure["/article"].ShouldBe(["view", "edit", "delete"], ignoreOrder: true);
        structure["/comment"].ShouldBe(["view", "create"], ignoreOrder: true);
    }

    [Fact]
    public void Grant_CreatesMissingRoleResourceAndPermission()
    {
        var acl = new AccessControlList();

        acl.Grant("admin", "blog", "delete");

        acl.GetRoles().ShouldBe(["admin"]);
        acl.GetResources().ShouldBe(["blog"]);
        acl.GetPermissions("blog").ShouldBe(["delete"]);
        acl.Check("admin", "blog", "delete").ShouldBeTrue();
    }

    [Fact]
    public void Check_AnswersOnlyForGrantedPermissions()
    {
        var acl = Blog();

        acl.Check("editor", "/article", "edit").ShouldBeTrue();
        acl.Check("reader", "/article", "edit").ShouldBeFalse();
        acl.Check("reader", "/comment", "create").ShouldBeFalse();
    }

    [Fact]
    public void Check_UnknownRoleResourceOrPermission_IsFalseNotAnError()
    {
        var acl = Blog();

        acl.Check("nobody", "/article", "view").ShouldBeFalse();
        acl.Check("admin", "/nothing", "view").ShouldBeFalse();
        acl.Check("admin", "/article", "fly").ShouldBeFalse();
    }

    [Fact]
    public void CheckAny_And_CheckAll_AreFalseForNoRoles()
    {
        var acl = Blog();

        acl.CheckAny([], "/article", "view").ShouldBeFalse();
        acl.CheckAll([], "/article", "view").ShouldBeFalse();
    }

    [Fact]
    public void CheckAny_TrueWhenOneRoleHasIt_CheckAll_OnlyWhenEveryRoleHasIt()
    {
        var acl = Blog();

        acl.CheckAny(["reader", "admin"], "/article", "delete").ShouldBeTrue();
        acl.CheckAll(["reader", "admin"], "/article", "delete").ShouldBeFalse();
        acl.CheckAll(["reader", "editor", "admin"], "/article", "view").ShouldBeTrue();
    }

    [Fact]
    public void Revoke_RemovesOneGrant_AndRevokingAMissingGrantDoesNothing()
    {
        var acl = Blog();

        acl.Revoke("editor", "/article", "edit");
        acl.Revoke("editor", "/article", "fly");

        acl.Check("editor", "/article", "edit").ShouldBeFalse();
        acl.Check("editor", "/article", "view").ShouldBeTrue();
        acl.GetPermissions("/article").ShouldContain("edit");
    }

    [Fact]
    public void RevokeAll_OnOneResource_KeepsGrantsElsewhere()
    {
        var acl = Blog();

        acl.RevokeAll("editor", "/article");

        acl.WhichPermissions("editor", "/article").ShouldBeEmpty();
        acl.WhichPermissions("editor", "/comment").ShouldBe(["view", "create"], ignoreOrder: true);
        acl.GetRoles().ShouldContain("editor");
    }

    [Fact]
    public void RevokeAll_WithoutResource_RemovesEveryGrantButKeepsTheRole()
    {
        var acl = Blog();

        acl.RevokeAll("editor");

        acl.Which("editor").ShouldBeEmpty();
        acl.GetRoles().ShouldContain("editor");
    }

    [Fact]
    public void RemoveRole_RemovesItsGrants()
    {
        var acl = Blog();

        acl.RemoveRole("admin");

        acl.GetRoles().ShouldNotContain("admin");
        acl.Check("admin", "/article", "delete").ShouldBeFalse();
        acl.Show().ContainsKey("admin").ShouldBeFalse();
        acl.Check("editor", "/article", "edit").ShouldBeTrue();
    }

    [Fact]
    public void RemoveResource_RemovesItsPermissionsAndGrants()
    {
        var acl = Blog();

        acl.RemoveResource("/article");

        acl.GetResources().ShouldBe(["/comment"]);
        acl.GetPermissions("/article").ShouldBeEmpty();
        acl.Check("admin", "/article", "view").ShouldBeFalse();
        acl.Show().ContainsKey("admin").ShouldBeFalse();
        acl.Which("editor").Keys.ShouldBe(["/comment"]);
    }

    [Fact]
    public void RemovePermission_KeepsTheResourceWithAnEmptySet_AndRemovesItsGrants()
    {
        var acl = new AccessControlList();
        acl.Grant("admin", "blog", "read");

        acl.RemovePermission("blog", "read");

        acl.GetResources().ShouldBe(["blog"]);
        acl.GetPermissions("blog").ShouldBeEmpty();
        acl.Check("admin", "blog", "read").ShouldBeFalse();
        acl.Which("admin").ShouldBeEmpty();
    }

    [Fact]
    public void Clear_RemovesEverything()
    {
        var acl = Blog();

        acl.Clear();

        acl.GetRoles().ShouldBeEmpty();
        acl.GetResources().ShouldBeEmpty();
        acl.Show().ShouldBeEmpty();
        acl.Check("admin", "/article", "view").ShouldBeFalse();
    }

    [Fact]
    public void WhichPermissions_AnyIsUnion_AllIsIntersection()
    {
        var acl = Blog();

        acl.WhichPermissions("editor", "/article").ShouldBe(["view", "edit"], ignoreOrder: true);
        acl.WhichPermissionsAny(["reader", "admin"], "/article").ShouldBe(["view", "edit", "delete"], ignoreOrder: true);
        acl.WhichPermissionsAll(["editor", "admin"], "/article").ShouldBe(["view", "edit"], ignoreOrder: true);
        acl.WhichPermissionsAll([], "/article").ShouldBeEmpty();
        acl.WhichPermissions("nobody", "/article").ShouldBeEmpty();
    }

    [Fact]
    public void Which_WhichAny_WhichAll_MapResourcesToPermissions()
    {
        var acl = Blog();

        var which = acl.Which("reader");
        which.Keys.ShouldBe(["/article", "/comment"], ignoreOrder: true);
        which["/comment"].ShouldBe(["view"]);

        var any = acl.WhichAny(["reader", "admin"]);
        any["/article"].ShouldBe(["view", "edit", "delete"], ignoreOrder: true);
        any["/comment"].ShouldBe(["view"]);

        var all = acl.WhichAll(["editor", "admin"]);
        all.Keys.ShouldBe(["/article"]);
        all["/article"].ShouldBe(["view", "edit"], ignoreOrder: true);

        acl.WhichAll([]).ShouldBeEmpty();
    }

    [Fact]
    public void Show_ListsEveryGrantByRole()
    {
        var acl = Blog();
        acl.AddRole("idle");

        var show = acl.Show();

        show.Keys.ShouldBe(["admin", "editor", "reader"], ignoreOrder: true);
        show["editor"]["/comment"].ShouldBe(["view", "create"], ignoreOrder: true);
    }

    [Fact]
    public void Grants_AcceptsWhatShowReturns()
    {
        var source = Blog();
        var copy = new AccessControlList();

        copy.Grants(source.Show());

        copy.Export().ShouldNotBeNull();
        copy.Show()["admin"]["/article"].ShouldBe(["view", "edit", "delete"], ignoreOrder: true);
    }

    [Fact]
    public void ExportImport_RoundTripsTheWholeState()
    {
        var acl = Blog();
        acl.AddRole("idle");
        acl.AddResource("empty");

        var json = acl.Export();
        var copy = AccessControlList.Import(json);

        copy.Export().ShouldBe(json);
        copy.GetRoles().ShouldContain("idle");
        copy.Get()["empty"].ShouldBeEmpty();
        copy.Check("editor", "/comment", "create").ShouldBeTrue();
    }

    [Theory]
    [InlineData("anne smith", "doc #1: draft", "read/write")]
    [InlineData("ünï", "日本", "%2F")]
    public void Names_WithAnyCharacters_RoundTrip(string role, string resource, string permission)
    {
        var acl = new AccessControlList();

        acl.Grant(role, resource, permission);

        acl.Check(role, resource, permission).ShouldBeTrue();
        acl.Which(role)[resource].ShouldBe([permission]);
        acl.GetPermissions(resource).ShouldBe([permission]);
        AccessControlList.Import(acl.Export()).Check(role, resource, permission).ShouldBeTrue();
    }

    [Theory]
    [InlineData("{", "malformed at 1:")]
    [InlineData("[]", "$ must be an object")]
    [InlineData("""{"format":"x","version":1}""", "$.format")]
    [InlineData("""{"format":"arbiter-acl","version":2}""", "$.version")]
    [InlineData("""{"format":"arbiter-acl","version":1,"extra":1}""", "$.extra")]
    [InlineData("""{"format":"arbiter-acl","version":1,"roles":[1]}""", "$.roles[0] must be a string")]
    [InlineData("""{"format":"arbiter-acl","version":1,"roles":["a"],"grants":{"b":{}}}""", "role 'b'")]
    [InlineData("""{"format":"arbiter-acl","version":1,"roles":["a"],"resources":{"r":["p"]},"grants":{"a":{"r":["q"]}}}""", "grants 'q' on 'r'")]
    public void Import_BadJson_SaysWhatAndWhere(string json, string expected)
    {
        var ex = Should.Throw<ArbiterException>(() => AccessControlList.Import(json));

        ex.Message.ShouldContain(expected);
    }

    [Fact]
    public void Import_NameTooLong_IsAValidationErrorNotACrash()
    {
        var json = $$"""{"format":"arbiter-acl","version":1,"roles":["{{new string('x', 500)}}"]}""";

        var ex = Should.Throw<ArbiterException>(() => AccessControlList.Import(json));

        ex.Message.ShouldContain("too long");
    }

    [Fact]
    public void EmptyNames_AreRejected()
    {
        var acl = new AccessControlList();

        Should.Throw<ArgumentException>(() => acl.Grant("", "blog", "read"));
        Should.Throw<ArgumentException>(() => acl.AddPermission("blog", ""));
        acl.GetResources().ShouldBeEmpty();
    }

    [Fact]
    public async Task Check_RunsOnTheEngine_WithAnExplanation()
    {
        var acl = Blog();

        var decision = await acl.Authorizer.CheckAsync(new CheckRequest(new SubjectRef("role", "editor"), "granted", new ObjectRef("permission", "%2Farticle/edit")) { Explain = true });

        decision.Allowed.ShouldBeTrue();
        decision.Explanation.ShouldNotBeNull();
    }
}
