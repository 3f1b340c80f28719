using Arbiter.Model;
using Arbiter.Parsing;
using Arbiter.Storage;

namespace Arbiter.Benchmarks;

/// <summary>
/// The model and data of the storage benchmarks: documents in a folder tree, users in (nested) groups, conditional
/// viewers and a same-department attribute rule. <see cref="Tuples"/> makes exactly the requested number of tuples over
/// about 100,000 objects (90,000 documents, 9,000 folders, 1,000 groups) and 50,000 users.
/// </summary>
internal static class StorageModel
{
    public const int Documents = 90_000;
    public const int Folders = 9_000;
    public const int Groups = 1_000;
    public const int Users = 50_000;

    public const string Dsl = """
        model
          schema 1.1
        type user
          attributes
            department: string
        type group
          relations
            define member: [user, group#member]
        type folder
          relations
            define parent: [folder]
            define owner: [user]
            define viewer: [user, group#member] or owner or viewer from parent
        type document
          attributes
            department: string
          relations
            define parent: [folder]
            define owner: [user]
            define editor: [user, group#member] or owner
            define viewer: [user, user with before, group#member] or editor or viewer from parent or user where same_department
        condition before(day: int, until: int) {
          day < until
        }
        condition same_department() {
          subject.department == object.department
        }
        """;

    public static AuthorizationModel Model { get; } = ModelParser.Parse(Dsl).GetModelOrThrow();

    /// <summary>
    /// <paramref name="count"/> distinct tuples: the folder tree with owners, group members (one group in ten nested in
    /// another), then per document its parent, owner, two editors and six viewers (every tenth viewer tuple with the
    /// <c>before</c> condition), cycling over the documents until the count is reached, and group viewers on top.
    /// </summary>
    public static IEnumerable<RelationshipTuple> Tuples(int count)
    {
        var made = 0;
        foreach (var tuple in Generate())
        {
            if (made++ == count)
            {
                yield break;
            }
            yield return tuple;
        }
    }

    private static IEnumerable<RelationshipTuple> Generate()
    {
        for (var f = 0; f < Folders; f++)
        {
            if (f >= 10)
            {
                yield return new RelationshipTuple(Folder(f), "parent", new SubjectRef("folder", "f" + (f / 10)));
            }
            yield return new RelationshipTuple(Folder(f), "owner", User(f * 31));
        }
        for (var g = 0; g < Groups; g++)
        {
            for (var m = 0; m < 40; m++)
            {
                yield return new RelationshipTuple(new ObjectRef("group", "g" + g), "member", User(g * 40 + m));
            }
            if (g % 10 == 0 && g > 0)
            {
                yield return new RelationshipTuple(new ObjectRef("group", "g" + (g - 1)), "member", new SubjectRef("group", "g" + g, "member"));
            }
        }
        for (var d = 0; d < Documents; d++)
        {
            var document = Document(d);
            yield return new RelationshipTuple(document, "parent", new SubjectRef("folder", "f" + (d % Folders)));
            yield return new RelationshipTuple(document, "owner", User(d));
            for (var e = 0; e < 2; e++)
            {
                yield return new RelationshipTuple(document, "editor", User(d * 13 + e * 104_729));
            }
            for (var v = 0; v < 6; v++)
            {
                var condition = (d + v) % 10 == 0
                    ? new TupleCondition("before", new Dictionary<string, object?> { ["until"] = 20_000L + d % 365 })
                    : null;
                yield return new RelationshipTuple(document, "viewer", User(d * 7 + v * 7_919), condition);
            }
        }
        for (var round = 0; ; round++)
        {
            for (var d = 0; d < Documents; d++)
            {
                yield return new RelationshipTuple(Document(d), "viewer", new SubjectRef("group", "g" + ((d + round * 17) % Groups), "member"));
            }
        }
    }

    /// <summary>Department attributes of every tenth user and every tenth document.</summary>
    public static IEnumerable<EntityAttributes> Attributes()
    {
        for (var u = 0; u < Users; u += 10)
        {
            yield return new EntityAttributes(new ObjectRef("user", "u" + u), new Dictionary<string, object?> { ["department"] = "dep" + (u % 20) });
        }
        for (var d = 0; d < Documents; d += 10)
        {
            yield return new EntityAttributes(Document(d), new Dictionary<string, object?> { ["department"] = "dep" + (d % 20) });
        }
    }

    /// <summary>A store state of <paramref name="tuples"/> tuples, the model and the attributes, for <see cref="IStoreWriter.ImportAsync"/>.</summary>
    public static StoreImport Import(int tuples)
    {
        const string modelId = "01JCZ0000000000000000BENCH";
        return new StoreImport
        {
            Revision = 1,
            Model = new StoredModel(modelId, 1, DateTimeOffset.UnixEpoch.AddDays(20_000), Model with { Id = modelId }),
            Tuples = ToAsync(Tuples(tuples)),
            Attributes = ToAsync(Attributes()),
        };
    }

    public static ObjectRef Document(int d) => new("document", "d" + d);

    public static SubjectRef User(int u) => new("user", "u" + (u % Users));

    private static ObjectRef Folder(int f) => new("folder", "f" + f);

    private static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            yield return item;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }
}
