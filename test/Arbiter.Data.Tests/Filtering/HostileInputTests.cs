using Arbiter.Data.Tests.Support;
using Arbiter.Filtering;
using Dapper;
using Microsoft.EntityFrameworkCore;

namespace Arbiter.Data.Tests.Filtering;

/// <summary>
/// Hostile strings as ids and attribute values, through EF Core and raw SQL against a real SQLite file: exactly the
/// matching rows come back, the table is intact, and no hostile string is ever part of the SQL text.
/// </summary>
public sealed class HostileInputTests(HostileInputTests.HostileDatabase hostile) : IClassFixture<HostileInputTests.HostileDatabase>
{
    public static readonly string[] Strings =
    [
        "'", "''", "\"", "`", "\\", "--", ";", "/*", "*/", "%", "_", "[]", "\"]",
        "' OR 1=1 --", "' OR '1'='1", "x'); DROP TABLE documents; --", "\"; DELETE FROM documents; --",
        "1; SELECT * FROM sqlite_master", "\") OR 1=1 --", "$1", "@p0", ":name", "?",
        "Ünïcødé ✓", "😀", "\u202Eevil", "ǅ", "a\0b", "\0", "line\nbreak", "tab\t", "  padded  ", "",
        "ENG", "eng", "Eng",
    ];

    private readonly TempDatabase database = hostile.Database;

    public static TheoryData<int> Indexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Strings.Length; i++)
        {
            data.Add(i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void HostileId_MatchesExactlyItsRow(int index) => Check(FilterCases.Ids(Strings[index], "plain"));

    [Theory]
    [MemberData(nameof(Indexes))]
    public void HostileValue_Equal_MatchesExactlyItsRows(int index) => Check(FilterCases.Eq("department", Strings[index]));

    [Theory]
    [MemberData(nameof(Indexes))]
    public void HostileValue_NotIn_MatchesExactlyTheOtherRows(int index) =>
        Check(Filter.Not(new InFilter("department", [Strings[index], "eng"])));

    [Theory]
    [MemberData(nameof(Indexes))]
    public void HostileValue_Ordering_MatchesExactlyTheOrdinalRows(int index) =>
        Check(new CompareFilter("department", CompareOperator.Less, Strings[index]));

    [Theory]
    [MemberData(nameof(Indexes))]
    public void HostileValue_StringMatches_MatchExactlyTheOrdinalRows(int index)
    {
        Check(FilterCases.Match("department", StringMatch.StartsWith, Strings[index]));
        Check(FilterCases.Match("department", StringMatch.EndsWith, Strings[index]));
        Check(FilterCases.Match("department", StringMatch.Contains, Strings[index]));
    }

    [Fact]
    public void EveryHostileId_AtOnce_MatchesEveryRow()
    {
        Check(new IdInFilter(new HashSet<string>(Strings, StringComparer.Ordinal)));
        Check(new InFilter("department", [.. Strings]));
    }

    private void Check(Filter filter)
    {
        var expected = database.Documents.Where(d => filter.IsSatisfiedBy(d)).Select(d => d.Id).Order(StringComparer.Ordinal).ToList();
        // ("@p0" is a parameter marker of ToSql's text: it is there, as a marker, whatever the values)
        var hostileValues = EfCoreFilterTests.Values(filter).OfType<string>().Where(s => s.Length > 0 && s is not ("plain" or "@p0")).ToList();

        using (var db = database.Context())
        {
            var query = db.Documents.Where(filter.ToExpression<Document>()).Select(d => d.Id);
            using var command = query.CreateDbCommand();
            var body = command.CommandText;
            // (a value made only of letters may be part of a keyword or a function name: "eng" of "length")
            foreach (var value in hostileValues.Where(v => !v.All(char.IsAsciiLetter) && (v.Length > 2 || v.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('"' or '_' or '.' or ' ' or '(' or ')' or ',' or '*' or '-' or '=' or '>' or '<' or '@' or '\n')))))
            {
                body.ShouldNotContain(value, Case.Sensitive);
            }
            body.ShouldNotContain("'");
            var rows = query.ToList().Order(StringComparer.Ordinal).ToList();
            if (filter is StringMatchFilter { Match: StringMatch.EndsWith })
            {
                // Known limit, failing closed: EF Core's string.Length is SQLite's length(), which stops at a NUL
                // character, so an endsWith through EF Core misses the rows whose value holds one (ToSql does not).
                rows.ShouldBeSubsetOf(expected);
                expected.Except(rows).ShouldAllBe(id => database.Documents.Single(d => d.Id == id).Department!.Contains('\0'));
            }
            else
            {
                rows.ShouldBe(expected, customMessage: "EF Core: " + filter);
            }
        }

        var sql = filter.ToSql(SqlDialect.Sqlite, FilterCases.SqlMapping());
        foreach (var value in hostileValues.Where(v => v.Length > 1 && !v.All(char.IsAsciiLetter)))
        {
            sql.Where.ShouldNotContain(value, Case.Sensitive);
        }
        using var connection = database.Open();
        connection.Query<string>($"SELECT id FROM documents WHERE {sql.Where}", sql.ParameterDictionary())
            .Order(StringComparer.Ordinal).ToList().ShouldBe(expected, customMessage: "SQL: " + filter);
        SqliteSqlFilterTests.Query(connection, sql).Order(StringComparer.Ordinal).ToList().ShouldBe(expected, customMessage: "ADO.NET: " + filter);

        // the table is intact
        connection.ExecuteScalar<long>("SELECT count(*) FROM documents").ShouldBe(database.Documents.Count);
        connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table'").ShouldBe(1);
    }

    /// <summary>Every hostile string as an id, a department and a status; plus plain rows.</summary>
    public sealed class HostileDatabase : IDisposable
    {
        public TempDatabase Database { get; } = new(
            Strings.Select((s, i) => new Document { Id = s, Department = s, Status = Strings[(i + 1) % Strings.Length] })
                .Append(new Document { Id = "plain", Department = "eng" })
                .Append(new Document { Id = "nothing" }));

        public void Dispose() => Database.Dispose();
    }
}
