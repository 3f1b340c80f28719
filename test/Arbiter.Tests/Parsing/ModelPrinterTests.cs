using Arbiter.Model;
using Arbiter.Parsing;

namespace Arbiter.Tests.Parsing;

public class ModelPrinterTests
{
    [Fact]
    public void ToDsl_Model_UsesCanonicalLayout()
    {
        var dsl = """
            model
                schema 1.1
            type user
            type doc
                relations
                    define owner: [user with b_cond, user:*]
                    define viewer: ([user]   and owner)   or   owner
            condition z_cond(b: int, a: list<string>) {
                  a.size() > b
            }
            condition b_cond(x: int) {
              x < 1
            }
            """;
        // z_cond is unused, so print the syntax-level model.
        var syntax = DslParser.Parse(dsl);
        syntax.Diagnostics.ShouldBeEmpty();
        var model = syntax.Model;

        ModelPrinter.ToDsl(model).ShouldBe("""
            model
              schema 1.1

            type user

            type doc
              relations
                define owner: [user with b_cond, user:*]
                define viewer: ([user] and owner) or owner

            condition b_cond(x: int) {
              x < 1
            }

            condition z_cond(a: list<string>, b: int) {
              a.size() > b
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void ToDsl_DirectAssignmentNotFirst_IsMovedFirstInUnionAndIntersection()
    {
        var model = new AuthorizationModel
        {
            Types =
            [
                new TypeDefinition("user", []),
                new TypeDefinition("doc",
                [
                    new RelationDefinition("a", new DirectUserset(), [new RelationReference("user")]),
                    new RelationDefinition("b", new UnionUserset([new ComputedUserset("a"), new DirectUserset()]), [new RelationReference("user")]),
                    new RelationDefinition("c", new DifferenceUserset(new IntersectionUserset([new ComputedUserset("a"), new DirectUserset()]), new ComputedUserset("b")), [new RelationReference("user")]),
                ]),
            ],
        };

        var dsl = model.ToDsl();

        dsl.ShouldContain("define b: [user] or a\n");
        dsl.ShouldContain("define c: ([user] and a) but not b\n");
        ModelParser.Parse(dsl).Success.ShouldBeTrue();
    }

    [Fact]
    public void ToDsl_DirectAssignmentInSubtract_IsRefused()
    {
        var model = new AuthorizationModel
        {
            Types = [new TypeDefinition("user", [new RelationDefinition("a", new DifferenceUserset(new ComputedUserset("b"), new DirectUserset()), [new RelationReference("user")])])],
        };

        var ex = Should.Throw<ModelValidationException>(() => model.ToDsl());

        ex.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("unsupported-dsl-nesting");
        ex.Message.ShouldContain("the 'a' relation definition under the 'user' type is not supported by the OpenFGA DSL syntax yet");
    }

    [Theory]
    [InlineData("model\n  schema 1.1\n")]
    [InlineData("model\n  schema 1.1\n\ntype user\n")]
    [InlineData("model\n  schema 1.1\n\ntype user\n\ntype doc\n  relations\n    define a: [user, doc#a, user:*]\n    define b: a and (a from c or (d but not e))\n    define c: [doc]\n    define d: [user]\n    define e: [user]\n")]
    public void ToDsl_OfParsedCanonicalText_IsTheSameText(string dsl)
    {
        var model = AuthorizationModel.FromDsl(dsl);

        model.ToDsl().ShouldBe(dsl);
    }
}
