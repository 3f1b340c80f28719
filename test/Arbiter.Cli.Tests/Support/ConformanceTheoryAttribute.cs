namespace Arbiter.Cli.Tests.Support;

/// <summary>A theory that needs the shared conformance data: skipped with a message when it is missing outside CI.</summary>
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
