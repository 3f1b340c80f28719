using static Arbiter.Storage.Tests.Snapshots.SnapshotData;
using static Arbiter.Storage.Tests.Support.Tuples;

namespace Arbiter.Storage.Tests.Snapshots;

/// <summary>Damaged or altered snapshots are refused with a clear error, and nothing is imported.</summary>
public sealed class SnapshotTamperTests
{
    private static async Task<string> SnapshotTextAsync() => Text((await ExportAsync(await SeededStoreAsync())).Bytes);

    /// <summary>Verifies, imports and loads an engine from <paramref name="bytes"/>; all three must refuse it, and the store must stay empty.</summary>
    private static async Task<string> RefusedAsync(byte[] bytes)
    {
        var verify = await Should.ThrowAsync<ArbiterException>(StoreSnapshot.VerifyAsync(new MemoryStream(bytes)));
        verify.Code.ShouldBe(ArbiterErrorCode.SnapshotInvalid);
        verify.Message.ShouldStartWith("invalid snapshot: ");

        var target = new InMemoryStore();
        await target.CreateStoreAsync("t");
        var import = await Should.ThrowAsync<ArbiterException>(StoreSnapshot.ImportAsync(target, "t", new MemoryStream(bytes)));
        import.Message.ShouldBe(verify.Message);
        (await target.ReadRevisionAsync("t")).ShouldBe(0);
        (await target.ReadModelAsync("t")).ShouldBeNull();
        (await ReadAllAsync(target, "t")).ShouldBeEmpty();

        var engine = await Should.ThrowAsync<ArbiterException>(AuthorizationEngine.FromSnapshotAsync(new MemoryStream(bytes)));
        engine.Message.ShouldBe(verify.Message);
        return verify.Message;
    }

    private static Task<string> RefusedAsync(string text) => RefusedAsync(Bytes(text));

    private static string Replace(string text, string old, string replacement)
    {
        text.ShouldContain(old);
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + old.Length)..];
    }

    [Fact]
    public async Task OneCharacterOfATupleChanged_HashMismatch()
    {
        var text = await SnapshotTextAsync();
        var message = await RefusedAsync(Replace(text, "\"user:carl\"", "\"user:carm\""));
        message.ShouldContain("the content hash does not match: the file was changed or damaged");
    }

    [Fact]
    public async Task RevisionChanged_HashMismatch()
    {
        var text = await SnapshotTextAsync();
        (await RefusedAsync(Replace(text, "\"revision\": 3,", "\"revision\": 4,"))).ShouldContain("the content hash does not match");
    }

    [Fact]
    public async Task ContextValueChanged_HashMismatch()
    {
        var text = await SnapshotTextAsync();
        (await RefusedAsync(Replace(text, "{\"limit\":10}", "{\"limit\":11}"))).ShouldContain("the content hash does not match");
    }

    [Fact]
    public async Task WrongFormatVersion_NamesTheSupportedOne()
    {
        var text = await SnapshotTextAsync();
        var message = await RefusedAsync(Replace(text, "\"formatVersion\": 1,", "\"formatVersion\": 2,"));
        message.ShouldContain("unsupported format version 2");
        message.ShouldContain("format version 1");
    }

    [Fact]
    public async Task UnknownFormat_IsRefused()
    {
        var text = await SnapshotTextAsync();
        (await RefusedAsync(Replace(text, "\"arbiter-snapshot\"", "\"openfga-backup\""))).ShouldContain("unknown format \"openfga-backup\"");
        (await RefusedAsync("{\"schema_version\":\"1.1\",\"type_definitions\":[]}")).ShouldContain("its first member must be \"format\"");
        (await RefusedAsync("[1,2,3]")).ShouldContain("this is not an Arbiter snapshot");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.1)]
    [InlineData(0.9)]
    [InlineData(0.02)]
    public async Task Truncated_SaysWhere(double fraction)
    {
        var bytes = Bytes(await SnapshotTextAsync());
        var message = await RefusedAsync(bytes[..(int)(bytes.Length * fraction)]);
        message.ShouldContain("the file is truncated: it ends after");
        message.ShouldContain("(line ");
    }

    [Fact]
    public async Task LastBytesRemoved_IsTruncated()
    {
        var text = await SnapshotTextAsync();
        text.ShouldEndWith("}\n");
        (await RefusedAsync(text[..^2])).ShouldContain("the file is truncated");
        // without its final newline the file is complete
        (await StoreSnapshot.VerifyAsync(new MemoryStream(Bytes(text[..^1])))).Revision.ShouldBe(3);
    }

    [Fact]
    public async Task TruncatedInsideTheTuples_NamesTheTuple()
    {
        var text = await SnapshotTextAsync();
        var cut = text.IndexOf("user:carl", StringComparison.Ordinal);
        var message = await RefusedAsync(text[..cut]);
        message.ShouldContain("in tuple 4");
    }

    [Fact]
    public async Task NotJson_SaysWhere()
    {
        (await RefusedAsync("<html>not a snapshot</html>")).ShouldContain("not valid JSON at line 1, column 1");
        (await RefusedAsync([])).ShouldContain("the file is empty");
        var text = await SnapshotTextAsync();
        var message = await RefusedAsync(Replace(text, "\"relation\":\"viewer\",\"user\":\"user:carl\"", "\"relation\":\"viewer\" \"user\":\"user:carl\""));
        message.ShouldContain("not valid JSON at line 12");
        message.ShouldContain("in tuple 4");
        (await RefusedAsync(text + "{}")).ShouldContain("there is more after the end of the snapshot document");
    }

    [Fact]
    public async Task HashMissing_IsRefused()
    {
        var text = await SnapshotTextAsync();
        var at = text.IndexOf(",\n  \"hash\"", StringComparison.Ordinal);
        (await RefusedAsync(text[..at] + "\n}\n")).ShouldContain("the content hash is missing");
        (await RefusedAsync(Replace(text, "\"hash\": \"sha256:", "\"hash\": \"md5:"))).ShouldContain("\"hash\" at line");
    }

    [Fact]
    public async Task CountsWrong_IsRefused()
    {
        var text = await SnapshotTextAsync();
        (await RefusedAsync(Replace(text, "\"tuples\":6}", "\"tuples\":7}"))).ShouldContain("the counts do not match the content: \"counts\" says 7 tuples and 2 attribute entries but the file has 6 and 2");
    }

    [Fact]
    public async Task DuplicateTuple_IsRefused()
    {
        var text = await SnapshotTextAsync();
        const string Line = "{\"object\":\"document:2\",\"relation\":\"viewer\",\"user\":\"user:*\"}";
        var message = await RefusedAsync(Replace(text, Line, Line + ",\n    " + Line));
        message.ShouldContain("tuple 4 'document:2#viewer@user:*' appears twice");
        message.ShouldContain("(line 12, column 5)");
    }

    [Fact]
    public async Task TupleOutOfOrderOrMalformed_IsRefused()
    {
        var text = await SnapshotTextAsync();
        (await RefusedAsync(Replace(text, "\"document:2\"", "\"document:9\""))).ShouldContain("tuple 4 'document:3#viewer@user:carl' is out of order");
        (await RefusedAsync(Replace(text, "\"user\":\"user:*\"", "\"user\":\"user:\""))).ShouldContain("tuple 3 is malformed");
        (await RefusedAsync(Replace(text, "\"user\":\"user:*\"", "\"user\":\"user:*\",\"extra\":1"))).ShouldContain("tuple 3 is malformed: it has an unknown member \"extra\"");
        (await RefusedAsync(Replace(text, "\"entity\":\"user:erin\"", "\"entity\":7"))).ShouldContain("attribute entry 2 is malformed");
    }

    [Fact]
    public async Task MemberMissingOrMoved_IsRefused()
    {
        var text = await SnapshotTextAsync();
        (await RefusedAsync(Replace(text, "\"revision\": 3,\n", string.Empty))).ShouldContain("expected the member \"revision\" but found the member \"createdAt\"");
        (await RefusedAsync(Replace(text, "\"model\": {", "\"model\": {\"x\":1,"))).ShouldContain("\"model\" is malformed");
    }
}
