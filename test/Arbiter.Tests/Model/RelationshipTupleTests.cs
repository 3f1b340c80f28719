namespace Arbiter.Tests.Model;

public class RelationshipTupleTests
{
    [Theory]
    [InlineData("document:1#viewer@user:anne", "document", "1", "viewer", "user:anne")]
    [InlineData("document:1#viewer@group:eng#member", "document", "1", "viewer", "group:eng#member")]
    [InlineData("document:1#viewer@user:*", "document", "1", "viewer", "user:*")]
    [InlineData("doc:a@b.com#owner@user:x@y.com", "doc", "a@b.com", "owner", "user:x@y.com")]
    public void Parse_ValidText_ReadsEveryPart(string text, string type, string id, string relation, string subject)
    {
        var tuple = RelationshipTuple.Parse(text);

        tuple.Object.ShouldBe(new ObjectRef(type, id));
        tuple.Relation.ShouldBe(relation);
        tuple.Subject.ToString().ShouldBe(subject);
        tuple.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("document:", "has no '#'")]
    [InlineData(":1", "has no '#'")]
    [InlineData("doc#x@", "has no ':'")]
    [InlineData("document:1#viewer@", "subject")]
    [InlineData("document:#viewer@user:anne", "the id is empty")]
    [InlineData(":1#viewer@user:anne", "the type is empty")]
    [InlineData("document:1#@user:anne", "the relation is empty")]
    [InlineData("document:1#viewer@user:*#member", "wildcard")]
    [InlineData("document:1 2#viewer@user:anne", "whitespace")]
    [InlineData("", "empty")]
    public void Parse_MalformedText_ThrowsNamingTheProblem(string text, string problem)
    {
        var ex = Should.Throw<TupleFormatException>(() => RelationshipTuple.Parse(text));

        ex.Message.ShouldContain(problem);
        ex.Code.ShouldBe(ArbiterErrorCode.InvalidTuple);
    }
}
