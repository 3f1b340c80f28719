using Arbiter;
using Arbiter.Storage;
using Arbiter.Model;
using Arbiter.Storage.Sqlite;
using Arbiter.Tests.Docs;

namespace Arbiter.Storage.Tests.Docs;

/// <summary>docs/operations.md's example runs as written.</summary>
public sealed class OperationsDocTests
{
    [Fact]
    public async Task EngineOverStore_Example_Runs()
    {
        var path = Path.Combine(Path.GetTempPath(), $"arbiter-doc-{Guid.NewGuid():N}.db");
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            // <snippet:operations-engine-over-store>
            await using var store = await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = path });
            await store.CreateStoreAsync("docs");
            await store.WriteModelAsync("docs", AuthorizationModel.FromDsl("""
                model
                  schema 1.1
                type user
                type document
                  relations
                    define viewer: [user]
                """));

            await using var engine = await AuthorizationEngine.OpenAsync(store, "docs");
            WriteResult written = await engine.WriteAsync(new StoreWrite
            {
                Writes = [RelationshipTuple.Parse("document:1#viewer@user:anne")],
                IdempotencyKey = "request-7f3a",
            });

            // any engine on the same store (another server) sees the write with the token
            var decision = await engine.CheckAsync(CheckRequest.Create("user:anne", "viewer", "document:1")
                with { Consistency = Consistency.AtLeast(written.Revision) });
            Console.WriteLine($"{decision.Allowed} at revision {decision.Revision}");   // True at revision 2
            // </snippet:operations-engine-over-store>
        }
        finally
        {
            Console.SetOut(console);
            foreach (var file in System.IO.Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
        output.ToString().Trim().ShouldBe("True at revision 2");
        DocSnippets.ShouldMatch("docs/operations.md", "operations-engine-over-store");
    }
}
