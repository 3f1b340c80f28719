namespace Arbiter.Testing;

public sealed partial class StoreTestRunner
{
    private static async Task RunChecksAsync(
        IAuthorizer? authorizer, string? setupError, StoreTest test, List<StoreAssertionResult> results, CancellationToken cancellationToken)
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
        return result with { Error = error, Outcome = IsExpected(result.ExpectedError, error) ? AssertionOutcome.Passed : AssertionOutcome.Failed };
    }
}
