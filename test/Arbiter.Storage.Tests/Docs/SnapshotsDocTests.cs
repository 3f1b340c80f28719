using Arbiter;
using Arbiter.Model;
using Arbiter.Storage;
using Arbiter.Tests.Docs;

namespace Arbiter.Storage.Tests.Docs;

/// <summary>The example changes the current directory (it uses relative file names): nothing else runs meanwhile.</summary>
[CollectionDefinition(nameof(CurrentDirectoryCollection), DisableParallelization = true)]
public sealed class CurrentDirectoryCollection;

/// <summary>docs/snapshots.md's example runs as written.</summary>
[Collection(nameof(CurrentDirectoryCollection))]
public sealed class SnapshotsDocTests
{
    [Fact]
    public async Task Snapshots_Example_Runs()
    {
        var store = new InMemoryStore();
        await store.CreateStoreAsync("docs", "Documents");
        await store.WriteModelAsync("docs", AuthorizationModel.FromDsl("model\n  schema 1.1\ntype user\ntype document\n  relations\n    define viewer: [user]\n"));
        await store.WriteAsync("docs", new StoreWrite { Writes = [RelationshipTuple.Parse("document:1#viewer@user:anne")] });
        var target = new InMemoryStore();
        var serverStore = store;
        var folder = Path.Combine(Path.GetTempPath(), $"arbiter-snapshot-doc-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(folder);
        var current = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder;
        try
        {
            // <snippet:snapshots-csharp>
            // export: one revision, streamed (writes going on meanwhile are not in it)
            SnapshotInfo info = await StoreSnapshot.ExportAsync(store, "docs", "docs.snapshot.json");

            // check a file without importing it
            SnapshotInfo checkedInfo = await StoreSnapshot.VerifyAsync("docs.snapshot.json");

            // import into an existing, empty store (any provider); nothing is imported if the file is damaged
            await target.CreateStoreAsync(checkedInfo.StoreId, checkedInfo.StoreName);
            await StoreSnapshot.ImportAsync(target, checkedInfo.StoreId, "docs.snapshot.json");

            // decide locally from the snapshot alone, then follow the store from the snapshot's revision on
            await using var engine = await AuthorizationEngine.FromSnapshotAsync("docs.snapshot.json");
            Decision d = await engine.CheckAsync(CheckRequest.Create("user:anne", "viewer", "document:1"));
            engine.Follow(serverStore, "docs");   // an IStoreReader is enough
            // </snippet:snapshots-csharp>

            info.Revision.ShouldBe(2);
            checkedInfo.Hash.ShouldBe(info.Hash);
            (await target.ReadRevisionAsync("docs")).ShouldBe(2);
            d.Allowed.ShouldBeTrue();
            var token = (await store.WriteAsync("docs", new StoreWrite { Writes = [RelationshipTuple.Parse("document:2#viewer@user:anne")] })).Revision;
            (await engine.CheckAsync(CheckRequest.Create("user:anne", "viewer", "document:2") with { Consistency = Consistency.AtLeast(token) })).Allowed.ShouldBeTrue();
        }
        finally
        {
            Environment.CurrentDirectory = current;
            System.IO.Directory.Delete(folder, recursive: true);
        }
        DocSnippets.ShouldMatch("docs/snapshots.md", "snapshots-csharp");
    }
}
