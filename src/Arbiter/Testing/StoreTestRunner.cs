using Arbiter.Model;

namespace Arbiter.Testing;

/// <summary>
/// Runs the tests of a <see cref="StoreFile"/>: for each test, an authorizer over the model with the store's tuples plus the
/// test's tuples (and the store's plus the test's attribute values, an Arbiter extension), then every assertion. One
/// assertion is one relation of a <c>check</c> for one user and one object, or one relation of a <c>list_objects</c> /
/// <c>list_users</c> entry. Listing assertions are read but reported as not run
/// until listing lands in the engine.
/// </summary>
public sealed class StoreTestRunner
{
    /// <summary>The reason given for listing assertions, which this version does not run.</summary>
    public const string ListingNotRunReason = "not run: list_objects and list_users assertions need listing, which the engine does not support yet";

    private readonly Func<AuthorizationModel, IReadOnlyList<RelationshipTuple>, IReadOnlyList<StoreAttributes>, IAuthorizer> _authorizerFactory;
    private readonly bool _takesAttributes;

    /// <summary>Creates a runner that evaluates with an in-memory <see cref="AuthorizationEngine"/> per test.</summary>
    public StoreTestRunner()
        : this(static (model, tuples, attributes) => EngineAuthorizerFactory.Create(model, tuples, attributes))
    {
    }

    /// <summary>Creates a runner that evaluates with authorizers made by <paramref name="authorizerFactory"/>.</summary>
    /// <param name="authorizerFactory">
    /// Makes an authorizer for a model and the tuples of one test. It may throw <see cref="ArbiterException"/> for tuples that do
    /// not fit the model; every assertion of that test then fails with the message. It takes no attribute values: the
    /// assertions of a test with stored attributes (<see cref="StoreFile.Attributes"/>, <see cref="StoreTest.Attributes"/>) fail.
    /// </param>
    public StoreTestRunner(Func<AuthorizationModel, IReadOnlyList<RelationshipTuple>, IAuthorizer> authorizerFactory)
    {
        ArgumentNullException.ThrowIfNull(authorizerFactory);
        _authorizerFactory = (model, tuples, _) => authorizerFactory(model, tuples);
        _takesAttributes = false;
    }

    /// <summary>Creates a runner that evaluates with authorizers made by <paramref name="authorizerFactory"/>.</summary>
    /// <param name="authorizerFactory">
    /// Makes an authorizer for a model, the tuples of one test and its attribute entries (the store's, then the test's, in
    /// file order; a later value of an entity's attribute overrides an earlier one). It may throw
    /// <see cref="ArbiterException"/> for tuples or attribute values that do not fit the model; every assertion of that test
    /// then fails with the message.
    /// </param>
    public StoreTestRunner(Func<AuthorizationModel, IReadOnlyList<RelationshipTuple>, IReadOnlyList<StoreAttributes>, IAuthorizer> authorizerFactory)
    {
        ArgumentNullException.ThrowIfNull(authorizerFactory);
        _authorizerFactory = authorizerFactory;
        _takesAttributes = true;
    }

    /// <summary>Runs every test of the file and returns one result per assertion.</summary>
    public async Task<StoreTestRunResult> RunAsync(StoreFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var results = new List<StoreAssertionResult>();
        foreach (var test in file.Tests)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await RunTestAsync(file, test, results, cancellationToken).ConfigureAwait(false);
        }
        return new StoreTestRunResult { Name = file.Name, Source = file.Source, Results = results };
    }

    private async Task RunTestAsync(StoreFile file, StoreTest test, List<StoreAssertionResult> results, CancellationToken cancellationToken)
    {
        IAuthorizer? authorizer = null;
        string? setupError = null;
        if (test.Checks.Count > 0)
        {
            var attributes = file.Attributes.Concat(test.Attributes).ToList();
            if (attributes.Count > 0 && !_takesAttributes)
            {
                setupError = "the test has attribute values but the runner's authorizer factory takes tuples only";
            }
            else
            {
                try
                {
                    authorizer = _authorizerFactory(file.Model, file.Tuples.Concat(test.Tuples).Distinct().ToList(), attributes);
                }
                catch (ArbiterException ex)
                {
                    setupError = (attributes.Count == 0 ? "the test's tuples could not be written: " : "the test's tuples or attributes could not be written: ") + ex.Message;
                }
            }
        }
        try
        {
            foreach (var check in test.Checks)
            {
                foreach (var user in check.Users)
                {
                    foreach (var @object in check.Objects)
                    {
                        foreach (var (relation, expected) in check.Assertions)
                        {
                            var result = new CheckAssertionResult
                            {
                                TestName = test.Name,
                                User = user,
                                Object = @object,
                                Relation = relation,
                                Expected = expected,
                                Context = check.Context,
                                SubjectAttributes = check.SubjectAttributes,
                                ObjectAttributes = check.ObjectAttributes,
                                ExpectedError = check.ExpectedErrors.GetValueOrDefault(relation),
                                Outcome = AssertionOutcome.Failed,
                                Error = setupError,
                            };
                            results.Add(authorizer is null ? result : await CheckAsync(authorizer, result, cancellationToken).ConfigureAwait(false));
                        }
                    }
                }
            }
        }
        finally
        {
            (authorizer as IDisposable)?.Dispose();
        }
        foreach (var list in test.ListObjects)
        {
            foreach (var (relation, expected) in list.Assertions)
            {
                results.Add(new ListObjectsAssertionResult
                {
                    TestName = test.Name, User = list.User, Type = list.Type, Relation = relation, Expected = expected,
                    Outcome = AssertionOutcome.NotRun, Error = ListingNotRunReason,
                });
            }
        }
        foreach (var list in test.ListUsers)
        {
            foreach (var (relation, expected) in list.Assertions)
            {
                results.Add(new ListUsersAssertionResult
                {
                    TestName = test.Name, Object = list.Object, UserFilter = list.UserFilter, Relation = relation, Expected = expected,
                    Outcome = AssertionOutcome.NotRun, Error = ListingNotRunReason,
                });
            }
        }
    }

    private static async Task<CheckAssertionResult> CheckAsync(IAuthorizer authorizer, CheckAssertionResult result, CancellationToken cancellationToken)
    {
        string? error;
        try
        {
            var request = new CheckRequest(result.User, result.Relation, result.Object)
            {
                Context = result.Context,
                SubjectAttributes = result.SubjectAttributes,
                ObjectAttributes = result.ObjectAttributes,
            };
            var decision = await authorizer.CheckAsync(request, cancellationToken).ConfigureAwait(false);
            if (decision.Error is null)
            {
                var answered = result.ExpectedError is null && decision.Allowed == result.Expected;
                return result with { Actual = decision.Allowed, Outcome = answered ? AssertionOutcome.Passed : AssertionOutcome.Failed };
            }
            error = decision.Error.Message;
        }
        catch (ArbiterException ex)
        {
            error = ex.Message;
        }
        var expected = result.ExpectedError is { } text && error.Contains(text, StringComparison.Ordinal);
        return result with { Error = error, Outcome = expected ? AssertionOutcome.Passed : AssertionOutcome.Failed };
    }
}
