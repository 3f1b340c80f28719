using Arbiter.Model;
using Arbiter.Policy.Testing;

namespace Arbiter.Policy;

/// <summary>
/// Runs policy tests: the <c>tests:</c> of a policy file, or a <c>*.policytest.yaml</c> file that names its policy
/// (see <c>docs/policy-yaml.md</c>). Each run uses a fresh <see cref="PolicyAuthorizer"/>, so runs never affect each other.
/// </summary>
public static class PolicyTestRunner
{
    /// <summary>The file name ending of a separate policy test file.</summary>
    public const string TestFileSuffix = ".policytest.yaml";

    /// <summary>Runs the policy's own <c>tests:</c>.</summary>
    public static ValueTask<PolicyTestReport> RunAsync(PolicyDocument policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return RunAsync(policy, policy.Tests, cancellationToken);
    }

    /// <summary>Runs the given assertions against the policy.</summary>
    public static async ValueTask<PolicyTestReport> RunAsync(PolicyDocument policy, IReadOnlyList<PolicyTestCase> tests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(tests);
        var authorizer = PolicyAuthorizer.Create(policy);
        var results = new List<PolicyTestResult>(tests.Count);
        foreach (var test in tests)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(await RunOneAsync(authorizer, test, cancellationToken).ConfigureAwait(false));
        }
        return new PolicyTestReport(tests.Count > 0 ? tests[0].Source ?? policy.SourceName : policy.SourceName, results);
    }

    /// <summary>
    /// Runs a test file: a policy file's own <c>tests:</c>, or, for a file ending in <see cref="TestFileSuffix"/>, its
    /// <c>tests:</c> against the policy its <c>policy:</c> key names (a path relative to the test file).
    /// </summary>
    /// <exception cref="ModelValidationException">The test file or the policy has mistakes; every one is listed with line:column.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static ValueTask<PolicyTestReport> RunFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path.EndsWith(TestFileSuffix, StringComparison.OrdinalIgnoreCase))
        {
            var (policy, tests) = PolicyTestFileReader.Load(path);
            return RunAsync(policy, tests, cancellationToken);
        }
        return RunAsync(PolicyDocument.Load(path), cancellationToken);
    }

    /// <summary>Runs the policy's own <c>tests:</c>, synchronously.</summary>
    public static PolicyTestReport Run(PolicyDocument policy) => Wait(RunAsync(policy));

    /// <summary>Runs a test file (see <see cref="RunFileAsync"/>), synchronously.</summary>
    /// <exception cref="ModelValidationException">The test file or the policy has mistakes.</exception>
    public static PolicyTestReport RunFile(string path) => Wait(RunFileAsync(path));

    private static async ValueTask<PolicyTestResult> RunOneAsync(PolicyAuthorizer authorizer, PolicyTestCase test, CancellationToken cancellationToken)
    {
        try
        {
            var request = new PolicyCheckRequest(test.User, test.Action, test.Resource, test.Tenant)
            {
                UserAttributes = test.UserAttributes,
                ResourceAttributes = test.ResourceAttributes,
                Context = test.Context,
            };
            var decision = await authorizer.CheckAsync(request, cancellationToken).ConfigureAwait(false);
            var actual = decision.Allowed ? PolicyOutcome.Allow : PolicyOutcome.Deny;
            return new PolicyTestResult(test, actual, decision.Error?.Message);
        }
        catch (ArbiterException ex)
        {
            return new PolicyTestResult(test, PolicyOutcome.Deny, ex.Message);
        }
    }

    private static PolicyTestReport Wait(ValueTask<PolicyTestReport> task) =>
        task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();
}
