using Arbiter.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "--measure-index")
{
    IndexMemory.Measure();
    return;
}
if (args.Length > 0 && args[0] == "--measure-propagation")
{
    // --measure-propagation [N=1000] [postgresql|sqlite]
    await StorageMeasurements.MeasurePropagationAsync(StorageMeasurements.ParseInt(args.ElementAtOrDefault(1), 1000),
        StorageMeasurements.ParseKind(args.ElementAtOrDefault(2)));
    return;
}
if (args.Length > 0 && args[0] == "--measure-cold-start")
{
    // --measure-cold-start [sqlite|postgresql] [runs=3]
    await StorageMeasurements.MeasureColdStartAsync(StorageMeasurements.ParseKind(args.ElementAtOrDefault(1) ?? "sqlite"),
        StorageMeasurements.ParseInt(args.ElementAtOrDefault(2), 3));
    return;
}
if (args.Length > 0 && args[0] == "--measure-writes")
{
    // --measure-writes [postgresql|sqlite] [batch size=100] [batches=200]
    await StorageMeasurements.MeasureWritesAsync(StorageMeasurements.ParseKind(args.ElementAtOrDefault(1)),
        StorageMeasurements.ParseInt(args.ElementAtOrDefault(2), 100), StorageMeasurements.ParseInt(args.ElementAtOrDefault(3), 200));
    return;
}

var config = DefaultConfig.Instance;
BenchmarkSwitcher.FromAssembly(typeof(BenchModel).Assembly).Run(args, config);
