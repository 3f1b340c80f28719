using Arbiter.Storage;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>
/// Tuple write throughput of the store providers: each invocation commits one <see cref="IStoreWriter.WriteAsync"/> of
/// <see cref="BatchSize"/> new tuples (ids from a counter, so every tuple is new) into a store that grows as the run goes
/// on. Tuples per second = <see cref="BatchSize"/> / time per batch. The allocations include building the batch's tuples.
/// PostgreSQL rows appear only when <c>ARBITER_POSTGRES</c> is set.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
[MedianColumn]
public class StoreWriteBenchmarks
{
    private IStore _store = null!;
    private string _location = string.Empty;
    private long _next;

    [Params(1, 100, 10_000)]
    public int BatchSize { get; set; }

    [ParamsSource(nameof(Stores))]
    public StoreKind Store { get; set; }

    public static IEnumerable<StoreKind> Stores() => BenchStores.Available();

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _location = BenchStores.NewLocation(Store);
        _store = await BenchStores.OpenAsync(Store, _location);
        await BenchStores.CreateWithModelAsync(_store);
    }

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task CleanupAsync()
    {
        await _store.DisposeAsync();
        await BenchStores.DeleteAsync(Store, _location);
    }

    [Benchmark(Description = "WriteAsync, one batch of new tuples")]
    public async Task<long> WriteBatch()
    {
        var tuples = new RelationshipTuple[BatchSize];
        for (var i = 0; i < tuples.Length; i++)
        {
            var n = _next++;
            tuples[i] = new RelationshipTuple(new ObjectRef("document", "w" + n), "viewer", StorageModel.User((int)(n % StorageModel.Users)));
        }
        var result = await _store.WriteAsync(BenchStores.StoreId, new StoreWrite { Writes = tuples });
        return result.Revision;
    }
}
