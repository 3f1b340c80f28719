using Arbiter.Parsing;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>
/// Issue 4's listing targets: ListObjects over 100,000 documents in 1,000 folders where the subject reaches 1,000
/// (target ≤ 10 ms), and ListSubjects of one of those documents.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ListBenchmarks
{
    private const string Dsl = """
        model
          schema 1.1
        type user
        type group
          relations
            define member: [user, group#member]
        type folder
          relations
            define viewer: [user, group#member]
        type document
          relations
            define parent: [folder]
            define viewer: [user] or viewer from parent
        """;

    private AuthorizationEngine _engine = null!;
    private ListObjectsRequest _objects = null!;
    private ListSubjectsRequest _subjects = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = AuthorizationEngine.Create(ModelParser.Parse(Dsl).GetModelOrThrow(), new AuthorizationEngineOptions { MaxTuplesPerWrite = 200_000 });
        var tuples = new List<RelationshipTuple>();
        for (var d = 0; d < 100_000; d++)
        {
            tuples.Add(RelationshipTuple.Create($"document:d{d:D6}", "parent", $"folder:f{d % 1000:D4}"));
        }
        for (var f = 0; f < 10; f++)
        {
            tuples.Add(RelationshipTuple.Create($"folder:f{f * 100:D4}", "viewer", "user:anne"));
        }
        for (var u = 0; u < 50; u++)
        {
            tuples.Add(RelationshipTuple.Create("folder:f0000", "viewer", $"user:u{u}"));
        }
        _engine.Write(tuples);
        _objects = ListObjectsRequest.Create("user:anne", "viewer", "document");
        _subjects = ListSubjectsRequest.Create("document:d000000", "viewer", "user");
        var count = ListObjects();
        if (count != 1000)
        {
            throw new InvalidOperationException($"expected 1,000 documents, listed {count}");
        }
    }

    [Benchmark(Description = "ListObjects: 100k documents in 1k folders, subject reaches 1k")]
    public int ListObjects() => _engine.ListObjectsAsync(_objects).Result.Objects.Count;

    [Benchmark(Description = "ListSubjects: one document, 51 users through its folder")]
    public int ListSubjects() => _engine.ListSubjectsAsync(_subjects).Result.Subjects.Count;
}
