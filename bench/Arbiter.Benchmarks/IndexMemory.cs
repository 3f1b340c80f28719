using System.Diagnostics;
using System.Runtime.CompilerServices;
using Arbiter.Parsing;

namespace Arbiter.Benchmarks;

/// <summary>
/// What an engine holding 1M tuples costs in memory: the managed heap after a full GC with the input dropped (everything the
/// engine retains, including the id strings it keeps from the input), the bytes allocated during the write, and the peak
/// managed heap seen while it ran (sampled every millisecond; input included, reported separately).
/// </summary>
internal static class IndexMemory
{
    private const double MB = 1024.0 * 1024.0;

    public static void Measure()
    {
        var model = ModelParser.Parse(BenchModel.Dsl).GetModelOrThrow();
        var empty = Heap();
        var (engine, input, allocated, peak, elapsed) = Build(model);
        var withEngine = Heap();
        Console.WriteLine($"input: 1,000,000 RelationshipTuple objects and their strings = {(input - empty) / MB:N1} MB of managed heap");
        Console.WriteLine($"write of 1M tuples: {elapsed.TotalMilliseconds:N0} ms; allocated {allocated / MB:N1} MB during the write; "
            + $"peak managed heap {peak / MB:N1} MB above the input ({(peak + input - empty) / MB:N1} MB with it)");
        Console.WriteLine($"retained by the engine (input list dropped, full GC): {(withEngine - empty) / MB:N1} MB for {engine.TupleCount:N0} tuples");
        GC.KeepAlive(engine);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (AuthorizationEngine Engine, long Input, long Allocated, long Peak, TimeSpan Elapsed) Build(Arbiter.Model.AuthorizationModel model)
    {
        var tuples = BenchModel.ManyTuples(1_000_000);
        var input = Heap();
        var engine = AuthorizationEngine.Create(model, new AuthorizationEngineOptions { MaxTuplesPerWrite = tuples.Length });
        long peak = 0;
        var done = false;
        var sampler = new Thread(() =>
        {
            while (!Volatile.Read(ref done))
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                Thread.Sleep(1);
            }
        });
        sampler.Start();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        engine.Write(tuples);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Volatile.Write(ref done, true);
        sampler.Join();
        peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
        return (engine, input, allocated, peak - input, watch.Elapsed);
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
