using Arbiter.Data.Tests.Support;
using Arbiter.Filtering;
using Arbiter.Tests.Docs;
using Dapper;
using Microsoft.EntityFrameworkCore;

namespace Arbiter.Data.Tests.Docs;

/// <summary>Runs the examples of docs/filtering.md.</summary>
public sealed class FilteringDocsTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    private const string Document = "docs/filtering.md";

    public sealed class Invoice
    {
        public long Number { get; set; }

        public Person Owner { get; set; } = new();

        public decimal Amount { get; set; }
    }

    public sealed class Person
    {
        public string? Department { get; set; }
    }

    private sealed class ShopDb(string path) : DbContext
    {
        public DbSet<Document> Documents => Set<Document>();

        // <snippet:filtering-efcore-options>
        protected override void OnConfiguring(DbContextOptionsBuilder options) =>
            options.UseSqlite($"Data Source={path}", sqlite =>
                sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)); // one parameter per id set
        // </snippet:filtering-efcore-options>

        protected override void OnModelCreating(ModelBuilder model)
        {
            var document = model.Entity<Document>().ToTable("documents");
            foreach (var (property, column) in new[] { ("Id", "id"), ("Department", "department"), ("Classification", "classification"), ("Status", "status"), ("HasApproval", "has_approval"), ("Level", "level"), ("Score", "score") })
            {
                document.Property(property).HasColumnName(column);
            }
            document.Property(d => d.Created).HasColumnName("created_ticks")
                .HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
                    t => t.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero)));
        }
    }

    [Fact]
    public void The_quickstart_runs_as_written()
    {
        using var db = new ShopDb(seeded.Database.Path);
        using var connection = seeded.Database.Open();

        // <snippet:filtering-quickstart>
        // What a plan returns: the documents reached through relationships, or eng documents with an approval
        var filter = Filter.Or(
            new IdInFilter(new HashSet<string> { "doc01", "doc02" }),
            Filter.And(
                new CompareFilter("department", CompareOperator.Equal, "eng"),
                new CompareFilter("has_approval", CompareOperator.Equal, true)));

        // 1. in memory: an attribute dictionary, or a C# object (members found by convention)
        var approved = new Dictionary<string, object?> { ["department"] = "eng", ["has_approval"] = true };
        bool a = filter.IsSatisfiedBy("doc07", approved);                                  // true
        bool b = filter.IsSatisfiedBy(new Document { Id = "doc08", Department = "sales" }); // false

        // 2. EF Core: one SQL query, every value a parameter
        List<Document> visible = db.Documents.Where(filter.ToExpression<Document>()).ToList();

        // 3. SQL for Dapper or ADO.NET
        var mapping = new SqlMapping("id").Column("department", "department").Column("has_approval", "has_approval");
        SqlFilter sql = filter.ToSql(SqlDialect.Sqlite, mapping);
        var ids = connection.Query<string>($"SELECT id FROM documents WHERE {sql.Where}", sql.ParameterDictionary());
        // </snippet:filtering-quickstart>

        a.ShouldBeTrue();
        b.ShouldBeFalse();
        string[] expected = ["doc00", "doc01", "doc02", "doc45"];
        visible.Select(d => d.Id).Order(StringComparer.Ordinal).ShouldBe(expected);
        ids.Order(StringComparer.Ordinal).ShouldBe(expected);
        DocSnippets.ShouldMatch(Document, "filtering-quickstart");
        DocSnippets.ShouldMatch(Document, "filtering-efcore-options");
    }

    [Fact]
    public void The_mapping_example_runs_as_written()
    {
        Invoice[] invoices =
        [
            new() { Number = 1042, Owner = new() { Department = "sales" } },
            new() { Number = 1043, Owner = new() { Department = "eng" }, Amount = 10 },
            new() { Number = 1044, Owner = new() { Department = "sales" }, Amount = 20_000 },
        ];
        var filter = Filter.Or(
            new IdInFilter(new HashSet<string> { "1042", "0001043" }),
            Filter.And(
                new CompareFilter("department", CompareOperator.Equal, "sales"),
                new CompareFilter("amount", CompareOperator.Greater, 1000L)));

        // <snippet:filtering-mapping>
        var mapping = new FilterMapping<Invoice>()
            .Id(i => i.Number)                                 // "1042" is invoice 1042; "0001043" is no invoice
            .Attribute("department", i => i.Owner.Department); // a path; "amount" finds Amount by convention

        var mine = invoices.Where(i => filter.IsSatisfiedBy(i, mapping));         // in memory
        var query = invoices.AsQueryable().Where(filter.ToExpression(mapping));  // or for IQueryable<Invoice>
        // </snippet:filtering-mapping>

        mine.Select(i => i.Number).ShouldBe([1042, 1044]);
        query.Select(i => i.Number).ShouldBe([1042, 1044]);
        Should.Throw<InvalidOperationException>(() => new CompareFilter("region", CompareOperator.Equal, "eu").ToExpression(mapping))
            .Message.ShouldContain("'region'");
        DocSnippets.ShouldMatch(Document, "filtering-mapping");
    }

    [Fact]
    public void The_sql_shown_is_the_sql_written()
    {
        var filter = Filter.Or(
            new IdInFilter(new HashSet<string> { "doc01", "doc02" }),
            Filter.And(
                new CompareFilter("department", CompareOperator.Equal, "eng"),
                new CompareFilter("level", CompareOperator.Greater, 3L)));
        var mapping = new SqlMapping("id").Column("department", "department").Column("level", "level");
        var text = File.ReadAllText(Path.Combine(DocSnippets.RepositoryRoot(), Document));

        text.ShouldContain(filter.ToSql(SqlDialect.Sqlite, mapping).Where);
        text.ShouldContain(filter.ToSql(SqlDialect.PostgreSql, mapping).Where);
        using var db = seeded.Database.Context();
        var queryString = db.Documents.Where(filter.ToExpression<Document>()).ToQueryString().ReplaceLineEndings("\n");
        text.ShouldContain(queryString[queryString.IndexOf("WHERE", StringComparison.Ordinal)..]);
    }
}
