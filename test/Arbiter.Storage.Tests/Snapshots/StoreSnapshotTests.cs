using System.Text.Json;
using static Arbiter.Storage.Tests.Snapshots.SnapshotData;
using static Arbiter.Storage.Tests.Support.Tuples;

namespace Arbiter.Storage.Tests.Snapshots;

/// <summary>Export, verification and import of snapshots on <see cref="InMemoryStore"/>.</summary>
public sealed class StoreSnapshotTests
{
    [Fact]
    public async Task Export_ThenImport_KeepsModelTuplesAttributesAndRevision()
    {
        var source = await SeededStoreAsync();
        var (bytes, info) = await ExportAsync(source);
        info.StoreId.ShouldBe("s");
        info.StoreName.ShouldBe("Source store");
        info.Revision.ShouldBe(3);
        info.ModelId.ShouldBe((await source.ReadModelAsync("s"))!.Id);
        info.TupleCount.ShouldBe(6);
        info.AttributeCount.ShouldBe(2);
        info.CreatedAt.ShouldBe(Now);
        info.FormatVersion.ShouldBe(StoreSnapshot.FormatVersion);
        info.Hash.ShouldStartWith("sha256:");
        info.Hash.Length.ShouldBe(7 + 64);

        var target = new InMemoryStore();
        await target.CreateStoreAsync("copy");
        var imported = await StoreSnapshot.ImportAsync(target, "copy", new MemoryStream(bytes));

        imported.ShouldBe(info);
        (await target.ReadRevisionAsync("copy")).ShouldBe(3);
        var model = (await target.ReadModelAsync("copy"))!;
        model.Id.ShouldBe(info.ModelId);
        model.Model.Types.Select(t => t.Name).ShouldBe(["user", "group", "document"]);
        var tuples = await ReadAllAsync(target, "copy");
        tuples.Select(Describe).ShouldBe((await ReadAllAsync(source, "s")).Select(Describe));
        var conditional = tuples.Single(t => t.Object.Id == "3");
        conditional.Condition!.Name.ShouldBe("recent");
        conditional.Condition.Context!["limit"].ShouldBe(10L);
        tuples.Single(t => t.Object.Id == "4").Condition.ShouldBe(new TupleCondition("recent"));
        var values = (await target.ReadAttributesAsync("copy", new ObjectRef("document", "5")))!.Values;
        values["level"].ShouldBe(3L);
        values["tags"].ShouldBe(new List<object?> { "a", 1.5, true, null });
        (await target.ReadAttributesAsync("copy", new ObjectRef("user", "erin")))!.Values["department"].ShouldBe("sales");
    }

    [Fact]
    public async Task Import_ChangeFeedStartsAfterTheSnapshotRevision()
    {
        var (bytes, _) = await ExportAsync(await SeededStoreAsync());
        var target = new InMemoryStore();
        await target.CreateStoreAsync("copy");
        await StoreSnapshot.ImportAsync(target, "copy", new MemoryStream(bytes));

        (await target.ReadChangesAsync("copy", 3)).ShouldBeEmpty();
        (await Should.ThrowAsync<ArbiterException>(target.ReadChangesAsync("copy", 2).AsTask())).Code.ShouldBe(ArbiterErrorCode.ChangesUnavailable);
        var written = await target.WriteAsync("copy", Write(T("document:9#viewer@user:anne")));
        written.Revision.ShouldBe(4);
        (await target.ReadChangesAsync("copy", 3)).Single().Revision.ShouldBe(4);
    }

    [Fact]
    public async Task Export_IsOneRevision_WhileWritesGoOn()
    {
        var source = await SeededStoreAsync();
        for (var i = 0; i < 5000; i++)
        {
            await source.WriteAsync("s", Write(T($"document:bulk{i}#viewer@user:u{i}")));
        }
        var start = await source.ReadRevisionAsync("s");
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                await source.WriteAsync("s", Write(T($"document:late{n++}#viewer@user:x")));
            }
        });
        var (bytes, info) = await ExportAsync(source);
        await stop.CancelAsync();
        await writer;

        info.Revision.ShouldBeGreaterThanOrEqualTo(start);
        // a state at revision r has exactly the tuples of the first r revisions: 6 seeded, 5000 bulk, then one per later write
        info.TupleCount.ShouldBe(6 + 5000 + (info.Revision - start));
        (await StoreSnapshot.VerifyAsync(new MemoryStream(bytes))).ShouldBe(info);
    }

    [Fact]
    public async Task Import_IntoNonEmptyStore_IsRefused()
    {
        var source = await SeededStoreAsync();
        var (bytes, _) = await ExportAsync(source);
        var error = await Should.ThrowAsync<ArbiterException>(StoreSnapshot.ImportAsync(source, "s", new MemoryStream(bytes)));
        error.Code.ShouldBe(ArbiterErrorCode.StoreNotEmpty);
        (await Should.ThrowAsync<ArbiterException>(StoreSnapshot.ImportAsync(source, "missing", new MemoryStream(bytes)))).Code.ShouldBe(ArbiterErrorCode.StoreNotFound);
    }

    [Fact]
    public async Task Import_FromNonSeekableStream_CopiesFirst()
    {
        var (bytes, info) = await ExportAsync(await SeededStoreAsync());
        var target = new InMemoryStore();
        await target.CreateStoreAsync("copy");
        (await StoreSnapshot.ImportAsync(target, "copy", new ForwardOnlyStream(bytes))).ShouldBe(info);
        (await ReadAllAsync(target, "copy")).Count.ShouldBe(6);
    }

    [Fact]
    public async Task Export_OfStoreWithoutModel_ImportsEmpty()
    {
        var source = new InMemoryStore();
        await source.CreateStoreAsync("s");
        var (bytes, info) = await ExportAsync(source);
        info.ModelId.ShouldBeNull();
        info.Revision.ShouldBe(0);
        var target = new InMemoryStore();
        await target.CreateStoreAsync("t");
        await StoreSnapshot.ImportAsync(target, "t", new MemoryStream(bytes));
        (await target.ReadModelAsync("t")).ShouldBeNull();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reformatted_StillVerifies(bool indented)
    {
        var (bytes, info) = await ExportAsync(await SeededStoreAsync(), indented: indented);
        using var document = JsonDocument.Parse(bytes);
        var reformatted = Reformat.Write(document.RootElement, indented: !indented);
        reformatted.Length.ShouldNotBe(bytes.Length);
        (await StoreSnapshot.VerifyAsync(new MemoryStream(reformatted))).ShouldBe(info);
        // escaped differently: still the same content
        var escaped = Bytes(Text(bytes).Replace("\"user:anne\"", "\"user:\\u0061nne\"", StringComparison.Ordinal).Replace("\"Source store\"", "\"Source\\u0020store\"", StringComparison.Ordinal));
        (await StoreSnapshot.VerifyAsync(new MemoryStream(escaped))).ShouldBe(info);
    }

    [Fact]
    public async Task Export_ToPath_ReplacesTheFileAtOnce()
    {
        var source = await SeededStoreAsync();
        var directory = System.IO.Directory.CreateTempSubdirectory("arbiter-snap");
        try
        {
            var path = Path.Combine(directory.FullName, "s.json");
            await File.WriteAllTextAsync(path, "old");
            var info = await StoreSnapshot.ExportAsync(source, "s", path);
            System.IO.Directory.GetFiles(directory.FullName).ShouldBe([path]);
            (await StoreSnapshot.VerifyAsync(path)).Hash.ShouldBe(info.Hash);
            await Should.ThrowAsync<ArbiterException>(StoreSnapshot.ExportAsync(source, "missing", path));
            System.IO.Directory.GetFiles(directory.FullName).ShouldBe([path]);
            (await StoreSnapshot.VerifyAsync(path)).Hash.ShouldBe(info.Hash);

            var target = new InMemoryStore();
            await target.CreateStoreAsync("t");
            (await StoreSnapshot.ImportAsync(target, "t", path)).Hash.ShouldBe(info.Hash);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Export_WritesTheDocumentedFormat()
    {
        var (bytes, info) = await ExportAsync(await SeededStoreAsync());
        var text = Text(bytes);
        text.ShouldStartWith("{\n  \"format\": \"arbiter-snapshot\",\n  \"formatVersion\": 1,\n  \"store\": {\"id\":\"s\",\"name\":\"Source store\"},\n  \"revision\": 3,\n  \"createdAt\": \"2025-03-01T12:00:00.0000000+00:00\",\n  \"model\": {\"createdAt\":");
        text.ShouldContain("\n    {\"condition\":{\"context\":{\"limit\":10},\"name\":\"recent\"},\"object\":\"document:3\",\"relation\":\"viewer\",\"user\":\"user:carl\"},\n");
        text.ShouldContain("\n    {\"entity\":\"user:erin\",\"values\":{\"department\":\"sales\"}}\n");
        text.ShouldEndWith($"\"counts\": {{\"attributes\":2,\"tuples\":6}},\n  \"hash\": \"{info.Hash}\"\n}}\n");
    }

    [Fact]
    public async Task HundredThousandTuples_RoundTrip()
    {
        var source = new InMemoryStore();
        await source.CreateStoreAsync("s");
        await source.WriteModelAsync("s", SnapshotData.Model);
        for (var batch = 0; batch < 10; batch++)
        {
            await source.WriteAsync("s", new StoreWrite
            {
                Writes = [.. Enumerable.Range(batch * 10_000, 10_000).Select(i => T($"document:{i}#viewer@user:u{i % 997}"))],
            });
        }
        var (bytes, info) = await ExportAsync(source, indented: false);
        info.TupleCount.ShouldBe(100_000);
        var target = new InMemoryStore();
        await target.CreateStoreAsync("t");
        (await StoreSnapshot.ImportAsync(target, "t", new MemoryStream(bytes))).ShouldBe(info);
        (await target.ReadTuplesAsync("t", new TupleQuery { ObjectType = "document", ObjectId = "99999" })).Tuples.Single().Subject.Id.ShouldBe($"u{99_999 % 997}");
        (await target.ReadRevisionAsync("t")).ShouldBe(11);
    }

    private static string Describe(RelationshipTuple t) =>
        TupleKey.Of(t) + " " + StoreQueries.WriteCondition(t.Condition);

    /// <summary>A stream that reads forward only.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
