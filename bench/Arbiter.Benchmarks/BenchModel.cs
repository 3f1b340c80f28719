using Arbiter.Parsing;

namespace Arbiter.Benchmarks;

/// <summary>The model and data the benchmarks share.</summary>
internal static class BenchModel
{
    public const string Dsl = """
        model
          schema 1.1
        type user
        type group
          relations
            define member: [user, group#member]
        type folder
          relations
            define parent: [folder]
            define viewer: [user, group#member] or viewer from parent
        type document
          relations
            define parent: [folder]
            define owner: [user]
            define editor: [user] or owner
            define viewer: [user, group#member] or editor or viewer from parent
        """;

    /// <summary>An engine with 10 000 documents in a 3-level folder tree, owners, and a group.</summary>
    public static AuthorizationEngine CreateEngine()
    {
        var engine = AuthorizationEngine.Create(ModelParser.Parse(Dsl).GetModelOrThrow(), new AuthorizationEngineOptions { MaxTuplesPerWrite = 1_000_000 });
        var tuples = new List<RelationshipTuple>();
        for (var f = 0; f < 10; f++)
        {
            tuples.Add(RelationshipTuple.Parse($"folder:l1-{f}#parent@folder:root"));
            for (var g = 0; g < 10; g++)
            {
                tuples.Add(RelationshipTuple.Parse($"folder:l2-{f}-{g}#parent@folder:l1-{f}"));
            }
        }
        tuples.Add(RelationshipTuple.Parse("folder:root#viewer@user:reader"));
        tuples.Add(RelationshipTuple.Parse("group:eng#member@user:dev"));
        for (var d = 0; d < 10_000; d++)
        {
            tuples.Add(RelationshipTuple.Parse($"document:{d}#parent@folder:l2-{d % 10}-{d / 10 % 10}"));
            tuples.Add(RelationshipTuple.Parse($"document:{d}#owner@user:u{d % 500}"));
        }
        engine.Write(tuples);
        return engine;
    }

    /// <summary>Generates <paramref name="count"/> tuples over a realistic spread of objects and users.</summary>
    public static RelationshipTuple[] ManyTuples(int count)
    {
        var result = new RelationshipTuple[count];
        var relations = new[] { "owner", "editor", "viewer" };
        for (var i = 0; i < count; i++)
        {
            result[i] = i % 10 == 0
                ? new RelationshipTuple(new ObjectRef("document", "d" + (i / 3)), "parent", new SubjectRef("folder", "f" + (i % 5000)))
                : new RelationshipTuple(new ObjectRef("document", "d" + (i / 3)), relations[i % 3], new SubjectRef("user", "u" + (i % 100_000)));
        }
        return result;
    }
}
