using Arbiter.Model;
using Arbiter.Parsing;

namespace Arbiter.Storage.Tests.Sqlite;

/// <summary>Tuples and models for the SQLite tests.</summary>
internal static class SqliteTestData
{
    public static RelationshipTuple Tuple(string text, TupleCondition? condition = null) => RelationshipTuple.Parse(text) with { Condition = condition };

    /// <summary><c>document:{i}#viewer@user:u{i}</c> for i in [from, from + count).</summary>
    public static List<RelationshipTuple> Viewers(int count, int from = 0) =>
        Enumerable.Range(from, count).Select(static i => Tuple($"document:{i}#viewer@user:u{i}")).ToList();

    public static AuthorizationModel NewModel() => ModelParser.Parse("""
        model
          schema 1.1
        type user
        type document
          relations
            define viewer: [user, user:*, user with recent]
        condition recent(age: int) {
          age < 10
        }
        """).GetModelOrThrow();

    public static StoreWrite Writes(IEnumerable<RelationshipTuple> tuples) => new() { Writes = tuples.ToList() };

    public static Task<List<RelationshipTuple>> ReadAllAsync(IStoreReader store, string storeId, TupleQuery? query = null) =>
        Support.Tuples.ReadAllAsync(store, storeId, query ?? new TupleQuery { Limit = 10_000 });

    public static string Text(RelationshipTuple tuple) => TupleKey.Of(tuple).ToString();
}
