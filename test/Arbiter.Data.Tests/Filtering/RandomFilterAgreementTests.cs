using Arbiter.Data.Tests.Support;
using Arbiter.Filtering;
using Dapper;

namespace Arbiter.Data.Tests.Filtering;

/// <summary>
/// The law of the three forms: over random and/or/not trees of the hand-built filters, EF Core and ToSql return exactly
/// the rows IsSatisfiedBy accepts, on the seeded SQLite file.
/// </summary>
public sealed class RandomFilterAgreementTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    private static readonly Filter[] Atoms = [.. FilterCases.All.Values];

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 40; seed++)
        {
            data.Add(seed);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomTrees_AllThreeFormsAgree(int seed)
    {
        var random = new Random(seed);
        using var db = seeded.Database.Context();
        using var connection = seeded.Database.Open();
        for (var i = 0; i < 5; i++)
        {
            var filter = Tree(random, depth: 3);
            var expected = seeded.Database.Documents.Where(d => filter.IsSatisfiedBy(d)).Select(d => d.Id).ToList();

            db.Documents.Where(filter.ToExpression<Document>()).Select(d => d.Id).Order().ToList()
                .ShouldBe(expected, customMessage: "EF Core: " + filter);
            var sql = filter.ToSql(SqlDialect.Sqlite, FilterCases.SqlMapping());
            connection.Query<string>($"SELECT id FROM documents WHERE {sql.Where} ORDER BY id", sql.ParameterDictionary()).ToList()
                .ShouldBe(expected, customMessage: "SQL: " + filter);
        }
    }

    private static Filter Tree(Random random, int depth)
    {
        if (depth == 0 || random.Next(4) == 0)
        {
            return Atoms[random.Next(Atoms.Length)];
        }
        return random.Next(3) switch
        {
            0 => Filter.Not(Tree(random, depth - 1)),
            1 => Filter.And(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Tree(random, depth - 1)).ToList()),
            _ => Filter.Or(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Tree(random, depth - 1)).ToList()),
        };
    }
}
