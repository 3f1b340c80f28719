using Arbiter.Storage;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Perfolizer.Mathematics.OutlierDetection;

namespace Arbiter.Benchmarks;

/// <summary>
/// Change propagation between two engines on one store, as between two servers: each engine opens its own provider
/// instance (for PostgreSQL its own connection pool and <c>LISTEN</c> connection). Engine A writes one new tuple with
/// <see cref="AuthorizationEngine.WriteAsync"/>; <see cref="WrittenAndSeenByB"/> then waits until engine B has applied the
/// write's revision (<see cref="AuthorizationEngine.WaitForConsistencyAsync"/> with <see cref="Consistency.AtLeast"/>, woken
/// when B publishes). <see cref="WrittenByA"/> is the write alone (it returns once A has applied it); the difference is
/// the time B lags behind A. One invocation per iteration, so the percentile columns are of single writes; outliers are
/// kept. <c>--measure-propagation</c> in Program.cs takes 1,000 samples and times the commit and B's apply separately.
/// For SQLite the two provider instances are in one process and share its in-process commit signal (a second process
/// would poll <c>PRAGMA data_version</c> every 100 ms).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 20, iterationCount: 300)]
[Outliers(OutlierMode.DontRemove)]
[Config(typeof(Percentiles))]
public class PropagationBenchmarks
{
    private string _location = string.Empty;
    private IStore _storeA = null!;
    private IStore _storeB = null!;
    private AuthorizationEngine _engineA = null!;
    private AuthorizationEngine _engineB = null!;
    private long _next;

    [ParamsSource(nameof(Stores))]
    public StoreKind Store { get; set; }

    public static IEnumerable<StoreKind> Stores() => BenchStores.Available();

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _location = BenchStores.NewLocation(Store);
        _storeA = await BenchStores.OpenAsync(Store, _location);
        await BenchStores.CreateWithModelAsync(_storeA);
        _storeB = await BenchStores.OpenAsync(Store, _location);
        _engineA = await AuthorizationEngine.OpenAsync(_storeA, BenchStores.StoreId);
        _engineB = await AuthorizationEngine.OpenAsync(_storeB, BenchStores.StoreId);
        // B's follower is waiting (its LISTEN connection open) once it has seen a first write
        await WrittenAndSeenByB();
    }

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task CleanupAsync()
    {
        await _engineA.DisposeAsync();
        await _engineB.DisposeAsync();
        await _storeA.DisposeAsync();
        await _storeB.DisposeAsync();
        await BenchStores.DeleteAsync(Store, _location);
    }

    [Benchmark(Baseline = true, Description = "A writes 1 tuple (WriteAsync)")]
    public async Task<long> WrittenByA() => (await _engineA.WriteAsync(NextWrite())).Revision;

    [Benchmark(Description = "A writes 1 tuple, B has applied it")]
    public async Task<long> WrittenAndSeenByB()
    {
        var result = await _engineA.WriteAsync(NextWrite());
        await _engineB.WaitForConsistencyAsync(Consistency.AtLeast(result.Revision));
        return _engineB.Revision;
    }

    private StoreWrite NextWrite()
    {
        var n = _next++;
        return new StoreWrite { Writes = [new RelationshipTuple(new ObjectRef("document", "p" + n), "viewer", StorageModel.User((int)n))] };
    }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.Median, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
    }
}
