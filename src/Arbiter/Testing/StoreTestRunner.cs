using Arbiter.Model;

namespace Arbiter.Testing;

/// <summary>
/// Runs the tests of a <see cref="StoreFile"/>: for each test, an authorizer over the model with the store's tuples plus the
/// test's tuples (and the store's plus the test's attribute values, an Arbiter extension), then every assertion. One
/// assertion is one relation of a <c>check</c> for one user and one object, or one relation of a <c>list_objects</c> /
/// <c>list_users</c> entry (compared in any order). An assertion written <c>{error: TEXT}</c> expects its request to fail with
/// an error whose message contains TEXT.
/// </summary>
public sealed partial class StoreTestRunner
{
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
        if (test.Checks.Count > 0 || test.ListObjects.Count > 0 || test.ListUsers.Count > 0)
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
            await RunChecksAsync(authorizer, setupError, test, results, cancellationToken).ConfigureAwait(false);
            await RunListObjectsAsync(authorizer, setupError, test, results, cancellationToken).ConfigureAwait(false);
            await RunListUsersAsync(authorizer, setupError, test, results, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            (authorizer as IDisposable)?.Dispose();
        }
    }

    /// <summary>Whether an error message matches an expected error text (an empty text matches any error).</summary>
    private static bool IsExpected(string? expectedError, string error) =>
        expectedError is { } text && error.Contains(text, StringComparison.Ordinal);
}
