using Arbiter.Data.Tests.Support;
using Arbiter.Filtering;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Arbiter.Data.Tests.Filtering;

/// <summary><c>ToSql(SqlDialect.Sqlite, ...)</c> run with Dapper and with plain ADO.NET against the real SQLite file.</summary>
public sealed class SqliteSqlFilterTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    private readonly TempDatabase database = seeded.Database;

    [Theory]
    [MemberData(nameof(FilterCases.Names), MemberType = typeof(FilterCases))]
    public void Dapper_ReturnsExactlyTheRowsIsSatisfiedByAccepts(string name)
    {
        var filter = FilterCases.All[name];
        var expected = database.Documents.Where(d => filter.IsSatisfiedBy(d)).Select(d => d.Id).ToList();
        var sql = filter.ToSql(SqlDialect.Sqlite, FilterCases.SqlMapping());
        using var connection = database.Open();

        var ids = connection.Query<string>($"SELECT id FROM documents WHERE {sql.Where} ORDER BY id", sql.ParameterDictionary()).ToList();

        ids.ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(FilterCases.Names), MemberType = typeof(FilterCases))]
    public void AdoNet_ReturnsExactlyTheRowsIsSatisfiedByAccepts(string name)
    {
        var filter = FilterCases.All[name];
        var expected = database.Documents.Where(d => filter.IsSatisfiedBy(d)).Select(d => d.Id).ToList();
        var sql = filter.ToSql(SqlDialect.Sqlite, FilterCases.SqlMapping());
        using var connection = database.Open();

        Query(connection, sql).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(FilterCases.Names), MemberType = typeof(FilterCases))]
    public void Where_HoldsNoValue(string name)
    {
        var filter = FilterCases.All[name];

        var sql = filter.ToSql(SqlDialect.Sqlite, FilterCases.SqlMapping());

        // the only literals are fixed: type names of the kind guards, 1 = 0, positions in substr, instr(...) > 0
        var rest = System.Text.RegularExpressions.Regex.Replace(
            sql.Where, @"typeof\(""\w+""\) (= 'text'|IN \('integer', 'real'\))|\(1 = [01]\)|\) = 0 OR|\) [>=] [01]\b", "");
        rest.ShouldNotContain("'");
        rest.ShouldNotMatch(@"[=<>(,]\s*-?[0-9]");
        sql.Parameters.Select(p => p.Name).ShouldBe(sql.Parameters.Select((_, i) => "@p" + i));
    }

    [Fact]
    public void ToSql_WritesTheSqliteCondition()
    {
        var filter = Filter.Or(
            FilterCases.Ids("doc01", "doc02"),
            Filter.And(FilterCases.Eq("department", "eng"), new CompareFilter("level", CompareOperator.Greater, 3L)),
            FilterCases.Match("status", StringMatch.StartsWith, "op"));

        var sql = filter.ToSql(SqlDialect.Sqlite, FilterCases.SqlMapping());

        sql.Where.ShouldBe("""("id" IN (SELECT value FROM json_each(@p0)) OR (("department" IS NOT NULL AND typeof("department") = 'text' AND "department" = @p1 COLLATE BINARY) AND ("level" IS NOT NULL AND typeof("level") IN ('integer', 'real') AND "level" > @p2)) OR ("status" IS NOT NULL AND instr(CAST("status" AS BLOB), CAST(@p3 AS BLOB)) = 1))""");
        sql.Parameters.ShouldBe([new("@p0", """["doc01","doc02"]"""), new("@p1", "eng"), new("@p2", 3L), new("@p3", "op")]);
    }

    [Fact]
    public void ToSql_IntegerAndUuidIds_ConvertCanonicalIdsOnly()
    {
        var filter = FilterCases.Ids("7", "007", "-3", "x", "9223372036854775807", "3F2504E0-4F89-11D3-9A0C-0305E82C3301", "3f2504e0-4f89-11d3-9a0c-0305e82c3302");

        filter.ToSql(SqlDialect.Sqlite, new SqlMapping("id", SqlIdType.Integer)).Parameters[0].Value.ShouldBe("[-3,7,9223372036854775807]");
        filter.ToSql(SqlDialect.Sqlite, new SqlMapping("id", SqlIdType.Uuid)).Parameters[0].Value
            .ShouldBe("""["3F2504E0-4F89-11D3-9A0C-0305E82C3301","3F2504E0-4F89-11D3-9A0C-0305E82C3302"]""");
    }

    [Fact]
    public void ToSql_WithAResidual_ThrowsNamingIt()
    {
        var filter = Filter.Or(FilterCases.Ids("a"), new ResidualFilter("object.size * 2 > 10", Expected: false));

        Should.Throw<NotSupportedException>(() => filter.ToSql(SqlDialect.Sqlite, FilterCases.SqlMapping()))
            .Message.ShouldBe("Cannot translate [not object.size * 2 > 10] to a query; evaluate it in memory with IsSatisfiedBy.");
    }

    [Fact]
    public void ToSql_AttributeWithoutColumn_ThrowsNamingIt()
    {
        var error = Should.Throw<InvalidOperationException>(() => FilterCases.Eq("owner", "anne").ToSql(SqlDialect.Sqlite, new SqlMapping("id")));

        error.Message.ShouldBe("The filter reads the attribute 'owner', and the SQL mapping has no column for it; map one with SqlMapping.Column(\"owner\", ...).");
    }

    [Theory]
    [InlineData("id; DROP TABLE documents")]
    [InlineData("\"id\"")]
    [InlineData("id--")]
    [InlineData("1id")]
    [InlineData("a.b.c.d")]
    [InlineData("dé")]
    [InlineData("")]
    [InlineData("a..b")]
    public void SqlMapping_RefusesColumnNamesThatAreNotPlainIdentifiers(string column)
    {
        Should.Throw<ArgumentException>(() => new SqlMapping(column));
        Should.Throw<ArgumentException>(() => new SqlMapping("id").Column("a", column));
    }

    [Fact]
    public void SqlMapping_QuotesQualifiedNames()
    {
        var mapping = new SqlMapping("d.id").Column("department", "public.documents.Department");

        FilterCases.Eq("department", "x").ToSql(SqlDialect.PostgreSql, mapping).Where
            .ShouldBe("""("public"."documents"."Department" IS NOT NULL AND "public"."documents"."Department" = @p0)""");
        mapping.IdColumn.ShouldBe("\"d\".\"id\"");
    }

    internal static List<string> Query(SqliteConnection connection, SqlFilter sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id FROM documents WHERE {sql.Where} ORDER BY id";
        foreach (var parameter in sql.Parameters)
        {
            command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        }
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }
}
