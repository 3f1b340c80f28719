namespace Arbiter.Storage.Tests.Support;

/// <summary>Short ways to write tuples in storage tests.</summary>
internal static class Tuples
{
    public static RelationshipTuple T(string text) => RelationshipTuple.Parse(text);

    public static RelationshipTuple T(string text, string condition, IReadOnlyDictionary<string, object?>? context = null) =>
        RelationshipTuple.Parse(text) with { Condition = new TupleCondition(condition, context) };

    public static StoreWrite Write(params RelationshipTuple[] tuples) => new() { Writes = tuples };

    public static StoreWrite Delete(params RelationshipTuple[] tuples) => new() { Deletes = tuples };

    public static async Task<List<RelationshipTuple>> ReadAllAsync(IStoreReader store, string storeId, TupleQuery? query = null)
    {
        var all = new List<RelationshipTuple>();
        query ??= new TupleQuery();
        while (true)
        {
            var page = await store.ReadTuplesAsync(storeId, query);
            all.AddRange(page.Tuples);
            if (page.ContinuationToken is null)
            {
                return all;
            }
            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }

    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }
        return list;
    }

    public static async IAsyncEnumerable<T> Async<T>(IEnumerable<T> items)
    {
        await Task.Yield();
        foreach (var item in items)
        {
            yield return item;
        }
    }
}
