namespace Arbiter.Cli.Tests.Support;

/// <summary>
/// Finds the shared conformance data as test/Arbiter.Conformance.Tests does: <c>ARBITER_CONFORMANCE_DIR</c> when set, else
/// <c>shared/conformance</c> in a folder above the tests. Missing data skips the tests with a message, unless
/// <c>ARBITER_REQUIRE_CONFORMANCE=1</c>, when they fail.
/// </summary>
internal static class ConformanceData
{
    private static readonly Lazy<string?> Root = new(Find);

    public static string? SkipReason =>
        Root.Value is not null || Environment.GetEnvironmentVariable("ARBITER_REQUIRE_CONFORMANCE") == "1"
            ? null
            : "conformance data not found: set ARBITER_CONFORMANCE_DIR or put shared/conformance beside the repository";

    public static string PathOf(string relative)
    {
        var root = Root.Value ?? throw new InvalidOperationException(
            "Conformance data is required (ARBITER_REQUIRE_CONFORMANCE=1) but was not found; set ARBITER_CONFORMANCE_DIR.");
        var path = Path.Combine(root, relative);
        if (!File.Exists(path) && !System.IO.Directory.Exists(path))
        {
            throw new FileNotFoundException($"Conformance data file '{relative}' is missing under '{root}'.", path);
        }
        return path;
    }

    private static string? Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("ARBITER_CONFORMANCE_DIR");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return System.IO.Directory.Exists(fromEnv) ? Path.GetFullPath(fromEnv) : null;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "conformance");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
