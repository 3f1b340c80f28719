using System.Diagnostics;
using System.Reflection;
using Arbiter.Engine;
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
        Breakdown(engine);
        GC.KeepAlive(engine);
    }

    /// <summary>Where the retained bytes are, from the engine's arrays (estimated object sizes, 64-bit).</summary>
    private static void Breakdown(AuthorizationEngine engine)
    {
        const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;
        var pages = (IndexChunk?[]?[])typeof(RelationshipIndex).GetField("_pages", Private)!.GetValue(engine.State.Index)!;
        long chunks = 0, first = 0, slots = 0, subjects = 0, pageBytes = Array(8, pages.Length);
        foreach (var page in pages)
        {
            if (page is null)
            {
                continue;
            }
            pageBytes += Array(8, page.Length);
            foreach (var chunk in page)
            {
                if (chunk is null)
                {
                    continue;
                }
                chunks++;
                first += Array(4, chunk.First.Length) + 40;
                slots += Array(20, chunk.Slots.Length);
                subjects += Array(12, chunk.Subjects.Length);
                foreach (var large in chunk.Large ?? [])
                {
                    subjects += Array(12, large.Length);
                }
            }
        }
        Console.WriteLine($"  index: {chunks:N0} chunks; subject entries {subjects / MB:N1} MB, key slots {slots / MB:N1} MB, "
            + $"per-object offsets and chunk objects {first / MB:N1} MB, page tables {pageBytes / MB:N2} MB");

        var entities = engine.Tables.Entities;
        var types = (int[])typeof(EntityTable).GetField("_types", Private)!.GetValue(entities)!;
        var ids = (string[])typeof(EntityTable).GetField("_ids", Private)!.GetValue(entities)!;
        var byType = (Array)typeof(EntityTable).GetField("_byType", Private)!.GetValue(entities)!;
        long dictionaries = 0;
        foreach (var map in byType)
        {
            if (map?.GetType().GetProperty("Base")!.GetValue(map) is Dictionary<string, int> dictionary)
            {
                dictionaries += (long)dictionary.EnsureCapacity(0) * (24 + 4);
            }
        }
        long strings = 0;
        for (var i = 0; i < entities.Count; i++)
        {
            strings += (22 + (2L * ids[i].Length) + 7) & ~7L;
        }
        Console.WriteLine($"  entities: {entities.Count:N0}; id strings kept from the input {strings / MB:N1} MB, "
            + $"id lookup dictionaries {dictionaries / MB:N1} MB, type and id arrays {(Array(4, types.Length) + Array(8, ids.Length)) / MB:N1} MB");
    }

    private static long Array(int elementSize, int length) => 24 + ((long)elementSize * length);

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
