namespace Arbiter.Storage.Tests.PostgreSql;

/// <summary>
/// Where the PostgreSQL tests find their server: the connection string in <c>ARBITER_POSTGRES</c> (set by <c>.ci/run</c>
/// from <c>.ci/postgres.sh</c>). When it is unset the tests skip with a message, unless <c>ARBITER_REQUIRE_POSTGRES=1</c>
/// (set in CI), when they fail.
/// </summary>
internal static class PostgresTestEnvironment
{
    public static string? ConnectionString => Environment.GetEnvironmentVariable("ARBITER_POSTGRES") is { Length: > 0 } value ? value : null;

    public static bool Required => Environment.GetEnvironmentVariable("ARBITER_REQUIRE_POSTGRES") == "1";

    /// <summary>Why the tests are skipped, or <see langword="null"/> when they run (or must run and fail).</summary>
    public static string? SkipReason => ConnectionString is not null || Required
        ? null
        : "PostgreSQL tests skipped: ARBITER_POSTGRES is not set (run .ci/postgres.sh and export its connection string, or use .ci/run)";

    /// <summary>The connection string, or a clear failure when it is required but missing.</summary>
    public static string RequireConnectionString() => ConnectionString ?? throw new InvalidOperationException(
        "PostgreSQL is required (ARBITER_REQUIRE_POSTGRES=1) but ARBITER_POSTGRES is not set: .ci/postgres.sh could not start a server");
}

/// <summary>A fact that needs PostgreSQL: skipped with a message when <c>ARBITER_POSTGRES</c> is unset outside CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestEnvironment.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that needs PostgreSQL: skipped with a message when <c>ARBITER_POSTGRES</c> is unset outside CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresTestEnvironment.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
