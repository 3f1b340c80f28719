using Arbiter.Filtering;
using Arbiter.Parsing;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Arbiter.Benchmarks;

/// <summary>
/// Issue 4's EF Core target: a query over 100,000 rows in SQLite filtered by a plan's filter (ids through folders plus a
/// same-department rule) against the same query written by hand (target: within 1.5×).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class EfCoreFilterBenchmarks
{
    private const string Dsl = """
        model
          schema 1.1
        type user
          attributes
            department: string
        type folder
          relations
            define viewer: [user]
        type document
          attributes
            department: string
          relations
            define parent: [folder]
            define viewer: viewer from parent or user where same_department
        condition same_department() {
          subject.department == object.department
        }
        """;

    private static readonly string[] Departments = ["eng", "sales", "ops", "legal", "hr", "finance", "support", "research", "it", "board"];

    private string _directory = null!;
    private string _path = null!;
    private Filter _filter = null!;
    private string[] _ids = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "arbiter-bench-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(_directory);
        _path = Path.Combine(_directory, "docs.db");
        using (var db = new Db(_path))
        {
            db.Database.EnsureCreated();
        }
        using (var connection = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            connection.Open();
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO docs (Id, Department) VALUES ($id, $department)";
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var department = insert.Parameters.Add("$department", SqliteType.Text);
            for (var i = 0; i < 100_000; i++)
            {
                id.Value = $"d{i:D6}";
                department.Value = Departments[i % Departments.Length];
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }

        // the engine knows the folders; the documents' departments live in the table
        var engine = AuthorizationEngine.Create(ModelParser.Parse(Dsl).GetModelOrThrow(), new AuthorizationEngineOptions { MaxTuplesPerWrite = 200_000 });
        var tuples = new List<RelationshipTuple>();
        for (var i = 0; i < 100_000; i++)
        {
            tuples.Add(RelationshipTuple.Create($"document:d{i:D6}", "parent", $"folder:f{i % 1000:D4}"));
        }
        for (var f = 0; f < 10; f++)
        {
            tuples.Add(RelationshipTuple.Create($"folder:f{f * 100:D4}", "viewer", "user:anne"));
        }
        engine.Write(tuples);
        engine.WriteAttributes([new EntityAttributes(new ObjectRef("user", "anne"), new Dictionary<string, object?> { ["department"] = "eng" })]);
        _filter = engine.PlanAsync(PlanRequest.Create("user:anne", "viewer", "document")).Result.Filter;
        _ids = [.. ((IdInFilter)((OrFilter)_filter).Operands[0]).Ids];
        if (Filtered() != HandWritten())
        {
            throw new InvalidOperationException("the filtered and the hand-written query must agree");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "EF Core, hand-written: ids.Contains(d.Id) || d.Department == \"eng\"")]
    public int HandWritten()
    {
        using var db = new Db(_path);
        var ids = _ids;
        var department = "eng";
        return db.Docs.Where(d => ids.Contains(d.Id) || (d.Department != null && d.Department == department)).Count();
    }

    [Benchmark(Description = "EF Core, plan.Filter.ToExpression<Doc>()")]
    public int Filtered()
    {
        using var db = new Db(_path);
        return db.Docs.Where(_filter.ToExpression<Doc>()).Count();
    }

    public sealed class Doc
    {
        public string Id { get; set; } = "";

        public string? Department { get; set; }
    }

    private sealed class Db(string path) : DbContext
    {
        public DbSet<Doc> Docs => Set<Doc>();

        protected override void OnConfiguring(DbContextOptionsBuilder options) =>
            options.UseSqlite($"Data Source={path}", s => s.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));

        protected override void OnModelCreating(ModelBuilder model) => model.Entity<Doc>().ToTable("docs").HasKey(d => d.Id);
    }
}
