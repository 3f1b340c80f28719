using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Arbiter.Benchmarks;

/// <summary>
/// A percentile of the iteration times as a column (BenchmarkDotNet 0.14 offers P0, P25, P50, P67, P80, P85, P90, P95 and
/// P100 but no P99). With one invocation per iteration these are percentiles of single operations.
/// </summary>
public sealed class PercentileColumn(int percentile) : IColumn
{
    public string Id => "P" + percentile;

    public string ColumnName => "P" + percentile;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => percentile;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public string Legend => $"Percentile {percentile} of the iteration times";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null)
        {
            return "NA";
        }
        var nanoseconds = statistics.Percentiles.Percentile(percentile);
        // the unit of the mean, as the other time columns of the row choose theirs
        var (scale, unit) = statistics.Mean switch
        {
            < 1e3 => (1.0, "ns"),
            < 1e6 => (1e3, "μs"),
            < 1e9 => (1e6, "ms"),
            _ => (1e9, "s"),
        };
        var text = (nanoseconds / scale).ToString("N3", style.CultureInfo);
        return style.PrintUnitsInContent ? text + " " + unit : text;
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public override string ToString() => ColumnName;
}
