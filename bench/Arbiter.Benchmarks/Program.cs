using Arbiter.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "--measure-index")
{
    IndexMemory.Measure();
    return;
}

var config = DefaultConfig.Instance;
BenchmarkSwitcher.FromAssembly(typeof(BenchModel).Assembly).Run(args, config);
