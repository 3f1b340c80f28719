using Arbiter.Data.Tests.Support;
using Arbiter.Filtering;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Arbiter.Data.Tests.Filtering;

/// <summary>50,000 ids through EF Core and raw SQL: one parameter, whatever the size of the set.</summary>
public sealed class LargeIdSetTests(LargeIdSetTests.LargeDatabase large) : IClassFixture<LargeIdSetTests.LargeDatabase>
{
    private const int Rows = 60_000;

    // every even document up to 99,998: 30,000 of them exist, 20,000 do not
    private static readonly Filter Reachable = Filter.Or(
        new IdInFilter(Enumerable.Range(0, 50_000).Select(i => "doc" + (2 * i)).ToHashSet(StringComparer.Ordinal)),
        FilterCases.Eq("department", "eng"));

    private readonly TempDatabase database = large.Database;

    [Fact]
    public void EfCore_FiftyThousandIds_OneJsonParameter()
    {
        var expected = database.Documents.Count(d => Reachable.IsSatisfiedBy(d));
        using var db = database.Context();
        var query = db.Documents.Where(Reachable.ToExpression<Document>());

        var sql = query.ToQueryString();

        sql.Split('\n').Count(l => l.StartsWith(".param set ", StringComparison.Ordinal)).ShouldBe(2);
        EfCoreFilterTests.Body(sql).ShouldContain("json_each(@p)");
        query.Count().ShouldBe(expected);
        expected.ShouldBe(30_000 + 6_000);
    }

    [Fact]
    public void RawSql_FiftyThousandIds_OneParameter()
    {
        var expected = database.Documents.Count(d => Reachable.IsSatisfiedBy(d));

        var sql = Reachable.ToSql(SqlDialect.Sqlite, FilterCases.SqlMapping());

        sql.Parameters.Count.ShouldBe(2);
        using var connection = database.Open();
        connection.ExecuteScalar<long>($"SELECT count(*) FROM documents WHERE {sql.Where}", sql.ParameterDictionary()).ShouldBe(expected);
    }

    [Fact]
    public void EfCore_DefaultCollectionMode_SendsOneParameterPerIdAndFailsPastSqlitesLimit()
    {
        // Why DocumentsDb sets UseParameterizedCollectionMode(Parameter): EF Core 10's default expands a captured
        // collection to one parameter per element (padded), which SQLite refuses past 32,766 variables.
        using var db = database.Context(oneJsonParameter: false);

        // (query shapes of their own: EF Core shares compiled queries between contexts that differ only in this option)
        var small = Filter.And(FilterCases.Ids("doc1", "doc2"), new PresentFilter("classification"));
        EfCoreFilterTests.Body(db.Documents.Where(small.ToExpression<Document>()).ToQueryString())
            .ShouldContain("\"d\".\"id\" IN (@p1, @p2)");
        var ids = new IdInFilter(Enumerable.Range(0, 50_000).Select(i => "doc" + i).ToHashSet(StringComparer.Ordinal));
        Should.Throw<SqliteException>(() => db.Documents.Where(Filter.And(ids, new PresentFilter("status")).ToExpression<Document>()).Count())
            .Message.ShouldContain("too many SQL variables");
    }

    public sealed class LargeDatabase : IDisposable
    {
        public TempDatabase Database { get; } = new(Rows);

        public void Dispose() => Database.Dispose();
    }
}
