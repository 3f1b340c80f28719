namespace Arbiter.Tests.Engine;

public class AuthorizationEngineWriteTests
{
    [Fact]
    public void Write_ValidTuples_IncrementsTheRevision()
    {
        var engine = EngineFixtures.Engine();

        var revision = engine.Write([RelationshipTuple.Parse("document:1#viewer@user:anne")]);

        revision.ShouldBe(1);
        engine.Revision.ShouldBe(1);
    }

    [Fact]
    public void Write_UnknownObjectType_ThrowsTypeNotFoundNamingTheTuple()
    {
        var error = Should.Throw<ArbiterException>(() => EngineFixtures.Engine().With("report:1#viewer@user:anne"));

        error.Code.ShouldBe(ArbiterErrorCode.TypeNotFound);
        error.Message.ShouldContain("report:1#viewer@user:anne");
    }

    [Fact]
    public void Write_UnknownRelation_ThrowsRelationNotFound() =>
        Should.Throw<ArbiterException>(() => EngineFixtures.Engine().With("document:1#reader@user:anne"))
            .Code.ShouldBe(ArbiterErrorCode.RelationNotFound);

    [Fact]
    public void Write_SubjectTypeNotAllowed_ThrowsInvalidTuple() =>
        Should.Throw<ArbiterException>(() => EngineFixtures.Engine().With("document:1#owner@group:eng#member"))
            .Code.ShouldBe(ArbiterErrorCode.InvalidTuple);

    [Fact]
    public void Write_WildcardNotAllowed_ThrowsInvalidTuple() =>
        Should.Throw<ArbiterException>(() => EngineFixtures.Engine().With("document:1#owner@user:*"))
            .Code.ShouldBe(ArbiterErrorCode.InvalidTuple);

    [Fact]
    public void Write_RelationWithoutDirectPart_ThrowsInvalidTuple() =>
        Should.Throw<ArbiterException>(() => EngineFixtures.Engine().With("document:1#can_view@user:anne"))
            .Code.ShouldBe(ArbiterErrorCode.InvalidTuple);

    [Fact]
    public void Write_BatchWithOneBadTuple_WritesNothing()
    {
        var engine = EngineFixtures.Engine();

        Should.Throw<ArbiterException>(() => engine.With("document:1#viewer@user:anne", "document:1#viewer@employee:bob"));

        engine.Revision.ShouldBe(0);
        engine.Read().ShouldBeEmpty();
        engine.Allows("user:anne", "viewer", "document:1").ShouldBeFalse();
    }

    [Fact]
    public void Write_ExistingTuple_ThrowsNamingIt()
    {
        var engine = EngineFixtures.Engine().With("document:1#viewer@user:anne");

        Should.Throw<ArbiterException>(() => engine.With("document:1#viewer@user:anne")).Message.ShouldContain("already exists");
        engine.Revision.ShouldBe(1);
    }

    [Fact]
    public void Write_SameTupleTwiceInOneBatch_Throws() =>
        Should.Throw<ArbiterException>(() => EngineFixtures.Engine().With("document:1#viewer@user:anne", "document:1#viewer@user:anne"))
            .Message.ShouldContain("document:1#viewer@user:anne");

    [Fact]
    public void Delete_MissingTuple_ThrowsNamingIt() =>
        Should.Throw<ArbiterException>(() => EngineFixtures.Engine().Write([], [RelationshipTuple.Parse("document:1#viewer@user:anne")]))
            .Message.ShouldContain("document:1#viewer@user:anne");

    [Fact]
    public void Delete_ExistingTuple_RemovesIt()
    {
        var engine = EngineFixtures.Engine().With("document:1#viewer@user:anne", "document:1#viewer@user:bob");

        engine.Write([], [RelationshipTuple.Parse("document:1#viewer@user:anne")]);

        engine.Allows("user:anne", "viewer", "document:1").ShouldBeFalse();
        engine.Allows("user:bob", "viewer", "document:1").ShouldBeTrue();
        engine.Revision.ShouldBe(2);
    }

    [Fact]
    public void Write_MoreThanTheLimit_IsRefusedStatingTheLimit()
    {
        var engine = EngineFixtures.Engine(options: new AuthorizationEngineOptions { MaxTuplesPerWrite = 2 });

        var error = Should.Throw<ArbiterException>(() => engine.With("document:1#viewer@user:a", "document:1#viewer@user:b", "document:1#viewer@user:c"));

        error.Message.ShouldContain("at most 2");
        engine.Revision.ShouldBe(0);
    }

    [Fact]
    public void Write_ManySmallWrites_CompactsAndKeepsEveryTuple()
    {
        var engine = EngineFixtures.Engine();
        for (var i = 0; i < 5000; i++)
        {
            engine.With($"document:{i}#viewer@user:u{i % 7}");
        }

        engine.Revision.ShouldBe(5000);
        engine.TupleCount.ShouldBe(5000);
        engine.Allows("user:u3", "viewer", "document:4999").ShouldBeFalse();
        engine.Allows("user:u1", "viewer", "document:4999").ShouldBeTrue();
        engine.Read(subject: SubjectRef.Parse("user:u0")).Count.ShouldBe(715);
    }

    [Fact]
    public void Read_FiltersByObjectRelationAndSubject()
    {
        var engine = EngineFixtures.Engine().With("document:1#viewer@user:anne", "document:1#owner@user:anne", "document:2#viewer@user:anne", "document:1#viewer@group:eng#member");

        engine.Read().Count.ShouldBe(4);
        engine.Read(ObjectRef.Parse("document:1")).Count.ShouldBe(3);
        engine.Read(ObjectRef.Parse("document:1"), "viewer").Count.ShouldBe(2);
        engine.Read(relation: "viewer", subject: SubjectRef.Parse("user:anne")).Select(t => t.ToString())
            .ShouldBe(["document:1#viewer@user:anne", "document:2#viewer@user:anne"], ignoreOrder: true);
        engine.Read(subject: SubjectRef.Parse("group:eng#member")).Single().ToString().ShouldBe("document:1#viewer@group:eng#member");
    }

    [Fact]
    public void Read_KeepsTheTupleCondition()
    {
        var engine = EngineFixtures.Engine("""
            model
              schema 1.1
            type user
            type document
              relations
                define viewer: [user with small]
            condition small(x: int) {
              x < 10
            }
            """);
        var context = new Dictionary<string, object?> { ["x"] = 3 };
        engine.Write([RelationshipTuple.Create("document:1", "viewer", "user:anne", new TupleCondition("small", context))]);

        var condition = engine.Read().Single().Condition.ShouldNotBeNull();

        condition.Name.ShouldBe("small");
        condition.Context.ShouldBeSameAs(context);
    }
}
