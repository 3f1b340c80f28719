using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Arbiter.Parsing;

namespace Arbiter.Benchmarks;

/// <summary>Indexing 1M tuples in one write: validation, interning and the index build.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MedianColumn]
public class IndexBuildBenchmarks
{
    private RelationshipTuple[] _tuples = [];
    private Arbiter.Model.AuthorizationModel _model = null!;

    [Params(1_000_000)]
    public int Tuples { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _tuples = BenchModel.ManyTuples(Tuples);
        _model = ModelParser.Parse(BenchModel.Dsl).GetModelOrThrow();
    }

    [Benchmark(Baseline = true, Description = "Write 1M tuples into an empty engine")]
    public long Build()
    {
        var engine = AuthorizationEngine.Create(_model, new AuthorizationEngineOptions { MaxTuplesPerWrite = Tuples });
        return engine.Write(_tuples);
    }
}
