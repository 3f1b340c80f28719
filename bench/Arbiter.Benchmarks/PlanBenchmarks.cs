using Arbiter.Filtering;
using Arbiter.Parsing;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>
/// Issue 4's plan target: a filter for a model mixing roles (owner, editor), relations (folders, groups) and attribute
/// rules (same department; a deny for archived documents), over 10,000 documents (target ≤ 50 µs); and ListObjects over
/// a deep group hierarchy (a user in the innermost of 10 nested groups; 1,000 documents shared with the outermost).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class PlanBenchmarks
{
    private const string Dsl = """
        model
          schema 1.1
        type user
          attributes
            department: string
        type group
          relations
            define member: [user, group#member]
        type folder
          relations
            define viewer: [user, group#member]
        type document
          attributes
            department: string
            status: string
          relations
            define parent: [folder]
            define owner: [user]
            define editor: [user, group#member] or owner
            define viewer: [user, group#member] or editor or viewer from parent or user where same_department
            define reader: [user, group#member] or editor
            define archived: user where is_archived
            define can_view: viewer but not archived
        condition same_department() {
          subject.department == object.department
        }
        condition is_archived() {
          object.status == "archived"
        }
        """;

    private AuthorizationEngine _engine = null!;
    private PlanRequest _plan = null!;
    private ListObjectsRequest _deep = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = AuthorizationEngine.Create(ModelParser.Parse(Dsl).GetModelOrThrow(), new AuthorizationEngineOptions { MaxTuplesPerWrite = 100_000 });
        var tuples = new List<RelationshipTuple>();
        for (var d = 0; d < 10_000; d++)
        {
            tuples.Add(RelationshipTuple.Create($"document:d{d:D5}", "parent", $"folder:f{d % 100:D3}"));
            tuples.Add(RelationshipTuple.Create($"document:d{d:D5}", "owner", $"user:u{d % 500}"));
        }
        tuples.Add(RelationshipTuple.Create("folder:f000", "viewer", "group:eng#member"));
        tuples.Add(RelationshipTuple.Create("folder:f001", "viewer", "user:anne"));
        tuples.Add(RelationshipTuple.Create("group:eng", "member", "user:anne"));
        for (var g = 0; g < 10; g++)
        {
            tuples.Add(RelationshipTuple.Create($"group:g{g}", "member", $"group:g{g + 1}#member"));
        }
        tuples.Add(RelationshipTuple.Create("group:g10", "member", "user:deep"));
        for (var d = 0; d < 1_000; d++)
        {
            tuples.Add(RelationshipTuple.Create($"document:d{d:D5}", "reader", "group:g0#member"));
        }
        _engine.Write(tuples);
        _engine.WriteAttributes([
            new EntityAttributes(new ObjectRef("user", "anne"), new Dictionary<string, object?> { ["department"] = "eng" }),
            new EntityAttributes(new ObjectRef("user", "deep"), new Dictionary<string, object?> { ["department"] = "ops" }),
        ]);
        _plan = PlanRequest.Create("user:anne", "can_view", "document");
        _deep = ListObjectsRequest.Create("user:deep", "reader", "document");
        var filter = _engine.PlanAsync(_plan).Result.Filter;
        if (filter is ConstantFilter)
        {
            throw new InvalidOperationException("the plan must not be constant: " + filter);
        }
        if (ListDeep() != 1_000)
        {
            throw new InvalidOperationException("the deep user must reach 1,000 documents");
        }
    }

    [Benchmark(Description = "Plan: roles, folders, groups, a same-department rule and a deny rule (10k documents)")]
    public Filter Plan() => _engine.PlanAsync(_plan).Result.Filter;

    [Benchmark(Description = "ListObjects: user in the innermost of 10 nested groups, 1k documents")]
    public int ListDeep() => _engine.ListObjectsAsync(_deep).Result.Objects.Count;
}
