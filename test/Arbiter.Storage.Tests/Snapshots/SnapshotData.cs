using System.Text;
using Arbiter.Model;
using Arbiter.Parsing;
using static Arbiter.Storage.Tests.Support.Tuples;

namespace Arbiter.Storage.Tests.Snapshots;

/// <summary>A store with a model, conditional tuples and attributes, and helpers to export and alter its snapshot.</summary>
internal static class SnapshotData
{
    public static readonly AuthorizationModel Model = ModelParser.Parse("""
        model
          schema 1.1
        type user
          attributes
            department: string
        type group
          relations
            define member: [user, group#member]
        type document
          attributes
            department: string
            level: int
          relations
            define viewer: [user, user:*, group#member, user with recent]
            define editor: [user]
            define reader: viewer or editor or (user where same_department)
        condition recent(age: int, limit: int) {
          age < limit
        }
        condition same_department() {
          subject.department == object.department
        }
        """).GetModelOrThrow();

    public static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A store "s" with the model and a few writes; returns the store.</summary>
    public static async Task<InMemoryStore> SeededStoreAsync()
    {
        var store = new InMemoryStore();
        await store.CreateStoreAsync("s", "Source store");
        await store.WriteModelAsync("s", Model);
        await store.WriteAsync("s", new StoreWrite
        {
            Writes =
            [
                T("document:1#viewer@user:anne"),
                T("document:1#viewer@group:eng#member"),
                T("document:2#viewer@user:*"),
                T("document:3#viewer@user:carl", "recent", new Dictionary<string, object?> { ["limit"] = 10L }),
                T("document:4#viewer@user:dana", "recent"),
                T("group:eng#member@user:bob"),
            ],
            SetAttributes =
            [
                new EntityAttributes(new ObjectRef("user", "erin"), new Dictionary<string, object?> { ["department"] = "sales" }),
                new EntityAttributes(new ObjectRef("document", "5"), new Dictionary<string, object?> { ["department"] = "sales", ["level"] = 3L, ["tags"] = new List<object?> { "a", 1.5, true, null } }),
            ],
        });
        await store.WriteAsync("s", new StoreWrite { Writes = [T("document:1#editor@user:zoe")], Deletes = [T("document:1#viewer@user:anne")] });
        return store;
    }

    public static async Task<(byte[] Bytes, SnapshotInfo Info)> ExportAsync(IStoreReader store, string storeId = "s", bool indented = true)
    {
        using var stream = new MemoryStream();
        var info = await StoreSnapshot.ExportAsync(store, storeId, stream, new SnapshotExportOptions { TimeProvider = new FixedTime(Now), Indented = indented });
        return (stream.ToArray(), info);
    }

    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A clock that always says <paramref name="now"/>.</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
