using Arbiter.Parsing;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>
/// Small writes into a large engine: one new tuple per <see cref="AuthorizationEngine.Write"/> into an engine holding 1M tuples.
/// Every invocation writes a different tuple (a new user on an existing document's viewer list, spread over the documents),
/// so changes accumulate as they do in a live store; the invocation count is fixed to keep the engine near 1M tuples.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15, invocationCount: 2048)]
[MedianColumn]
public class WriteBenchmarks
{
    private AuthorizationEngine _engine = null!;
    private RelationshipTuple[] _writes = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _engine = AuthorizationEngine.Create(ModelParser.Parse(BenchModel.Dsl).GetModelOrThrow(),
            new AuthorizationEngineOptions { MaxTuplesPerWrite = 1_000_000 });
        _engine.Write(BenchModel.ManyTuples(1_000_000));
        // enough distinct tuples for every invocation of every stage (pilot, warmup, workload)
        _writes = new RelationshipTuple[100_000];
        for (var i = 0; i < _writes.Length; i++)
        {
            _writes[i] = new RelationshipTuple(new ObjectRef("document", "d" + (i * 7919 % 333_333)), "viewer", new SubjectRef("user", "w" + i));
        }
    }

    [Benchmark(Description = "Write 1 tuple into a 1M-tuple engine")]
    public long WriteOne() => _engine.Write([_writes[_next++]]);
}
