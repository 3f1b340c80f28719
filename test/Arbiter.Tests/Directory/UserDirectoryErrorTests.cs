using Arbiter.Directory;
using Arbiter.Model;

namespace Arbiter.Tests.Directory;

public class UserDirectoryErrorTests
{
    private static ModelDiagnostic Single(string yaml)
    {
        var ex = Should.Throw<ModelValidationException>(() => UserDirectory.FromYaml(yaml, "users.yaml"));
        ex.Diagnostics.Count.ShouldBe(1, ex.Message);
        ex.Diagnostics[0].Source.ShouldBe("users.yaml");
        return ex.Diagnostics[0];
    }

    [Theory]
    [InlineData("roles: 5\n", "wrong-shape", 1, 8)]
    [InlineData("users: [bob]\n", "wrong-shape", 1, 8)]
    [InlineData("users:\n  bob: admin\n", "wrong-shape", 2, 8)]
    [InlineData("users:\n  bob: {roles: {a: b}}\n", "wrong-shape", 2, 16)]
    [InlineData("users:\n  bob: {roles: [admin, [x]]}\n", "wrong-shape", 2, 24)]
    [InlineData("roles:\n  admin: {scopes: [a], scope: b}\n", "unknown-key", 2, 24)]
    [InlineData("rolse:\n  admin: {}\n", "unknown-key", 1, 1)]
    [InlineData("roles:\n  admin: [a, b]\n", "wrong-shape", 2, 10)]
    [InlineData("users:\n  bob: {}\n  carol:\n  bob: {roles: x}\n", "duplicate-key", 4, 3)]
    [InlineData("users:\n  bob: {email: [a]}\n", "wrong-shape", 2, 16)]
    [InlineData("users:\n  bob: {tenants: {acme: {displayed_name: x}}}\n", "unknown-key", 2, 26)]
    [InlineData("users:\n  bob: {tenants: [acme, acme]}\n", "duplicate-key", 2, 25)]
    [InlineData("users:\n  '': {}\n", "invalid-name", 2, 3)]
    [InlineData("users:\n  bob: {roles: [a}\n", "yaml-syntax", 2, 18)]
    [InlineData("users:\n  bob: &x {}\n  carol: *y\n", "yaml-syntax", 3, 10)]
    [InlineData("users: {}\n---\nusers: {}\n", "yaml-syntax", 3, 1)]
    [InlineData("- a\n- b\n", "wrong-shape", 1, 1)]
    public void FromYaml_Mistake_IsReportedWithLineAndColumn(string yaml, string code, int line, int column)
    {
        var diagnostic = Single(yaml);

        diagnostic.Code.ShouldBe(code);
        diagnostic.Span.ShouldNotBeNull();
        (diagnostic.Span.Value.Line, diagnostic.Span.Value.Column).ShouldBe((line, column), diagnostic.ToString());
    }

    [Fact]
    public void FromYaml_UnterminatedFlowList_IsASyntaxErrorNotAYamlDotNetException()
    {
        var ex = Should.Throw<ModelValidationException>(() => UserDirectory.FromYaml("users: [1, 2\nroles: c"));

        ex.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("yaml-syntax");
    }

    [Fact]
    public void FromYaml_SharedValueOfAUniqueClaim_IsALoadErrorAtTheSecondUser()
    {
        var diagnostic = Single("""
            unique_claims: [email]
            users:
              bob: {email: same@example.com}
              jdoe: {email: same@example.com}
            """);

        diagnostic.Code.ShouldBe("duplicate-claim");
        diagnostic.Span!.Value.Line.ShouldBe(4);
        diagnostic.Message.ShouldContain("'jdoe'");
        diagnostic.Message.ShouldContain("'bob'");
        diagnostic.Message.ShouldNotContain("same@example.com");
    }

    [Fact]
    public void FromYaml_SharedValueOfAUniqueClaimInOneTenant_IsALoadError()
    {
        var diagnostic = Single("""
            unique_claims: [sub]
            users:
              bob: {tenants: {acme: {sub: "1"}}}
              jdoe: {tenants: {acme: {sub: "1"}, globex: {sub: "2"}}}
            """);

        diagnostic.Code.ShouldBe("duplicate-claim");
        diagnostic.Message.ShouldContain("tenant 'acme'");
        (diagnostic.Span!.Value.Line, diagnostic.Span.Value.Column).ShouldBe((4, 32));
    }

    [Fact]
    public void FromYaml_SameClaimValueInDifferentTenants_IsFine()
    {
        var directory = UserDirectory.FromYaml("""
            unique_claims: [sub]
            users:
              bob: {tenants: {acme: {sub: "1"}}}
              jdoe: {tenants: {globex: {sub: "1"}}}
            """);

        directory.FindByClaim("sub", "1", "globex").Username.ShouldBe("jdoe");
    }

    [Fact]
    public void FromYaml_SeveralMistakes_AreAllListedInSourceOrder()
    {
        var ex = Should.Throw<ModelValidationException>(() => UserDirectory.FromYaml("""
            roles:
              admin: {scopes: 5: 6}
            users:
              bob: {roles: {}}
            extra: 1
            """));

        ex.Diagnostics.Count.ShouldBeGreaterThanOrEqualTo(1);
        ex.Diagnostics.ShouldAllBe(d => d.Span != null);
    }

    [Fact]
    public void FromYaml_ManyMistakes_AreAllListed()
    {
        var ex = Should.Throw<ModelValidationException>(() => UserDirectory.FromYaml("""
            roles:
              admin: {scopes: [a], extra: 1}
            users:
              bob: {roles: {}}
            extra: 1
            """));

        ex.Diagnostics.Select(d => (d.Code, d.Span!.Value.Line)).ShouldBe(
            [("unknown-key", 2), ("wrong-shape", 4), ("unknown-key", 5)]);
    }
}
