using Arbiter.Model;
using Arbiter.Testing;

namespace Arbiter.Cli.Tests.Testing;

public class StoreTestRunnerListTests
{
    private static StoreTestRunner Runner(List<FakeAuthorizer>? made = null) => new((model, tuples) =>
    {
        var authorizer = new FakeAuthorizer(tuples);
        made?.Add(authorizer);
        return authorizer;
    });

    private static StoreFile File(params StoreTest[] tests) => new()
    {
        Name = "store",
        Model = new AuthorizationModel(),
        Tuples =
        [
            RelationshipTuple.Parse("document:1#viewer@user:anne"),
            RelationshipTuple.Parse("document:2#viewer@user:anne"),
            RelationshipTuple.Parse("document:1#viewer@group:eng#member"),
        ],
        Tests = tests,
    };

    private static StoreListObjects ListObjects(string user, string type, params (string Relation, string[] Objects)[] assertions) => new()
    {
        User = SubjectRef.Parse(user),
        Type = type,
        Assertions = assertions.Select(static a => new KeyValuePair<string, IReadOnlyList<string>>(a.Relation, a.Objects)).ToList(),
    };

    private static StoreListUsers ListUsers(string @object, StoreUserFilter[] filter, params (string Relation, string[] Users)[] assertions) => new()
    {
        Object = ObjectRef.Parse(@object),
        UserFilter = filter,
        Assertions = assertions.Select(static a => new KeyValuePair<string, IReadOnlyList<string>>(a.Relation, a.Users)).ToList(),
    };

    [Fact]
    public async Task RunAsync_ListObjects_ComparesTheObjectsInAnyOrder()
    {
        var test = new StoreTest
        {
            Name = "t",
            ListObjects = [ListObjects("user:anne", "document", ("viewer", ["document:2", "document:1"]), ("editor", []))],
        };

        var result = await Runner().RunAsync(File(test));

        result.Passed.ShouldBe(2);
        result.Failed.ShouldBe(0);
        result.NotRun.ShouldBe(0);
        var viewer = result.Results.OfType<ListObjectsAssertionResult>().First();
        viewer.Relation.ShouldBe("viewer");
        viewer.Actual.ShouldBe(["document:1", "document:2"]);
    }

    [Fact]
    public async Task RunAsync_ListObjects_MissingOrExtraObject_Fails()
    {
        var test = new StoreTest
        {
            Name = "t",
            ListObjects = [ListObjects("user:anne", "document", ("viewer", ["document:1"]), ("owner", ["document:1"]))],
        };

        var result = await Runner().RunAsync(File(test));

        result.Failed.ShouldBe(2);
        var failures = result.Results.OfType<ListObjectsAssertionResult>().ToList();
        failures[0].Actual.ShouldBe(["document:1", "document:2"]);
        failures[1].Actual.ShouldBeEmpty();
        failures.ShouldAllBe(static f => f.Error == null);
    }

    [Fact]
    public async Task RunAsync_ListObjects_PassesTheContextAndSubjectAttributes()
    {
        var made = new List<FakeAuthorizer>();
        var context = new Dictionary<string, object?> { ["ip"] = "10.0.0.1" };
        var attributes = new Dictionary<string, object?> { ["clearance"] = 2L };
        var test = new StoreTest
        {
            Name = "t",
            ListObjects = [ListObjects("user:anne", "document", ("viewer", ["document:1", "document:2"])) with { Context = context, SubjectAttributes = attributes }],
        };

        var result = await Runner(made).RunAsync(File(test));

        result.Passed.ShouldBe(1);
        var request = made.ShouldHaveSingleItem().ListObjectsRequests.ShouldHaveSingleItem();
        request.Context.ShouldBeSameAs(context);
        request.SubjectAttributes.ShouldBeSameAs(attributes);
        var assertion = result.Results.OfType<ListObjectsAssertionResult>().Single();
        assertion.Context.ShouldBeSameAs(context);
        assertion.SubjectAttributes.ShouldBeSameAs(attributes);
    }

    [Fact]
    public async Task RunAsync_ListObjects_StoppedByALimit_ResumesWithTheContinuationToken()
    {
        var made = new List<FakeAuthorizer>();
        var test = new StoreTest { Name = "t", ListObjects = [ListObjects("user:anne", "document", ("viewer", ["document:1", "document:2"]))] };
        var runner = new StoreTestRunner((model, tuples) =>
        {
            var authorizer = new FakeAuthorizer(tuples) { ListPageSize = 1 };
            made.Add(authorizer);
            return authorizer;
        });

        var result = await runner.RunAsync(File(test));

        result.Passed.ShouldBe(1, string.Join("; ", result.Results.Select(static r => r.Error)));
        made.Single().ListObjectsRequests.Select(static r => r.ContinuationToken).ShouldBe([null, "1"]);
    }

    [Fact]
    public async Task RunAsync_ListUsers_ComparesTheSubjectsOfTheFilters()
    {
        var test = new StoreTest
        {
            Name = "t",
            ListUsers =
            [
                ListUsers("document:1", [new StoreUserFilter("user")], ("viewer", ["user:anne"]), ("editor", [])),
                ListUsers("document:1", [new StoreUserFilter("group", "member")], ("viewer", ["group:eng#member"])),
                ListUsers("document:1", [new StoreUserFilter("user"), new StoreUserFilter("group", "member")], ("viewer", ["user:anne"])),
            ],
        };

        var result = await Runner().RunAsync(File(test));

        result.Passed.ShouldBe(3);
        result.Failed.ShouldBe(1);
        var failure = result.Results.OfType<ListUsersAssertionResult>().Single(static r => !r.Passed);
        failure.UserFilter.Count.ShouldBe(2);
        failure.Expected.ShouldBe(["user:anne"]);
        failure.Actual!.Order(StringComparer.Ordinal).ShouldBe(["group:eng#member", "user:anne"]);
    }

    [Fact]
    public async Task RunAsync_ListUsers_PassesTheContextAndObjectAttributes()
    {
        var made = new List<FakeAuthorizer>();
        var context = new Dictionary<string, object?> { ["ip"] = "10.0.0.1" };
        var attributes = new Dictionary<string, object?> { ["classification"] = 1L };
        var test = new StoreTest
        {
            Name = "t",
            ListUsers = [ListUsers("document:1", [new StoreUserFilter("user")], ("viewer", ["user:anne"])) with { Context = context, ObjectAttributes = attributes }],
        };

        var result = await Runner(made).RunAsync(File(test));

        result.Passed.ShouldBe(1);
        var request = made.ShouldHaveSingleItem().ListSubjectsRequests.ShouldHaveSingleItem();
        request.Context.ShouldBeSameAs(context);
        request.ObjectAttributes.ShouldBeSameAs(attributes);
        request.Filters.ShouldBe([new SubjectFilter("user")]);
    }

    [Theory]
    [InlineData("boom", "not in the model", true)]   // thrown (request error)
    [InlineData("erring", "too deep", true)]         // in the result (evaluation error)
    [InlineData("erring", "", true)]                 // "": any error
    [InlineData("erring", "another message", false)]
    [InlineData("viewer", "", false)]                // an answer never passes an expected error
    public async Task RunAsync_ExpectedError_PassesOnlyForAnErrorWithThatText(string relation, string text, bool passes)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal) { [relation] = text };
        var test = new StoreTest
        {
            Name = "t",
            ListObjects = [ListObjects("user:anne", "document", (relation, [])) with { ExpectedErrors = errors }],
            ListUsers = [ListUsers("document:1", [new StoreUserFilter("user")], (relation, [])) with { ExpectedErrors = errors }],
        };

        var result = await Runner().RunAsync(File(test));

        result.Results.Count.ShouldBe(2);
        result.Results.ShouldAllBe(r => r.Passed == passes);
        result.Results.OfType<ListObjectsAssertionResult>().Single().ExpectedError.ShouldBe(text);
        result.Results.OfType<ListUsersAssertionResult>().Single().ExpectedError.ShouldBe(text);
    }

    [Fact]
    public async Task RunAsync_UnexpectedError_FailsWithTheMessage()
    {
        var test = new StoreTest
        {
            Name = "t",
            ListObjects = [ListObjects("user:anne", "document", ("boom", []), ("erring", []))],
            ListUsers = [ListUsers("document:1", [new StoreUserFilter("user")], ("boom", []), ("erring", []))],
        };

        var result = await Runner().RunAsync(File(test));

        result.Failed.ShouldBe(4);
        result.Results.Count(static r => r.Error == "relation 'boom' is not in the model").ShouldBe(2);
        result.Results.Count(static r => r.Error == "too deep").ShouldBe(2);
    }

    [Fact]
    public async Task RunAsync_TuplesThatDoNotFitTheModel_FailEveryListAssertionOfTheTest()
    {
        var runner = new StoreTestRunner((_, _) => throw new ArbiterException(ArbiterErrorCode.InvalidTuple, "type 'doc' not found"));
        var test = new StoreTest
        {
            Name = "t",
            ListObjects = [ListObjects("user:anne", "document", ("viewer", []))],
            ListUsers = [ListUsers("document:1", [new StoreUserFilter("user")], ("viewer", []))],
        };

        var result = await runner.RunAsync(File(test));

        result.Failed.ShouldBe(2);
        result.Results.ShouldAllBe(static r => r.Error!.Contains("type 'doc' not found"));
    }

    [Fact]
    public async Task RunAsync_ListingOnlyTest_MakesOneAuthorizerWithTheTestTuples()
    {
        var made = new List<FakeAuthorizer>();
        var test = new StoreTest
        {
            Name = "t",
            Tuples = [RelationshipTuple.Parse("document:3#viewer@user:anne")],
            ListObjects = [ListObjects("user:anne", "document", ("viewer", ["document:1", "document:2", "document:3"]))],
        };

        var result = await Runner(made).RunAsync(File(test));

        made.Count.ShouldBe(1);
        result.Passed.ShouldBe(1);
    }
}
