namespace Arbiter.Conformance.Tests.OpenFga;

/// <summary>
/// Compares a list answer with an assertion as OpenFGA's list runners do: <c>errorCode</c> must match the error (thrown
/// or in the result); otherwise the items must match <c>expectation</c> in any order (<c>ElementsMatch</c>), and every
/// item must pass Check with the same contextual tuples and context.
/// </summary>
internal static class OpenFgaListComparison
{
    public static void Compare(
        RunResult result, string where, List<string>? expected, int expectedCode, ListOutcome actual, Func<string, string?> checkDenies)
    {
        var expectedText = expectedCode != 0 ? "error " + expectedCode : ListOutcome.Format(expected ?? []);
        void Fail(string cause, string? detail = null) =>
            result.Fail($"{where} expected {expectedText} but got {actual}{(detail is null ? string.Empty : " (" + detail + ")")}", cause);

        if (actual.Thrown is { } thrown)
        {
            Fail("threw " + thrown.GetType().Name);
            return;
        }
        if (expectedCode != 0)
        {
            if (actual.Code == expectedCode)
            {
                result.Passed++;
            }
            else
            {
                Fail(actual.Code != 0 ? $"error {actual.Code} instead of error {expectedCode}" : $"a result instead of error {expectedCode}");
            }
            return;
        }
        if (actual.Code != 0)
        {
            Fail($"unexpected error {actual.Code}");
            return;
        }
        if (actual.Stopped is not null)
        {
            Fail("incomplete (" + actual.Stopped + ")");
            return;
        }
        var missing = Difference(expected ?? [], actual.Items);
        var extra = Difference(actual.Items, expected ?? []);
        if (missing.Count > 0 || extra.Count > 0)
        {
            var cause = missing.Count > 0 && extra.Count > 0 ? "missing and extra items" : missing.Count > 0 ? "missing items" : "extra items";
            Fail(cause, (missing.Count > 0 ? "missing " + ListOutcome.Format(missing) : string.Empty) +
                (missing.Count > 0 && extra.Count > 0 ? ", " : string.Empty) +
                (extra.Count > 0 ? "extra " + ListOutcome.Format(extra) : string.Empty));
            return;
        }
        foreach (var item in actual.Items)
        {
            if (checkDenies(item) is { } why)
            {
                Fail("listed but Check denies", $"Check {item}: {why}");
                return;
            }
        }
        result.Passed++;
    }

    /// <summary>The items of <paramref name="left"/> not matched one for one in <paramref name="right"/> (a multiset difference).</summary>
    private static List<string> Difference(IEnumerable<string> left, IEnumerable<string> right)
    {
        var counts = right.GroupBy(x => x, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var rest = new List<string>();
        foreach (var item in left)
        {
            if (counts.TryGetValue(item, out var n) && n > 0)
            {
                counts[item] = n - 1;
            }
            else
            {
                rest.Add(item);
            }
        }
        return rest;
    }

    /// <summary>Why Check does not allow the request (denied, or its error), or <see langword="null"/> when it allows.</summary>
    public static string? CheckDenies(AuthorizationEngine engine, CheckRequest request)
    {
        try
        {
            var decision = engine.CheckAsync(request).AsTask().GetAwaiter().GetResult();
            return decision.Error is { } e ? $"error {(int)e.Code} ({e.Message})" : decision.Allowed ? null : "denied";
        }
        catch (ArbiterException e)
        {
            return $"error {(int)e.Code} ({e.Message})";
        }
    }
}
