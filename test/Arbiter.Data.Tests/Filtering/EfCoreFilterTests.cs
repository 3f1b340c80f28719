using System.Text.RegularExpressions;
using Arbiter.Data.Tests.Support;
using Arbiter.Filtering;
using Microsoft.EntityFrameworkCore;

namespace Arbiter.Data.Tests.Filtering;

/// <summary><c>ToExpression</c> in EF Core against a real SQLite file: the same rows as <c>IsSatisfiedBy</c>, as SQL with parameters.</summary>
public sealed class EfCoreFilterTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    private readonly TempDatabase database = seeded.Database;

    [Theory]
    [MemberData(nameof(FilterCases.Names), MemberType = typeof(FilterCases))]
    public void Where_ToExpression_ReturnsExactlyTheRowsIsSatisfiedByAccepts(string name)
    {
        var filter = FilterCases.All[name];
        var expected = database.Documents.Where(d => filter.IsSatisfiedBy(d)).Select(d => d.Id).ToList();
        database.Documents.Where(d => filter.IsSatisfiedBy(d.Id, FilterCases.Attributes(d))).Select(d => d.Id).ShouldBe(expected);

        using var db = database.Context();
        var query = db.Documents.Where(filter.ToExpression<Document>()).OrderBy(d => d.Id).Select(d => d.Id);

        query.ToList().ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(FilterCases.Names), MemberType = typeof(FilterCases))]
    public void ToQueryString_HasAWhereWithParametersAndNoLiteralValues(string name)
    {
        var filter = FilterCases.All[name];
        using var db = database.Context();

        var sql = db.Documents.Where(filter.ToExpression<Document>()).ToQueryString();

        // EF Core drops WHERE true; every other filter is a WHERE, and no value is a literal: the values are the
        // ".param set" lines above the SELECT, and the SELECT holds no quote.
        var body = Body(sql);
        if (filter != Filter.True)
        {
            body.ShouldContain("WHERE", Case.Sensitive);
        }
        body.ShouldNotContain("'", customMessage: "a string literal in the SQL:\n" + sql);
        // and no number is a literal either (but the fixed "instr(...) - 1 = 0" and "instr(...) > 0" of string matches)
        Regex.IsMatch(Regex.Replace(body, @"instr\(""d""\.""\w+"", @\w+\)( - 1 = 0| - 1 <> 0| > 0| <= 0)", ""), @"[=<>]\s*-?[0-9]").ShouldBeFalse(sql);
    }

    [Fact]
    public void ToQueryString_SendsTheIdSetAsOneJsonParameter()
    {
        var filter = Filter.Or(FilterCases.Ids("doc01", "doc02", "doc03"), FilterCases.Eq("department", "eng"));
        using var db = database.Context();

        var sql = db.Documents.Where(filter.ToExpression<Document>()).ToQueryString();

        sql.ShouldStartWith(".param set @p '[\"doc01\",\"doc02\",\"doc03\"]'\n");
        Body(sql).ShouldContain("FROM json_each(@p)");
        Body(sql).ShouldNotContain("doc0");
    }

    [Fact]
    public void ToQueryString_ShowsTheTranslation()
    {
        var filter = Filter.Or(
            FilterCases.Ids("doc01", "doc02"),
            Filter.And(FilterCases.Eq("department", "eng"), new CompareFilter("level", CompareOperator.Greater, 3L)));
        using var db = database.Context();

        var sql = db.Documents.Where(filter.ToExpression<Document>()).ToQueryString();

        sql.ReplaceLineEndings("\n").ShouldBe("""
            .param set @p '["doc01","doc02"]'
            .param set @p1 'eng'
            .param set @p2 3

            SELECT "d"."id", "d"."classification", "d"."created_ticks", "d"."department", "d"."has_approval", "d"."level", "d"."score", "d"."status"
            FROM "documents" AS "d"
            WHERE "d"."id" IN (
                SELECT "p"."value"
                FROM json_each(@p) AS "p"
            ) OR ("d"."department" IS NOT NULL AND "d"."department" = @p1 AND "d"."level" IS NOT NULL AND "d"."level" > @p2)
            """);
    }

    [Fact]
    public void Where_WithAResidual_ThrowsNamingIt()
    {
        var filter = Filter.And(FilterCases.Eq("department", "eng"), new ResidualFilter("object.name.matches('^a')", Expected: true));

        var error = Should.Throw<NotSupportedException>(() => filter.ToExpression<Document>());

        error.Message.ShouldBe("Cannot translate [object.name.matches('^a')] to a query; evaluate it in memory with IsSatisfiedBy.");
    }

    /// <summary>The SQL of <see cref="IQueryable.ToQueryString"/> without its leading <c>.param set</c> lines.</summary>
    internal static string Body(string queryString) => queryString[(queryString.IndexOf("\n\nSELECT", StringComparison.Ordinal) + 2)..];

    internal static IEnumerable<object> Values(Filter filter) => filter switch
    {
        IdInFilter ids => ids.Ids,
        AndFilter and => and.Operands.SelectMany(Values),
        OrFilter or => or.Operands.SelectMany(Values),
        NotFilter not => Values(not.Operand),
        CompareFilter compare => [compare.Value],
        InFilter @in => @in.Values,
        StringMatchFilter match => [match.Value],
        _ => [],
    };
}
