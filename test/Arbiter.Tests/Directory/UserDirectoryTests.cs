using Arbiter.Directory;

namespace Arbiter.Tests.Directory;

public class UserDirectoryTests
{
    private const string Yaml = """
        roles:            # role -> scopes
          admin: {scopes: [read:status, write:queue, admin:users]}
          advanced: {scopes: [read:status, write:queue]}
          auditor: {scopes: read:audit, description: reads the audit log}
        users:
          bob: {roles: [admin, expert], email: bob@gmail.com}
          jdoe: {roles: advanced, displayed_name: "Doe, John", email: jdoe@gmail.com}
          carol:          # known, but no roles and so no access
          dan: {displayed_name: Dan Brown}
        """;

    private static readonly UserDirectory Directory = UserDirectory.FromYaml(Yaml);

    [Theory]
    [InlineData("bob", true)]
    [InlineData("jdoe", true)]
    [InlineData("carol", true)]
    [InlineData("mallory", false)]
    [InlineData("Bob", false)]
    public void IsUserKnown_ListedUsers_AreKnownOrdinally(string username, bool known) =>
        Directory.IsUserKnown(username).ShouldBe(known);

    [Fact]
    public void GetUserRoles_RoleAsList_GivesEveryRole() =>
        Directory.GetUserRoles("bob").ShouldBe(["admin", "expert"], ignoreOrder: true);

    [Fact]
    public void GetUserRoles_RoleAsString_GivesThatRole() =>
        Directory.GetUserRoles("jdoe").ShouldBe(["advanced"]);

    [Fact]
    public void GetUserRoles_KnownUserWithoutRoles_IsEmpty() =>
        Directory.GetUserRoles("carol").ShouldBeEmpty();

    [Fact]
    public void GetUserRoles_UnknownUser_IsEmpty() =>
        Directory.GetUserRoles("mallory").ShouldBeEmpty();

    [Fact]
    public void GetUserScopes_SeveralRoles_GivesTheUnion_AndAnUndefinedRoleGivesNothing() =>
        Directory.GetUserScopes("bob").ShouldBe(["read:status", "write:queue", "admin:users"], ignoreOrder: true);

    [Fact]
    public void GetUserScopes_OneRole_GivesItsScopes() =>
        Directory.GetUserScopes("jdoe").ShouldBe(["read:status", "write:queue"], ignoreOrder: true);

    [Theory]
    [InlineData("carol")]
    [InlineData("mallory")]
    public void GetUserScopes_NoRolesOrUnknown_IsEmpty(string username) =>
        Directory.GetUserScopes(username).ShouldBeEmpty();

    [Theory]
    [InlineData("bob", "bob <bob@gmail.com>")]
    [InlineData("jdoe", "jdoe \"Doe, John <jdoe@gmail.com>\"")]
    [InlineData("dan", "dan \"Dan Brown\"")]
    [InlineData("carol", "carol")]
    [InlineData("mallory", "mallory")]
    public void GetDisplayedUserName_ShowsWhatIsKnown(string username, string expected) =>
        Directory.GetDisplayedUserName(username).ShouldBe(expected);

    [Fact]
    public void GetUserInfo_KnownUser_GathersEverything()
    {
        var info = Directory.GetUserInfo("jdoe");

        info.IsKnown.ShouldBeTrue();
        info.Username.ShouldBe("jdoe");
        info.DisplayedName.ShouldBe("jdoe \"Doe, John <jdoe@gmail.com>\"");
        info.Roles.ShouldBe(["advanced"]);
        info.Scopes.ShouldBe(["read:status", "write:queue"], ignoreOrder: true);
        info.Attributes["email"].ShouldBe("jdoe@gmail.com");
        info.Attributes["displayed_name"].ShouldBe("Doe, John");
        info.Attributes.ContainsKey("roles").ShouldBeFalse();
        info.Tenants.ShouldBeEmpty();
    }

    [Fact]
    public void GetUserInfo_UnknownUser_IsEmptyNotAnError()
    {
        var info = Directory.GetUserInfo("mallory");

        info.IsKnown.ShouldBeFalse();
        info.DisplayedName.ShouldBe("mallory");
        info.Roles.ShouldBeEmpty();
        info.Scopes.ShouldBeEmpty();
        info.Attributes.ShouldBeEmpty();
    }

    [Fact]
    public void Usernames_AndRoles_ListTheFileInOrder()
    {
        Directory.Usernames.ShouldBe(["bob", "jdoe", "carol", "dan"]);
        Directory.Roles.Keys.ShouldBe(["admin", "advanced", "auditor"], ignoreOrder: true);
        Directory.Roles["auditor"].ShouldBe(["read:audit"]);
    }

    [Fact]
    public void FindByClaim_UniqueEmail_FindsTheUser()
    {
        var result = Directory.FindByClaim("email", "jdoe@gmail.com");

        result.Status.ShouldBe(ClaimLookupStatus.Found);
        result.Username.ShouldBe("jdoe");
        Directory.TryFindByClaim("email", "bob@gmail.com", out var bob).ShouldBeTrue();
        bob.ShouldBe("bob");
    }

    [Theory]
    [InlineData("email", "nobody@gmail.com")]
    [InlineData("email", "JDOE@gmail.com")]
    [InlineData("sub", "jdoe@gmail.com")]
    public void FindByClaim_NoMatch_IsNotFound(string claim, string value)
    {
        Directory.FindByClaim(claim, value).Status.ShouldBe(ClaimLookupStatus.NotFound);
        Directory.TryFindByClaim(claim, value, out var username).ShouldBeFalse();
        username.ShouldBeNull();
    }

    [Fact]
    public void FindByClaim_ValueSharedByTwoUsers_IsAmbiguousAndPicksNobody()
    {
        var directory = UserDirectory.FromYaml("""
            users:
              anne: {department: eng}
              bert: {department: eng}
              cleo: {department: ops}
            """);

        var result = directory.FindByClaim("department", "eng");

        result.Status.ShouldBe(ClaimLookupStatus.Ambiguous);
        result.Username.ShouldBeNull();
        result.Matches.ShouldBe(["anne", "bert"]);
        directory.TryFindByClaim("department", "eng", out _).ShouldBeFalse();
        directory.FindByClaim("department", "ops").Username.ShouldBe("cleo");
    }

    [Fact]
    public void FindByClaim_ListValuedAttribute_MatchesAnyItem()
    {
        var directory = UserDirectory.FromYaml("users:\n  anne: {aliases: [a.smith, annie]}\n");

        directory.FindByClaim("aliases", "annie").Username.ShouldBe("anne");
    }

    [Fact]
    public void Attributes_NestedValues_AreKeptAsPlainValues()
    {
        var directory = UserDirectory.FromYaml("""
            users:
              anne:
                address: {city: Paris, zip: "75001"}
                badges: [gold, early]
                nickname: ~
            """);

        var attributes = directory.GetUserInfo("anne").Attributes;

        attributes["address"].ShouldBeAssignableTo<IReadOnlyDictionary<string, object?>>()!["city"].ShouldBe("Paris");
        attributes["badges"].ShouldBeAssignableTo<IReadOnlyList<object?>>()!.ShouldBe(["gold", "early"]);
        attributes["nickname"].ShouldBeNull();
    }

    [Fact]
    public void FromYaml_EmptyText_GivesAnEmptyDirectory()
    {
        var directory = UserDirectory.FromYaml("");

        directory.Usernames.ShouldBeEmpty();
        directory.IsUserKnown("bob").ShouldBeFalse();
    }

    [Fact]
    public void FromYaml_NoUsersSection_KnowsNobody()
    {
        var directory = UserDirectory.FromYaml("roles:\n  admin: {scopes: [x]}\n");

        directory.IsUserKnown("admin").ShouldBeFalse();
        directory.Roles.Count.ShouldBe(1);
    }

    [Fact]
    public void Load_File_ReadsIt_AndNamesTheFileInErrors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"arbiter-dir-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, Yaml);
            UserDirectory.Load(path).IsUserKnown("bob").ShouldBeTrue();

            File.WriteAllText(path, "roles: 5\n");
            var ex = Should.Throw<Arbiter.Model.ModelValidationException>(() => UserDirectory.Load(path));
            ex.Diagnostics[0].Source.ShouldBe(path);
            ex.Message.ShouldContain(path + ":1:8");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Empty_KnowsNobodyAndNoRole()
    {
        UserDirectory.Empty.Usernames.ShouldBeEmpty();
        UserDirectory.Empty.Roles.ShouldBeEmpty();
        UserDirectory.Empty.GetUserInfo("bob").IsKnown.ShouldBeFalse();
    }

    [Fact]
    public void FromYaml_AnchorsAndAliases_AreFollowed()
    {
        var directory = UserDirectory.FromYaml("""
            users:
              bob: &operator {roles: [ops, oncall]}
              carol: *operator
            """);

        directory.GetUserRoles("carol").ShouldBe(["ops", "oncall"], ignoreOrder: true);
    }
}
