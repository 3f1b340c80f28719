using Arbiter.Data.Tests.Support;
using Arbiter.Filtering;
using static Arbiter.Data.Tests.Support.FilterCases;

namespace Arbiter.Data.Tests.Filtering;

/// <summary>The PostgreSQL dialect's text and parameters (no server here yet: issue 5 brings PostgreSQL).</summary>
public sealed class PostgreSqlGoldenTests
{
    private static SqlFilter Sql(Filter filter, SqlMapping? mapping = null) => filter.ToSql(SqlDialect.PostgreSql, mapping ?? SqlMapping());

    [Fact]
    public void Sample_IdsOrDepartmentAndLevel()
    {
        var sql = Sql(Filter.Or(
            Ids("doc02", "doc01"),
            Filter.And(Eq("department", "eng"), new CompareFilter("level", CompareOperator.Greater, 3L))));

        sql.Where.ShouldBe("""("id" = ANY(@p0) OR (("department" IS NOT NULL AND "department" = @p1) AND ("level" IS NOT NULL AND "level" > @p2)))""");
        sql.Parameters.Count.ShouldBe(3);
        sql.Parameters[0].ShouldBe(new SqlFilterParameter("@p0", sql.Parameters[0].Value));
        sql.Parameters[0].Value.ShouldBe(new[] { "doc01", "doc02" });
        sql.Parameters[1].ShouldBe(new SqlFilterParameter("@p1", "eng"));
        sql.Parameters[2].ShouldBe(new SqlFilterParameter("@p2", 3L));
    }

    [Fact]
    public void IdSets_AreTypedArrays()
    {
        var ids = Ids("7", "007", "x", "3F2504E0-4F89-11D3-9A0C-0305E82C3301");

        Sql(ids, new SqlMapping("id", SqlIdType.Integer)).Parameters[0].Value.ShouldBe(new long[] { 7 });
        Sql(ids, new SqlMapping("id", SqlIdType.Uuid)).Parameters[0].Value.ShouldBe(new[] { Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301") });
        Sql(ids, new SqlMapping("id")).Parameters[0].Value.ShouldBe(new[] { "007", "3F2504E0-4F89-11D3-9A0C-0305E82C3301", "7", "x" });
    }

    [Fact]
    public void Strings_OrderInTheCCollation_AndMatchWithCharacterFunctions()
    {
        Sql(new CompareFilter("department", CompareOperator.Less, "f")).Where
            .ShouldBe("""("department" IS NOT NULL AND "department" < @p0 COLLATE "C")""");
        Sql(Match("department", StringMatch.StartsWith, "en")).Where
            .ShouldBe("""("department" IS NOT NULL AND left("department", length(@p0)) = @p0)""");
        Sql(Match("department", StringMatch.EndsWith, "ng")).Where
            .ShouldBe("""("department" IS NOT NULL AND right("department", length(@p0)) = @p0)""");
        Sql(Match("department", StringMatch.Contains, "n")).Where
            .ShouldBe("""("department" IS NOT NULL AND strpos("department", @p0) > 0)""");
    }

    [Fact]
    public void NotInPresentAndConstants()
    {
        var sql = Sql(Filter.And(
            Filter.Not(new InFilter("status", ["open", "draft"])),
            new PresentFilter("created"),
            Filter.Not(new PresentFilter("level")),
            new InFilter("classification", [])));

        sql.Where.ShouldBe("""(NOT ("status" IS NOT NULL AND "status" IN (@p0, @p1)) AND ("created_ticks" IS NOT NULL) AND NOT ("level" IS NOT NULL) AND (1 = 0))""");
        sql.Parameters.Select(p => p.Value).ShouldBe(["open", "draft"]);
        Sql(Filter.True).Where.ShouldBe("(1 = 1)");
        Sql(Filter.False).Where.ShouldBe("(1 = 0)");
    }

    [Fact]
    public void Values_AreNormalized()
    {
        var mapping = new SqlMapping("id").Column("at", "at").Column("n", "n").Column("ttl", "ttl").Column("ok", "ok");
        var at = new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.FromHours(2));

        var sql = Sql(Filter.And(
            Eq("at", at),
            Eq("n", ulong.MaxValue),
            Eq("n", 5UL),
            new CompareFilter("ttl", CompareOperator.Less, TimeSpan.FromMinutes(5)),
            Eq("ok", true),
            new CompareFilter("ok", CompareOperator.Greater, false)), mapping);

        sql.Parameters.Select(p => p.Value).ShouldBe([at.ToUniversalTime(), (decimal)ulong.MaxValue, 5L, TimeSpan.FromMinutes(5), true]);
        ((DateTimeOffset)sql.Parameters[0].Value).Offset.ShouldBe(TimeSpan.Zero);
        sql.Where.ShouldEndWith("""("ok" IS NOT NULL AND "ok" = @p4) AND (1 = 0))""");
    }

    [Fact]
    public void ValuesOfNoFilterKind_NeverMatch()
    {
        Sql(Eq("department", Guid.Empty)).Where.ShouldBe("(1 = 0)");
        Sql(new InFilter("department", [Guid.Empty, "eng"])).Where.ShouldBe("""("department" IS NOT NULL AND "department" IN (@p0))""");
        new InFilter("department", [Guid.Empty]).ToSql(SqlDialect.Sqlite, SqlMapping()).Where.ShouldBe("(1 = 0)");
    }

    [Fact]
    public void HostileValues_AreOnlyParameters()
    {
        foreach (var hostile in HostileInputTests.Strings.Where(s => s.Length > 1 && s != "@p0" && !s.All(char.IsAsciiLetter)))
        {
            var sql = Sql(Filter.Or(Ids(hostile), Eq("department", hostile), Match("status", StringMatch.Contains, hostile), new InFilter("classification", [hostile])));

            sql.Where.ShouldNotContain(hostile);
            sql.Parameters.Select(p => p.Value).ShouldBe([new[] { hostile }, hostile, hostile, hostile]);
        }
    }
}
