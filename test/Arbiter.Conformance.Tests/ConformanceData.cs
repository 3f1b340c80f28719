namespace Arbiter.Conformance.Tests;

/// <summary>
/// Finds the conformance data of other projects (OpenFGA, CEL). It is read where it lies, never copied into the repo:
/// <c>ARBITER_CONFORMANCE_DIR</c> when set, else <c>../shared/conformance</c> beside the repository.
/// When it is missing, the tests skip with a message, unless <c>ARBITER_REQUIRE_CONFORMANCE=1</c> (set by CI), when they fail.
/// </summary>
internal static class ConformanceData
{
    private static readonly Lazy<string?> Root = new(Find);

    public static bool Required => Environment.GetEnvironmentVariable("ARBITER_REQUIRE_CONFORMANCE") == "1";

    public static bool Available => Root.Value is not null;

    /// <summary>Why the tests are skipped, or <see langword="null"/> when they run.</summary>
    public static string? SkipReason => Available || Required
        ? null
        : "conformance data not found: set ARBITER_CONFORMANCE_DIR or put shared/conformance beside the repository";

    /// <summary>The absolute path of a file or folder under the conformance root.</summary>
    public static string PathOf(string relative)
    {
        var root = Root.Value ?? throw new InvalidOperationException(
            "Conformance data is required (ARBITER_REQUIRE_CONFORMANCE=1) but was not found; set ARBITER_CONFORMANCE_DIR or put shared/conformance beside the repository.");
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

/// <summary>A fact that needs the conformance data: skipped with a message when it is missing outside CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute()
    {
        if (ConformanceData.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that needs the conformance data: skipped with a message when it is missing outside CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    public ConformanceTheoryAttribute()
    {
        if (ConformanceData.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
