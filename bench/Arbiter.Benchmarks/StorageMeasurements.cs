using System.Diagnostics;
using System.Globalization;
using Arbiter.Storage;

namespace Arbiter.Benchmarks;

/// <summary>
/// Stopwatch measurements behind the storage benchmarks, for what BenchmarkDotNet does not show:
/// <c>--measure-propagation [N] [sqlite|postgresql]</c> times N single-tuple writes of engine A and the moment engine B
/// has each (percentiles of single writes); <c>--measure-cold-start [sqlite|postgresql] [runs]</c> splits a cold start
/// over 1M tuples into reading the store and building the engine.
/// </summary>
internal static class StorageMeasurements
{
    public static async Task MeasurePropagationAsync(int samples, StoreKind kind)
    {
        var location = BenchStores.NewLocation(kind);
        var storeA = await BenchStores.OpenAsync(kind, location);
        await BenchStores.CreateWithModelAsync(storeA);
        var storeB = await BenchStores.OpenAsync(kind, location);
        var engineA = await AuthorizationEngine.OpenAsync(storeA, BenchStores.StoreId);
        var engineB = await AuthorizationEngine.OpenAsync(storeB, BenchStores.StoreId);
        try
        {
            Console.WriteLine($"propagation: {kind}, {samples} single-tuple writes by engine A (after 50 warm-up writes), engine B on a second provider instance");
            Console.WriteLine($"load average before: {LoadAverage()}");
            var write = new double[samples];
            var seenAfterStart = new double[samples];
            var seenAfterReturn = new double[samples];
            for (var i = -50; i < samples; i++)
            {
                // the next revision is known (one writer, gap-free revisions): start B's waiter first so that it stamps
                // the moment B publishes the revision, whatever A's call is doing then
                var expected = engineB.Revision + 1;
                var seen = StampWhenReachedAsync(engineB, expected);
                var start = Stopwatch.GetTimestamp();
                var result = await engineA.WriteAsync(new StoreWrite
                {
                    Writes = [new RelationshipTuple(new ObjectRef("document", "m" + i), "viewer", StorageModel.User(i + 50))],
                });
                var returned = Stopwatch.GetTimestamp();
                if (result.Revision != expected)
                {
                    throw new InvalidOperationException($"expected revision {expected}, the write got {result.Revision}");
                }
                var reached = await seen;
                if (i >= 0)
                {
                    write[i] = Milliseconds(start, returned);
                    seenAfterStart[i] = Milliseconds(start, reached);
                    seenAfterReturn[i] = Milliseconds(returned, reached);
                }
            }
            Console.WriteLine($"load average after: {LoadAverage()}");
            Console.WriteLine("| ms | mean | p50 | p95 | p99 | max |");
            Console.WriteLine("|---|---|---|---|---|---|");
            PrintRow("A: WriteAsync returns (commit + A applied)", write);
            PrintRow("B has applied it, from the start of A's write", seenAfterStart);
            PrintRow("B has applied it, after A's write returned (negative: before)", seenAfterReturn);
        }
        finally
        {
            await engineA.DisposeAsync();
            await engineB.DisposeAsync();
            await storeA.DisposeAsync();
            await storeB.DisposeAsync();
            await BenchStores.DeleteAsync(kind, location);
        }
    }

    public static async Task MeasureWritesAsync(StoreKind kind, int batchSize, int batches)
    {
        var location = BenchStores.NewLocation(kind);
        var store = await BenchStores.OpenAsync(kind, location);
        try
        {
            await BenchStores.CreateWithModelAsync(store);
            Console.WriteLine($"writes: {kind}, {batches} batches of {batchSize} new tuples (after 5 warm-up batches); load average before: {LoadAverage()}");
            var times = new double[batches];
            long next = 0;
            for (var i = -5; i < batches; i++)
            {
                var tuples = new RelationshipTuple[batchSize];
                for (var j = 0; j < tuples.Length; j++, next++)
                {
                    tuples[j] = new RelationshipTuple(new ObjectRef("document", "w" + next), "viewer", StorageModel.User((int)(next % StorageModel.Users)));
                }
                var start = Stopwatch.GetTimestamp();
                await store.WriteAsync(BenchStores.StoreId, new StoreWrite { Writes = tuples });
                if (i >= 0)
                {
                    times[i] = Milliseconds(start, Stopwatch.GetTimestamp());
                }
            }
            Console.WriteLine($"load average after: {LoadAverage()}");
            Console.WriteLine("| ms | mean | p50 | p95 | p99 | max |");
            Console.WriteLine("|---|---|---|---|---|---|");
            PrintRow($"{kind}: WriteAsync of {batchSize} tuples", times);
            Console.WriteLine(FormattableString.Invariant($"tuples/s at the median: {batchSize / (times.Order().ElementAt(batches / 2) / 1000):N0}"));
        }
        finally
        {
            await store.DisposeAsync();
            await BenchStores.DeleteAsync(kind, location);
        }
    }

    public static async Task MeasureColdStartAsync(StoreKind kind, int runs)
    {
        const int tuples = 1_000_000;
        var location = BenchStores.NewLocation(kind);
        var store = await BenchStores.OpenAsync(kind, location);
        var memory = new InMemoryStore(maxWriteOperations: int.MaxValue);
        try
        {
            await store.CreateStoreAsync(BenchStores.StoreId);
            await memory.CreateStoreAsync(BenchStores.StoreId);
            var watch = Stopwatch.StartNew();
            await store.ImportAsync(BenchStores.StoreId, StorageModel.Import(tuples));
            Console.WriteLine($"cold start: {kind}, {tuples:N0} tuples imported in {watch.Elapsed.TotalSeconds:0.00} s; {runs} runs of each step (the first includes JIT)");
            await memory.ImportAsync(BenchStores.StoreId, StorageModel.Import(tuples));
            Console.WriteLine($"load average before: {LoadAverage()}");
            Console.WriteLine("| step | run | seconds | allocated MB |");
            Console.WriteLine("|---|---|---|---|");
            for (var run = 1; run <= runs; run++)
            {
                await TimeAsync($"{kind}: read the state only (OpenStateAsync, every tuple and attribute)", run, () => ReadStateAsync(store));
                await TimeAsync("memory: read the state only (InMemoryStore)", run, () => ReadStateAsync(memory));
                await TimeAsync("memory: OpenAsync (engine build, streaming from InMemoryStore)", run, () => OpenAndDisposeAsync(memory));
                await TimeAsync($"{kind}: OpenAsync (all of it)", run, () => OpenAndDisposeAsync(store));
            }
            Console.WriteLine($"load average after: {LoadAverage()}");
        }
        finally
        {
            await store.DisposeAsync();
            await memory.DisposeAsync();
            await BenchStores.DeleteAsync(kind, location);
        }
    }

    private static async Task<long> ReadStateAsync(IStore store)
    {
        long count = 0;
        await using var state = await store.OpenStateAsync(BenchStores.StoreId);
        await foreach (var tuple in state.ReadTuplesAsync())
        {
            count += tuple.Relation.Length;
        }
        await foreach (var entry in state.ReadAttributesAsync())
        {
            count += entry.Values.Count;
        }
        return count;
    }

    private static async Task<long> OpenAndDisposeAsync(IStore store)
    {
        var engine = await AuthorizationEngine.OpenAsync(store, BenchStores.StoreId);
        var revision = engine.Revision;
        await engine.DisposeAsync();
        return revision;
    }

    private static async Task TimeAsync(string step, int run, Func<Task<long>> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var start = Stopwatch.GetTimestamp();
        _ = await action();
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
        Console.WriteLine(FormattableString.Invariant($"| {step} | {run} | {seconds:0.000} | {megabytes:0.0} |"));
    }

    private static async Task<long> StampWhenReachedAsync(AuthorizationEngine engine, long revision)
    {
        await engine.WaitForConsistencyAsync(Consistency.AtLeast(revision)).ConfigureAwait(false);
        return Stopwatch.GetTimestamp();
    }

    private static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    private static void PrintRow(string name, double[] values)
    {
        var sorted = values.Order().ToArray();
        Console.WriteLine(FormattableString.Invariant(
            $"| {name} | {values.Average():0.00} | {Percentile(sorted, 50):0.00} | {Percentile(sorted, 95):0.00} | {Percentile(sorted, 99):0.00} | {sorted[^1]:0.00} |"));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, int percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    public static StoreKind ParseKind(string? text) => text is null || text.Equals("postgresql", StringComparison.OrdinalIgnoreCase) || text.Equals("postgres", StringComparison.OrdinalIgnoreCase)
        ? StoreKind.PostgreSql
        : text.Equals("sqlite", StringComparison.OrdinalIgnoreCase) ? StoreKind.Sqlite : throw new ArgumentException($"unknown store kind '{text}': sqlite or postgresql");

    public static int ParseInt(string? text, int fallback) => text is null ? fallback : int.Parse(text, CultureInfo.InvariantCulture);
}
