using Arbiter.Conditions;

namespace Arbiter.Tests.Conditions;

/// <summary>Evaluating comparisons of scalar values allocates nothing (the hot path of a conditional check).</summary>
public class CelAllocationTests
{
    [Theory]
    [InlineData("x < 100")]
    [InlineData("x >= 10 && x < 100 || d > 2.5")]
    [InlineData("s == 'admin' || s.startsWith('ops-')")]
    [InlineData("t < timestamp('2030-01-01T00:00:00Z') && t + dur > now")]
    [InlineData("x in [1, 2, 3] ? true : false")]
    public void Evaluate_ScalarComparisons_AllocateNothing(string expression)
    {
        var compiled = Cel.Compile(expression, ("x", CelType.Int), ("d", CelType.Double), ("s", CelType.String),
            ("t", CelType.Timestamp), ("dur", CelType.Duration), ("now", CelType.Timestamp));
        var activation = compiled.CreateActivation()
            .Set("x", CelValue.FromInt(42))
            .Set("d", CelValue.FromDouble(1.5))
            .Set("s", CelValue.FromString("ops-1"))
            .Set("t", CelValue.FromTimestamp(DateTimeOffset.UnixEpoch))
            .Set("dur", CelValue.FromDuration(TimeSpan.FromHours(1)))
            .Set("now", CelValue.FromTimestamp(DateTimeOffset.UnixEpoch));
        compiled.Evaluate(activation); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            compiled.Evaluate(activation);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.ShouldBe(0, expression);
    }
}
