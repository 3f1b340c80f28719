using Arbiter.Filtering;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Arbiter.Data.Tests.Filtering;

/// <summary>Integer and Guid ids through EF Core and ToSql against a real SQLite file, with the canonical-text rule.</summary>
public sealed class TypedIdTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "arbiter-ids-" + Guid.NewGuid().ToString("N") + ".db");

    public sealed class Widget
    {
        public int Id { get; set; }

        public Guid Key { get; set; }
    }

    private sealed class WidgetsDb(string path) : DbContext
    {
        public DbSet<Widget> Widgets => Set<Widget>();

        protected override void OnConfiguring(DbContextOptionsBuilder options) =>
            options.UseSqlite($"Data Source={path};Pooling=False", s => s.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));

        protected override void OnModelCreating(ModelBuilder model)
        {
            model.Entity<Widget>().ToTable("widgets").Property(w => w.Id).ValueGeneratedNever();
            model.Entity<Widget>().Property(w => w.Id).HasColumnName("id");
            model.Entity<Widget>().Property(w => w.Key).HasColumnName("key");
        }
    }

    private static Guid Key(int i) => new($"3f2504e0-4f89-11d3-9a0c-0305e82c{i:D4}");

    public TypedIdTests()
    {
        using var db = new WidgetsDb(path);
        db.Database.EnsureCreated();
        db.Widgets.AddRange(Enumerable.Range(1, 20).Select(i => new Widget { Id = i, Key = Key(i) }));
        db.SaveChanges();
    }

    [Fact]
    public void IntegerIds_EfCoreAndSql_MatchCanonicalIdsOnly()
    {
        var filter = new IdInFilter(new HashSet<string> { "3", "007", "+8", "12", "x", "-1", "99999999999" });
        using var db = new WidgetsDb(path);

        db.Widgets.Where(filter.ToExpression<Widget>()).Select(w => w.Id).OrderBy(i => i).ToList().ShouldBe([3, 12]);
        var sql = filter.ToSql(SqlDialect.Sqlite, new SqlMapping("id", SqlIdType.Integer));
        using var connection = Open();
        connection.Query<int>($"SELECT id FROM widgets WHERE {sql.Where} ORDER BY id", sql.ParameterDictionary()).ShouldBe([3, 12]);
    }

    [Fact]
    public void GuidIds_EfCoreAndSql_MatchLowerOrUpperCaseText()
    {
        var filter = new IdInFilter(new HashSet<string> { Key(2).ToString(), Key(5).ToString().ToUpperInvariant(), "{" + Key(7) + "}", "nope" });
        var mapping = new FilterMapping<Widget>().Id(w => w.Key);
        using var db = new WidgetsDb(path);

        db.Widgets.Where(filter.ToExpression(mapping)).Select(w => w.Id).OrderBy(i => i).ToList().ShouldBe([2, 5]);
        var sql = filter.ToSql(SqlDialect.Sqlite, new SqlMapping("key", SqlIdType.Uuid));
        using var connection = Open();
        connection.Query<int>($"SELECT id FROM widgets WHERE {sql.Where} ORDER BY id", sql.ParameterDictionary()).ShouldBe([2, 5]);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    public void Dispose() => File.Delete(path);
}
