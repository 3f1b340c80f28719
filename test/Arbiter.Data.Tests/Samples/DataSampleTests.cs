using Arbiter.Filtering;
using Arbiter.Model;
using Arbiter.Tests.Docs;
using Microsoft.EntityFrameworkCore;

namespace Arbiter.Data.Tests.Samples;

/// <summary>
/// Issue 4's data example (<c>samples/data</c>): admins read the data of their own account, users the data of their own
/// account that they created, as a filter over an in-memory list and over an EF Core table in SQLite, agreeing with Check.
/// </summary>
public sealed class DataSampleTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "arbiter-sample-" + Guid.NewGuid().ToString("N"));

    public DataSampleTests() => System.IO.Directory.CreateDirectory(_directory);

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);

    private static readonly DataRow[] Rows =
    [
        new() { Id = "1", AccountId = "acme", CreatedBy = "bob" },
        new() { Id = "2", AccountId = "acme", CreatedBy = "alice" },
        new() { Id = "3", AccountId = "globex", CreatedBy = "carol" },
        new() { Id = "4", AccountId = "globex", CreatedBy = "bob" },
        new() { Id = "5", AccountId = "acme", CreatedBy = "bob' OR 1=1 --" },
    ];

    private static AuthorizationEngine Engine()
    {
        var model = AuthorizationModel.FromDsl(File.ReadAllText(Path.Combine(DocSnippets.RepositoryRoot(), "samples/data/model.fga")));
        var engine = AuthorizationEngine.Create(model);
        engine.WriteAttributes([
            new EntityAttributes(ObjectRef.Parse("user:alice"), new Dictionary<string, object?> { ["role"] = "admin", ["account_id"] = "acme", ["user_id"] = "alice" }),
            new EntityAttributes(ObjectRef.Parse("user:bob"), new Dictionary<string, object?> { ["role"] = "user", ["account_id"] = "acme", ["user_id"] = "bob" }),
            new EntityAttributes(ObjectRef.Parse("user:carol"), new Dictionary<string, object?> { ["role"] = "user", ["account_id"] = "globex", ["user_id"] = "carol" }),
        ]);
        return engine;
    }

    [Theory]
    [InlineData("user:alice", new[] { "1", "2", "5" })]
    [InlineData("user:bob", new[] { "1" })]
    [InlineData("user:carol", new[] { "3" })]
    [InlineData("user:nobody", new string[0])]
    public async Task The_filter_selects_the_same_rows_in_memory_in_EF_Core_and_by_Check(string user, string[] expected)
    {
        var engine = Engine();
        var plan = await engine.PlanAsync(PlanRequest.Create(user, "can_read", "data"));

        // in memory
        Rows.Where(r => plan.Filter.IsSatisfiedBy(r)).Select(r => r.Id).ShouldBe(expected);

        // an EF Core table in SQLite: the filter runs as SQL
        using (var db = new DataDb(Path.Combine(_directory, "data.db")))
        {
            db.Database.EnsureCreated();
            if (!db.Rows.Any())
            {
                db.Rows.AddRange(Rows.Select(r => new DataRow { Id = r.Id, AccountId = r.AccountId, CreatedBy = r.CreatedBy }));
                db.SaveChanges();
            }
            var query = db.Rows.Where(plan.Filter.ToExpression<DataRow>()).OrderBy(r => r.Id);
            query.Select(r => r.Id).ToList().ShouldBe(expected);
            var sql = query.ToQueryString();
            sql.ShouldContain("WHERE");
            sql.ShouldNotContain("OR 1=1");
        }

        // and each row agrees with a check of the same subject on a resource described by the row's attributes
        foreach (var row in Rows)
        {
            var decision = await engine.CheckAsync(CheckRequest.Create(user, "can_read", "data:" + row.Id) with
            {
                ObjectAttributes = new Dictionary<string, object?> { ["account_id"] = row.AccountId, ["created_by"] = row.CreatedBy },
            });
            decision.Allowed.ShouldBe(expected.Contains(row.Id), $"{user} on row {row.Id}");
        }
    }

    [Fact]
    public async Task The_docs_planning_example_runs_as_written()
    {
        var engine = Engine();
        using var db = new DataDb(Path.Combine(_directory, "docs.db"));
        db.Database.EnsureCreated();
        db.Rows.AddRange(Rows);
        db.SaveChanges();
        // <snippet:filtering-plan>
        // samples/data: admins read their account's data, users the data of their account they created
        var plan = await engine.PlanAsync(PlanRequest.Create("user:bob", "can_read", "data"));
        // plan.Filter: (account_id == "acme" and created_by == "bob")
        var mine = await db.Rows.Where(plan.Filter.ToExpression<DataRow>()).ToListAsync();
        // </snippet:filtering-plan>
        plan.Filter.ToString().ShouldBe("(account_id == \"acme\" and created_by == \"bob\")");
        mine.Select(r => r.Id).ShouldBe(["1"]);
        DocSnippets.ShouldMatch("docs/filtering.md", "filtering-plan");
    }

    public sealed class DataRow
    {
        public string Id { get; set; } = "";

        public string AccountId { get; set; } = "";

        public string CreatedBy { get; set; } = "";
    }

    private sealed class DataDb(string path) : DbContext
    {
        public DbSet<DataRow> Rows => Set<DataRow>();

        protected override void OnConfiguring(DbContextOptionsBuilder options) =>
            options.UseSqlite($"Data Source={path};Pooling=False", s => s.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));

        protected override void OnModelCreating(ModelBuilder model)
        {
            var row = model.Entity<DataRow>();
            row.ToTable("data");
            row.HasKey(r => r.Id);
        }
    }
}
