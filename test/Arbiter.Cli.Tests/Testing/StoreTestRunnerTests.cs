using Arbiter.Model;
using Arbiter.Testing;

namespace Arbiter.Cli.Tests.Testing;

public class StoreTestRunnerTests
{
    private static readonly AuthorizationModel EmptyModel = new();

    private static StoreTestRunner Runner(List<FakeAuthorizer>? made = null) => new((model, tuples) =>
    {
        var authorizer = new FakeAuthorizer(tuples);
        made?.Add(authorizer);
        return authorizer;
    });

    private static StoreFile File(params StoreTest[] tests) => new()
    {
        Name = "store",
        Model = EmptyModel,
        Tuples = [RelationshipTuple.Parse("document:1#viewer@user:anne")],
        Tests = tests,
    };

    private static StoreCheck Check(string[] users, string[] objects, params (string Relation, bool Expected)[] assertions) => new()
    {
        Users = users.Select(SubjectRef.Parse).ToList(),
        Objects = objects.Select(ObjectRef.Parse).ToList(),
        Assertions = assertions.Select(static a => new KeyValuePair<string, bool>(a.Relation, a.Expected)).ToList(),
    };

    [Fact]
    public async Task RunAsync_CountsOneAssertionPerUserObjectAndRelation()
    {
        var test = new StoreTest
        {
            Name = "t",
            Checks = [Check(["user:anne", "user:bob"], ["document:1", "document:2", "document:3"], ("viewer", false), ("editor", false))],
        };

        var result = await Runner().RunAsync(File(test));

        result.Results.Count.ShouldBe(2 * 3 * 2);
        result.Failed.ShouldBe(1); // anne is a viewer of document:1
        var failure = result.Results.OfType<CheckAssertionResult>().Single(static r => !r.Passed);
        failure.TestName.ShouldBe("t");
        failure.User.ToString().ShouldBe("user:anne");
        failure.Object.ToString().ShouldBe("document:1");
        failure.Relation.ShouldBe("viewer");
        failure.Expected.ShouldBeFalse();
        failure.Actual.ShouldBe(true);
    }

    [Fact]
    public async Task RunAsync_UsesTheStoreTuplesPlusTheTestTuples_PerTest()
    {
        var made = new List<FakeAuthorizer>();
        var withExtra = new StoreTest
        {
            Name = "extra",
            Tuples = [RelationshipTuple.Parse("document:2#viewer@user:bob")],
            Checks = [Check(["user:bob"], ["document:2"], ("viewer", true))],
        };
        var without = new StoreTest { Name = "plain", Checks = [Check(["user:bob"], ["document:2"], ("viewer", false))] };

        var result = await Runner(made).RunAsync(File(withExtra, without));

        result.Passed.ShouldBe(2);
        result.Success.ShouldBeTrue();
        made.Count.ShouldBe(2);
    }

    [Fact]
    public async Task RunAsync_PassesTheCheckContext()
    {
        var made = new List<FakeAuthorizer>();
        var check = Check(["user:anne"], ["document:1"], ("viewer", true)) with
        {
            Context = new Dictionary<string, object?>(StringComparer.Ordinal) { ["ip"] = "10.0.0.1" },
        };

        await Runner(made).RunAsync(File(new StoreTest { Name = "t", Checks = [check] }));

        made.Single().Requests.Single().Context!["ip"].ShouldBe("10.0.0.1");
    }

    [Fact]
    public async Task RunAsync_AnErrorFailsTheAssertionWhateverWasExpected()
    {
        var test = new StoreTest { Name = "t", Checks = [Check(["user:anne"], ["document:1"], ("boom", false), ("erring", false))] };

        var result = await Runner().RunAsync(File(test));

        result.Failed.ShouldBe(2);
        result.Results[0].Error.ShouldBe("relation 'boom' is not in the model");
        ((CheckAssertionResult)result.Results[0]).Actual.ShouldBeNull();
        result.Results[1].Error.ShouldBe("too deep");
    }

    [Fact]
    public async Task RunAsync_TuplesThatDoNotFitTheModel_FailEveryAssertionOfTheTest()
    {
        var runner = new StoreTestRunner((_, _) => throw new ArbiterException(ArbiterErrorCode.InvalidTuple, "type 'doc' not found"));
        var test = new StoreTest { Name = "t", Checks = [Check(["user:anne"], ["document:1"], ("viewer", true), ("editor", false))] };

        var result = await runner.RunAsync(File(test));

        result.Failed.ShouldBe(2);
        result.Results.ShouldAllBe(static r => r.Error!.Contains("type 'doc' not found"));
    }
}
