using Arbiter.Model;

namespace Arbiter.Tests.Engine;

public class AuthorizationEngineModelTests
{
    [Fact]
    public void Create_InvalidModel_ThrowsModelValidationException()
    {
        var model = new AuthorizationModel
        {
            Types = [new TypeDefinition("document", [new RelationDefinition("viewer", new ComputedUserset("editor"), [])])],
        };

        Should.Throw<ModelValidationException>(() => AuthorizationEngine.Create(model)).Diagnostics.ShouldNotBeEmpty();
    }

    [Fact]
    public void Create_ModelFromRecords_Checks()
    {
        var model = new AuthorizationModel
        {
            Types =
            [
                new TypeDefinition("user", []),
                new TypeDefinition("document", [new RelationDefinition("viewer", new DirectUserset(), [new RelationReference("user")])]),
            ],
        };

        AuthorizationEngine.Create(model).With("document:1#viewer@user:anne").Allows("user:anne", "viewer", "document:1").ShouldBeTrue();
    }

    [Fact]
    public void ModelId_IsAUlidFromTheTimeProvider()
    {
        var time = new FixedTimeProvider(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));

        var engine = EngineFixtures.Engine(options: new AuthorizationEngineOptions { TimeProvider = time });

        engine.ModelId.Length.ShouldBe(26);
        engine.ModelId[..10].ShouldBe(UlidTime(time.GetUtcNow()));
        engine.Model.Id.ShouldBe(engine.ModelId);
    }

    [Fact]
    public void SetModel_ReturnsANewIdAndKeepsTuples()
    {
        var engine = EngineFixtures.Engine().With("document:1#viewer@user:anne");
        var first = engine.ModelId;

        var second = engine.SetModel(EngineFixtures.Parse(EngineFixtures.Documents));

        second.ShouldNotBe(first);
        string.CompareOrdinal(second, first).ShouldBeGreaterThan(0);
        engine.ModelId.ShouldBe(second);
        engine.Allows("user:anne", "viewer", "document:1").ShouldBeTrue();
    }

    [Fact]
    public void SetModel_StaleTuplesTheModelNoLongerAllows_AreIgnored()
    {
        var engine = EngineFixtures.Engine().With("document:1#viewer@user:anne", "document:1#viewer@user:*", "document:1#viewer@group:eng#member", "group:eng#member@user:bob");

        engine.SetModel(EngineFixtures.Parse("""
            model
              schema 1.1
            type user
            type group
              relations
                define member: [user]
            type document
              relations
                define viewer: [group#member]
            """));

        engine.Allows("user:anne", "viewer", "document:1").ShouldBeFalse();
        engine.Allows("user:carl", "viewer", "document:1").ShouldBeFalse();
        engine.Allows("user:bob", "viewer", "document:1").ShouldBeTrue();
        engine.Read().Count.ShouldBe(4);
    }

    [Fact]
    public void SetModel_InvalidModel_KeepsTheCurrentVersion()
    {
        var engine = EngineFixtures.Engine();
        var id = engine.ModelId;

        Should.Throw<ModelValidationException>(() => engine.SetModel(new AuthorizationModel
        {
            Types = [new TypeDefinition("document", [new RelationDefinition("viewer", new ComputedUserset("nope"), [])])],
        }));

        engine.ModelId.ShouldBe(id);
    }

    private static string UlidTime(DateTimeOffset time)
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var ms = time.ToUnixTimeMilliseconds();
        var chars = new char[10];
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = alphabet[(int)(ms & 31)];
            ms >>= 5;
        }
        return new string(chars);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
