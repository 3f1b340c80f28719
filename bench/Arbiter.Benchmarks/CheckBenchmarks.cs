using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>Check latency and allocation on the hot paths.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 20)]
[MedianColumn]
public class CheckBenchmarks
{
    private AuthorizationEngine _engine = null!;
    private CheckRequest _direct = null!;
    private CheckRequest _directDenied = null!;
    private CheckRequest _computed = null!;
    private CheckRequest _parentChain = null!;
    private CheckRequest _userset = null!;
    private List<CheckRequest> _batch = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = BenchModel.CreateEngine();
        _direct = CheckRequest.Create("user:u42", "owner", "document:42");
        _directDenied = CheckRequest.Create("user:u43", "owner", "document:42");
        _computed = CheckRequest.Create("user:u42", "editor", "document:42");
        _parentChain = CheckRequest.Create("user:reader", "viewer", "document:4242");
        _userset = CheckRequest.Create("user:dev", "member", "group:eng");
        _batch = Enumerable.Range(0, 100).Select(i => CheckRequest.Create("user:reader", "viewer", $"document:{i * 37}")).ToList();
    }

    [Benchmark(Baseline = true, Description = "Check: direct tuple (allowed)")]
    public bool Direct() => _engine.CheckAsync(_direct).Result.Allowed;

    [Benchmark(Description = "Check: direct tuple (denied)")]
    public bool DirectDenied() => _engine.CheckAsync(_directDenied).Result.Allowed;

    [Benchmark(Description = "Check: computed relation (editor <- owner)")]
    public bool Computed() => _engine.CheckAsync(_computed).Result.Allowed;

    [Benchmark(Description = "Check: 3-level 'viewer from parent' chain")]
    public bool ParentChain() => _engine.CheckAsync(_parentChain).Result.Allowed;

    [Benchmark(Description = "Check: group member (userset relation)")]
    public bool Userset() => _engine.CheckAsync(_userset).Result.Allowed;

    [Benchmark(Description = "BatchCheck: 100 parent-chain checks", OperationsPerInvoke = 1)]
    public int Batch100()
    {
        var decisions = _engine.BatchCheckAsync(_batch).Result;
        return decisions.Count;
    }
}
