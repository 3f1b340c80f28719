using Arbiter.Cli.Tests.Support;
using Arbiter.Testing;

namespace Arbiter.Cli.Tests.Testing;

/// <summary>Running store files with attributes: stored values written per test, just-in-time values, expected errors.</summary>
public class StoreTestRunnerAttributesTests
{
    private const string Model = """
        model: |
          model
            schema 1.1
          type user
            attributes
              clearance: int
          type document
            attributes
              classification: int
            relations
              define viewer: [user] or user where cleared
          condition cleared() {
            subject.clearance >= object.classification
          }
        attributes:
          - entity: user:anne
            values: {clearance: 2}
          - entity: document:1
            values: {classification: 2}

        """;

    private static async Task<StoreTestRunResult> RunAsync(string tests)
    {
        var loaded = StoreFileLoader.Parse(Model + tests, "s.fga.yaml");
        loaded.Success.ShouldBeTrue(string.Join("\n", loaded.Diagnostics));
        return await new StoreTestRunner().RunAsync(loaded.File!);
    }

    [Fact]
    public async Task RunAsync_WritesStoredAttributes_AndATestsOwnOverrideThemForThatTestOnly()
    {
        var run = await RunAsync("""
            tests:
              - name: stored
                check:
                  - user: user:anne
                    object: document:1
                    assertions: {viewer: true}
              - name: lowered
                attributes:
                  - entity: user:anne
                    values: {clearance: 1}
                check:
                  - user: user:anne
                    object: document:1
                    assertions: {viewer: false}
              - name: stored again
                check:
                  - user: user:anne
                    object: document:1
                    assertions: {viewer: true}
            """);

        run.Results.Count.ShouldBe(3);
        run.Failed.ShouldBe(0, string.Join("\n", run.Results));
    }

    [Fact]
    public async Task RunAsync_PassesJustInTimeAttributes()
    {
        var run = await RunAsync("""
            tests:
              - name: t
                check:
                  - user: user:anne
                    object: document:1
                    object_attributes: {classification: 3}
                    assertions: {viewer: false}
                  - user: user:bob
                    object: document:1
                    subject_attributes: {clearance: 5}
                    assertions: {viewer: true}
            """);

        run.Failed.ShouldBe(0, string.Join("\n", run.Results));
        var results = run.Results.OfType<CheckAssertionResult>().ToList();
        results[0].ObjectAttributes!["classification"].ShouldBe(3L);
        results[1].SubjectAttributes!["clearance"].ShouldBe(5L);
    }

    [Fact]
    public async Task RunAsync_ExpectedError_PassesOnAMatchingError_AndFailsOtherwise()
    {
        var run = await RunAsync("""
            tests:
              - name: t
                check:
                  - user: user:anne
                    object: document:1
                    subject_attributes: {clearance: high}
                    assertions:
                      viewer: {error: "does not convert to int"}
                  - user: user:anne
                    object: document:1
                    subject_attributes: {clearance: high}
                    assertions:
                      viewer: {error: "something else"}
                  - user: user:anne
                    object: document:1
                    assertions:
                      viewer: {error: ""}
            """);

        var results = run.Results.OfType<CheckAssertionResult>().ToList();
        results[0].Outcome.ShouldBe(AssertionOutcome.Passed);
        results[0].ExpectedError.ShouldBe("does not convert to int");
        results[0].Error!.ShouldContain("does not convert to int");
        results[1].Outcome.ShouldBe(AssertionOutcome.Failed);
        results[1].Error!.ShouldContain("does not convert to int");
        results[2].Outcome.ShouldBe(AssertionOutcome.Failed); // no error: the check answered
        results[2].Actual.ShouldBe(true);
        results[2].Error.ShouldBeNull();
    }

    [Fact]
    public async Task RunAsync_AttributesTheModelRefuses_FailTheTestNamingTheEntry()
    {
        var run = await RunAsync("""
            tests:
              - name: bad
                attributes:
                  - entity: user:anne
                    values: {clearance: 1}
                  - entity: user:bob
                    values: {rank: 1}
                check:
                  - user: user:anne
                    object: document:1
                    assertions: {viewer: false}
              - name: fine
                check:
                  - user: user:anne
                    object: document:1
                    assertions: {viewer: true}
            """);

        var bad = run.Results[0];
        bad.Outcome.ShouldBe(AssertionOutcome.Failed);
        bad.Error.ShouldBe("the test's tuples or attributes could not be written: the attributes entry 'user:bob' (s.fga.yaml:25:9) does not fit the model: "
            + "invalid attributes of 'user:bob': the type 'user' declares no attribute 'rank' (declared: clearance)");
        run.Results[1].Outcome.ShouldBe(AssertionOutcome.Passed);
    }

    [Fact]
    public async Task RunAsync_AnEntityOfAnUnknownType_IsNamed()
    {
        var run = await RunAsync("""
            tests:
              - name: bad
                attributes:
                  - entity: robot:r2
                    values: {}
                check:
                  - user: user:anne
                    object: document:1
                    assertions: {viewer: true}
            """);

        run.Results.Single().Error!.ShouldContain("the attributes entry 'robot:r2' (s.fga.yaml:23:9)");
        run.Results.Single().Error!.ShouldContain("the type 'robot' is not defined");
    }

    [Fact]
    public async Task RunAsync_FactoryWithoutAttributes_FailsTestsThatHaveThem()
    {
        var loaded = StoreFileLoader.Parse(Model + """
            tests:
              - name: t
                check:
                  - user: user:anne
                    object: document:1
                    assertions: {viewer: false}
            """);
        var runner = new StoreTestRunner((model, tuples) => new FakeAuthorizer(tuples));

        var run = await runner.RunAsync(loaded.File!);

        run.Results.Single().Outcome.ShouldBe(AssertionOutcome.Failed);
        run.Results.Single().Error!.ShouldContain("takes tuples only");
    }

    [Fact]
    public async Task RunAsync_FactoryWithAttributes_GetsTheStoresThenTheTests()
    {
        var loaded = StoreFileLoader.Parse(Model + """
            tests:
              - name: t
                attributes:
                  - entity: user:anne
                    values: {clearance: 9}
                check:
                  - user: user:anne
                    object: document:1
                    assertions: {viewer: false}
            """);
        IReadOnlyList<StoreAttributes>? given = null;
        var runner = new StoreTestRunner((model, tuples, attributes) =>
        {
            given = attributes;
            return new FakeAuthorizer(tuples);
        });

        var run = await runner.RunAsync(loaded.File!);

        run.Failed.ShouldBe(0);
        given!.Select(static a => a.Entity.ToString()).ShouldBe(["user:anne", "document:1", "user:anne"]);
        given![2].Values["clearance"].ShouldBe(9L);
    }

    [Fact]
    public async Task RunAsync_AbacSample_PassesEveryAssertion()
    {
        var loaded = StoreFileLoader.Load(Samples.AbacStore);
        loaded.Success.ShouldBeTrue(string.Join("\n", loaded.Diagnostics));

        var run = await new StoreTestRunner().RunAsync(loaded.File!);

        run.Failed.ShouldBe(0, string.Join("\n", run.Results.Where(static r => !r.Passed)));
        run.Passed.ShouldBe(Samples.AbacAssertions);
        run.Results.OfType<CheckAssertionResult>().Count(static r => r.ExpectedError is not null).ShouldBe(4);
    }
}
