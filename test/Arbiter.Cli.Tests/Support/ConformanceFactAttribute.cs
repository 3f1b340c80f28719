namespace Arbiter.Cli.Tests.Support;

/// <summary>A fact that needs the shared conformance data: skipped with a message when it is missing outside CI.</summary>
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
