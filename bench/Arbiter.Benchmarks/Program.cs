using System.Diagnostics;
using Arbiter.Benchmarks;
using Arbiter.Parsing;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "--measure-index")
{
    // Time and retained memory of an index of 1M tuples (the tuples themselves excluded).
    var model = ModelParser.Parse(BenchModel.Dsl).GetModelOrThrow();
    var tuples = BenchModel.ManyTuples(1_000_000);
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var watch = Stopwatch.StartNew();
    var engine = Arbiter.AuthorizationEngine.Create(model, new Arbiter.AuthorizationEngineOptions { MaxTuplesPerWrite = tuples.Length });
    engine.Write(tuples);
    watch.Stop();
    var after = GC.GetTotalMemory(forceFullCollection: true);
    Console.WriteLine($"indexed {engine.TupleCount:N0} tuples in {watch.Elapsed.TotalMilliseconds:N0} ms; retained {(after - before) / (1024.0 * 1024.0):N1} MB");
    GC.KeepAlive(engine);
    GC.KeepAlive(tuples);
    return;
}

var config = DefaultConfig.Instance;
BenchmarkSwitcher.FromAssembly(typeof(BenchModel).Assembly).Run(args, config);
