using Arbiter.Conditions;
using Arbiter.Engine;
using Arbiter.Parsing;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>
/// The cost of a tuple condition: a check whose tuple carries <c>x &lt; 100</c> next to the same check on a tuple without
/// a condition (target: at most twice the time), and the condition evaluation itself (target: at most 100 ns, 0 B).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
public class ConditionBenchmarks
{
    private const string Dsl = """
        model
          schema 1.1
        type user
        type document
          relations
            define viewer: [user]
            define limited_viewer: [user with x_less_than]
        condition x_less_than(x: int) {
          x < 100
        }
        """;

    private AuthorizationEngine _engine = null!;
    private CheckRequest _plain = null!;
    private CheckRequest _conditional = null!;
    private CheckRequest _tupleContext = null!;
    private ConditionProgram _program = null!;
    private CompiledCelExpression _expression = null!;
    private CelActivation _activation = null!;
    private Dictionary<string, object?> _context = null!;
    private readonly ConditionInputs _inputs = new();

    [GlobalSetup]
    public void Setup()
    {
        _engine = AuthorizationEngine.Create(ModelParser.Parse(Dsl).GetModelOrThrow(), new AuthorizationEngineOptions { MaxTuplesPerWrite = 30_000 });
        var tuples = new List<RelationshipTuple>();
        for (var i = 0; i < 10_000; i++)
        {
            tuples.Add(RelationshipTuple.Create($"document:{i}", "viewer", $"user:u{i}"));
            tuples.Add(RelationshipTuple.Create($"document:{i}", "limited_viewer", $"user:u{i}", new TupleCondition("x_less_than")));
            tuples.Add(RelationshipTuple.Create($"document:{i}", "limited_viewer", $"user:t{i}",
                new TupleCondition("x_less_than", new Dictionary<string, object?> { ["x"] = 10L })));
        }
        _engine.Write(tuples);
        _context = new Dictionary<string, object?>(StringComparer.Ordinal) { ["x"] = 10L };
        _plain = CheckRequest.Create("user:u42", "viewer", "document:42");
        _conditional = CheckRequest.Create("user:u42", "limited_viewer", "document:42") with { Context = _context };
        _tupleContext = CheckRequest.Create("user:t42", "limited_viewer", "document:42");

        _program = _engine.State.Model.Conditions.Find("x_less_than")!;
        _inputs.Reset(_context, null);
        _expression = _program.Expression;
        _activation = _expression.CreateActivation().Set("x", CelValue.FromInt(10));
        if (!Conditional() || !TupleContext() || !Plain() || !Condition() || !Expression())
        {
            throw new InvalidOperationException("the benchmark checks must allow");
        }
    }

    [Benchmark(Baseline = true, Description = "Check: direct tuple, no condition")]
    public bool Plain() => _engine.CheckAsync(_plain).Result.Allowed;

    [Benchmark(Description = "Check: direct tuple with x < 100 (x from the request)")]
    public bool Conditional() => _engine.CheckAsync(_conditional).Result.Allowed;

    [Benchmark(Description = "Check: direct tuple with x < 100 (x from the tuple)")]
    public bool TupleContext() => _engine.CheckAsync(_tupleContext).Result.Allowed;

    [Benchmark(Description = "Condition x < 100: merge, convert, evaluate")]
    public bool Condition() => _program.Evaluate(null, _inputs, null, null).Value == Tri.True;

    [Benchmark(Description = "CEL x < 100: evaluate a set activation")]
    public bool Expression() => _expression.Evaluate(_activation).IsTrue;
}
