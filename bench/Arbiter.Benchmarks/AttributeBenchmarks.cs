using Arbiter.Conditions;
using Arbiter.Engine;
using Arbiter.Parsing;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>
/// Attribute rules (issue 3, part 7): a rule comparing a subject attribute with a resource attribute, and a rule with
/// <c>matches</c> and a timestamp comparison, each next to a direct tuple check on the same store; and the rule's
/// condition evaluation alone (target: at most 100 ns and 0 B for comparisons of scalar values).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
public class AttributeBenchmarks
{
    private const string Dsl = """
        model
          schema 1.1
        type user
          attributes
            department: string
            email: string
        type document
          attributes
            department: string
            expires: timestamp
          relations
            define owner: [user]
            define viewer: user where same_department
            define reviewer: user where staff_before_expiry
        condition same_department() {
          subject.department == object.department
        }
        condition staff_before_expiry(now: timestamp) {
          subject.email.matches("^[a-z0-9.]+@example[.]com$") && now < object.expires
        }
        """;

    private static readonly string[] Departments = ["eng", "sales", "ops", "legal", "hr", "finance", "support", "research"];

    private AuthorizationEngine _engine = null!;
    private CheckRequest _tuple = null!;
    private CheckRequest _sameDepartment = null!;
    private CheckRequest _matchesAndTime = null!;
    private ConditionProgram _program = null!;
    private readonly ConditionInputs _inputs = new();
    private CelValue[] _objectValues = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = AuthorizationEngine.Create(ModelParser.Parse(Dsl).GetModelOrThrow(), new AuthorizationEngineOptions { MaxTuplesPerWrite = 30_000 });
        var tuples = new List<RelationshipTuple>();
        var attributes = new List<EntityAttributes>();
        var expires = DateTimeOffset.Parse("2030-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 10_000; i++)
        {
            tuples.Add(RelationshipTuple.Create($"document:{i}", "owner", $"user:u{i}"));
            var department = Departments[i % Departments.Length];
            attributes.Add(new EntityAttributes(new ObjectRef("user", $"u{i}"),
                new Dictionary<string, object?> { ["department"] = department, ["email"] = $"user.{i}@example.com" }));
            attributes.Add(new EntityAttributes(new ObjectRef("document", i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Dictionary<string, object?> { ["department"] = department, ["expires"] = expires }));
        }
        _engine.Write(tuples);
        _engine.WriteAttributes(attributes[..10_000]);
        _engine.WriteAttributes(attributes[10_000..]);

        _tuple = CheckRequest.Create("user:u42", "owner", "document:42");
        _sameDepartment = CheckRequest.Create("user:u42", "viewer", "document:50"); // 42 % 8 == 50 % 8
        var context = new Dictionary<string, object?>(StringComparer.Ordinal) { ["now"] = "2026-11-22T10:00:00Z" };
        _matchesAndTime = CheckRequest.Create("user:u42", "reviewer", "document:42") with { Context = context };

        var state = _engine.State;
        var user = state.Model.FindType("user")!;
        var document = state.Model.FindType("document")!;
        _program = state.Model.Conditions.Find("same_department", "user", "document")!;
        var userEntity = _engine.Tables.Entities.Find(user.TypeId, "u42");
        var documentEntity = _engine.Tables.Entities.Find(document.TypeId, "50");
        _inputs.Reset(null, state.Attributes.Get(userEntity)!.For(user, CelOptions.Default));
        _objectValues = state.Attributes.Get(documentEntity)!.For(document, CelOptions.Default);

        if (!Tuple() || !SameDepartment() || !MatchesAndTimestamp() || !Condition())
        {
            throw new InvalidOperationException("the benchmark checks must allow");
        }
        if (_engine.CheckAsync(CheckRequest.Create("user:u43", "viewer", "document:50")).Result.Allowed)
        {
            throw new InvalidOperationException("a different department must not view");
        }
    }

    [Benchmark(Baseline = true, Description = "Check: direct tuple (owner)")]
    public bool Tuple() => _engine.CheckAsync(_tuple).Result.Allowed;

    [Benchmark(Description = "Check: rule subject.department == object.department")]
    public bool SameDepartment() => _engine.CheckAsync(_sameDepartment).Result.Allowed;

    [Benchmark(Description = "Check: rule email.matches(re) && now < object.expires")]
    public bool MatchesAndTimestamp() => _engine.CheckAsync(_matchesAndTime).Result.Allowed;

    [Benchmark(Description = "Condition subject.department == object.department: evaluate")]
    public bool Condition() => _program.Evaluate(null, _inputs, _objectValues, null).Value == Tri.True;
}
