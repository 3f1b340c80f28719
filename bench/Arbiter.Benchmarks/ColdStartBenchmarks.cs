using System.Diagnostics;
using Arbiter.Storage;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Arbiter.Benchmarks;

/// <summary>
/// Cold start: <see cref="AuthorizationEngine.OpenAsync"/> over a store of 1,000,000 tuples (the <see cref="StorageModel"/>
/// data: ~100,000 objects, 50,000 users, conditional tuples, 14,000 entities with attributes), then dispose. The store is
/// imported once per process in the global setup; each iteration streams it from the database and builds the index.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MedianColumn]
public class ColdStartBenchmarks
{
    private IStore _store = null!;
    private string _location = string.Empty;

    [Params(1_000_000)]
    public int Tuples { get; set; }

    [ParamsSource(nameof(Stores))]
    public StoreKind Store { get; set; }

    public static IEnumerable<StoreKind> Stores() => BenchStores.Available();

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _location = BenchStores.NewLocation(Store);
        _store = await BenchStores.OpenAsync(Store, _location);
        await _store.CreateStoreAsync(BenchStores.StoreId, "benchmark");
        var watch = Stopwatch.StartNew();
        await _store.ImportAsync(BenchStores.StoreId, StorageModel.Import(Tuples));
        Console.WriteLine($"// imported {Tuples:N0} tuples into {_store.Description} in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task CleanupAsync()
    {
        await _store.DisposeAsync();
        await BenchStores.DeleteAsync(Store, _location);
    }

    [Benchmark(Description = "OpenAsync over a 1M-tuple store, then dispose")]
    public async Task<long> Open()
    {
        var engine = await AuthorizationEngine.OpenAsync(_store, BenchStores.StoreId);
        var revision = engine.Revision;
        await engine.DisposeAsync();
        return revision;
    }
}
