namespace Arbiter.Testing;

public sealed partial class StoreTestRunner
{
    /// <summary>A listing stopped by a limit or the deadline is resumed with its continuation token at most this many times.</summary>
    private const int MaxListPages = 1000;

    private static async Task RunListObjectsAsync(
        IAuthorizer? authorizer, string? setupError, StoreTest test, List<StoreAssertionResult> results, CancellationToken cancellationToken)
    {
        foreach (var list in test.ListObjects)
        {
            foreach (var (relation, expected) in list.Assertions)
            {
                var result = new ListObjectsAssertionResult
                {
                    TestName = test.Name,
                    User = list.User,
                    Type = list.Type,
                    Relation = relation,
                    Expected = expected,
                    Context = list.Context,
                    SubjectAttributes = list.SubjectAttributes,
                    ExpectedError = list.ExpectedErrors.GetValueOrDefault(relation),
                    Outcome = AssertionOutcome.Failed,
                    Error = setupError,
                };
                results.Add(authorizer is null ? result : await ListObjectsAsync(authorizer, result, cancellationToken).ConfigureAwait(false));
            }
        }
    }

    private static async Task RunListUsersAsync(
        IAuthorizer? authorizer, string? setupError, StoreTest test, List<StoreAssertionResult> results, CancellationToken cancellationToken)
    {
        foreach (var list in test.ListUsers)
        {
            foreach (var (relation, expected) in list.Assertions)
            {
                var result = new ListUsersAssertionResult
                {
                    TestName = test.Name,
                    Object = list.Object,
                    UserFilter = list.UserFilter,
                    Relation = relation,
                    Expected = expected,
                    Context = list.Context,
                    ObjectAttributes = list.ObjectAttributes,
                    ExpectedError = list.ExpectedErrors.GetValueOrDefault(relation),
                    Outcome = AssertionOutcome.Failed,
                    Error = setupError,
                };
                results.Add(authorizer is null ? result : await ListUsersAsync(authorizer, result, cancellationToken).ConfigureAwait(false));
            }
        }
    }

    /// <summary>Lists every page (a listing stopped by a limit or the deadline is resumed) and compares the objects in any order.</summary>
    private static async Task<ListObjectsAssertionResult> ListObjectsAsync(IAuthorizer authorizer, ListObjectsAssertionResult result, CancellationToken cancellationToken)
    {
        string? error;
        try
        {
            var objects = new List<string>();
            string? token = null;
            for (var page = 0; ; page++)
            {
                var request = new ListObjectsRequest(result.User, result.Relation, result.Type)
                {
                    Context = result.Context,
                    SubjectAttributes = result.SubjectAttributes,
                    ContinuationToken = token,
                };
                var answer = await authorizer.ListObjectsAsync(request, cancellationToken).ConfigureAwait(false);
                if (answer.Error is not null)
                {
                    error = answer.Error.Message;
                    break;
                }
                objects.AddRange(answer.Objects.Select(static o => o.ToString()));
                token = answer.ContinuationToken;
                if (token is null)
                {
                    return Compared(result with { Actual = objects }, objects);
                }
                if (page + 1 == MaxListPages)
                {
                    error = $"the listing stopped before the end ({answer.Stopped}) {MaxListPages} times";
                    break;
                }
            }
        }
        catch (ArbiterException ex)
        {
            error = ex.Message;
        }
        return result with { Error = error, Outcome = IsExpected(result.ExpectedError, error) ? AssertionOutcome.Passed : AssertionOutcome.Failed };
    }

    /// <summary>Lists the subjects and compares them in any order; a listing stopped by a limit or the deadline fails.</summary>
    private static async Task<ListUsersAssertionResult> ListUsersAsync(IAuthorizer authorizer, ListUsersAssertionResult result, CancellationToken cancellationToken)
    {
        string? error;
        try
        {
            var request = new ListSubjectsRequest(result.Object, result.Relation, result.UserFilter.Select(static f => new SubjectFilter(f.Type, f.Relation)).ToList())
            {
                Context = result.Context,
                ObjectAttributes = result.ObjectAttributes,
            };
            var answer = await authorizer.ListSubjectsAsync(request, cancellationToken).ConfigureAwait(false);
            if (answer.Error is not null)
            {
                error = answer.Error.Message;
            }
            else if (answer.Stopped is { } stopped)
            {
                error = $"the listing stopped before the end ({stopped})";
            }
            else
            {
                var subjects = answer.Subjects.Select(static s => s.ToString()).ToList();
                return Compared(result with { Actual = subjects }, subjects);
            }
        }
        catch (ArbiterException ex)
        {
            error = ex.Message;
        }
        return result with { Error = error, Outcome = IsExpected(result.ExpectedError, error) ? AssertionOutcome.Passed : AssertionOutcome.Failed };
    }

    private static ListObjectsAssertionResult Compared(ListObjectsAssertionResult result, List<string> actual) =>
        result with { Outcome = result.ExpectedError is null && SameItems(result.Expected, actual) ? AssertionOutcome.Passed : AssertionOutcome.Failed };

    private static ListUsersAssertionResult Compared(ListUsersAssertionResult result, List<string> actual) =>
        result with { Outcome = result.ExpectedError is null && SameItems(result.Expected, actual) ? AssertionOutcome.Passed : AssertionOutcome.Failed };

    /// <summary>Whether both lists hold the same items, in any order (each as often).</summary>
    private static bool SameItems(IReadOnlyList<string> expected, IReadOnlyList<string> actual) =>
        expected.Count == actual.Count && expected.Order(StringComparer.Ordinal).SequenceEqual(actual.Order(StringComparer.Ordinal), StringComparer.Ordinal);
}
