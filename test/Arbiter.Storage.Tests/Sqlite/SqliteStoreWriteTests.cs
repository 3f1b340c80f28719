using static Arbiter.Storage.Tests.Sqlite.SqliteTestData;

namespace Arbiter.Storage.Tests.Sqlite;

public sealed class SqliteStoreWriteTests : IAsyncLifetime
{
    private readonly SqliteTestFile _file = new();
    private Arbiter.Storage.Sqlite.SqliteStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await _file.OpenAsync();
        await _store.CreateStoreAsync("s");
    }

    public async Task DisposeAsync() => await _file.DisposeAsync();

    [Fact]
    public async Task Write_TenThousandTuples_CommitsOneRevisionWithEveryTuple()
    {
        var tuples = Viewers(10_000);

        var result = await _store.WriteAsync("s", Writes(tuples));

        result.ShouldBe(new WriteResult(1));
        (await ReadAllAsync(_store, "s")).Select(Text).ShouldBe(tuples.Select(Text).Order(StringComparer.Ordinal));
        var change = (await _store.ReadChangesAsync("s", 0)).ShouldHaveSingleItem();
        change.Revision.ShouldBe(1);
        change.Written.Count.ShouldBe(10_000);
    }

    [Fact]
    public async Task Write_TenThousandTuplesWithAnExistingOneInTheMiddle_StoresNothing()
    {
        await _store.WriteAsync("s", Writes([Tuple("document:5000#viewer@user:u5000")]));

        var error = await Should.ThrowAsync<ArbiterException>(async () => await _store.WriteAsync("s", Writes(Viewers(10_000))));

        error.Code.ShouldBe(ArbiterErrorCode.PreconditionFailed);
        error.Message.ShouldBe(StoreWrites.PreconditionMessage(Tuple("document:5000#viewer@user:u5000"), PreconditionKind.MustNotExist));
        (await ReadAllAsync(_store, "s")).Select(Text).ShouldBe(["document:5000#viewer@user:u5000"]);
        (await _store.ReadRevisionAsync("s")).ShouldBe(1);
        (await _store.ReadChangesAsync("s", 0)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Write_InvalidTuple_FailsBeforeTouchingTheStore()
    {
        var tuples = Viewers(3);
        tuples.Add(new RelationshipTuple(new ObjectRef("document", "x"), "viewer", new SubjectRef("", "u")));

        var error = await Should.ThrowAsync<ArbiterException>(async () => await _store.WriteAsync("s", Writes(tuples)));

        error.Code.ShouldBe(ArbiterErrorCode.InvalidTuple);
        (await _store.ReadRevisionAsync("s")).ShouldBe(0);
    }

    [Fact]
    public async Task Write_TooManyOperations_FailsWithValidationError()
    {
        await using var file = new SqliteTestFile();
        var store = await file.OpenAsync(new Arbiter.Storage.Sqlite.SqliteStoreOptions { Path = file.Path, MaxWriteOperations = 5 });
        await store.CreateStoreAsync("s");

        var error = await Should.ThrowAsync<ArbiterException>(async () => await store.WriteAsync("s", Writes(Viewers(6))));

        error.Code.ShouldBe(ArbiterErrorCode.ValidationError);
        (await store.WriteAsync("s", Writes(Viewers(5)))).Revision.ShouldBe(1);
    }

    [Fact]
    public async Task Write_SuccessiveWrites_GetGapFreeRevisions()
    {
        for (var i = 1; i <= 5; i++)
        {
            (await _store.WriteAsync("s", Writes(Viewers(2, from: i * 10)))).Revision.ShouldBe(i);
        }

        (await _store.ReadRevisionAsync("s")).ShouldBe(5);
    }

    [Fact]
    public async Task Write_DuplicateIgnored_SkipsItAndOmitsItFromTheChange()
    {
        await _store.WriteAsync("s", Writes(Viewers(1)));

        var result = await _store.WriteAsync("s", new StoreWrite { Writes = Viewers(2), OnDuplicate = ConflictBehavior.Ignore });

        result.Revision.ShouldBe(2);
        var change = (await _store.ReadChangesAsync("s", 1)).ShouldHaveSingleItem();
        change.Written.Select(Text).ShouldBe(["document:1#viewer@user:u1"]);
    }

    [Fact]
    public async Task Write_EveryTupleIgnored_CommitsNoRevision()
    {
        await _store.WriteAsync("s", Writes(Viewers(2)));

        var result = await _store.WriteAsync("s", new StoreWrite
        {
            Writes = Viewers(2),
            Deletes = [Tuple("document:9#viewer@user:u9")],
            OnDuplicate = ConflictBehavior.Ignore,
            OnMissing = ConflictBehavior.Ignore,
        });

        result.ShouldBe(new WriteResult(1));
        (await _store.ReadRevisionAsync("s")).ShouldBe(1);
        (await _store.ReadChangesAsync("s", 0)).Count.ShouldBe(1);
        (await _store.WriteAsync("s", new StoreWrite())).ShouldBe(new WriteResult(1));
    }

    [Fact]
    public async Task Delete_Missing_FailsUnlessIgnored()
    {
        var missing = Tuple("document:1#viewer@user:anne");

        var error = await Should.ThrowAsync<ArbiterException>(async () => await _store.WriteAsync("s", new StoreWrite { Deletes = [missing] }));

        error.Code.ShouldBe(ArbiterErrorCode.PreconditionFailed);
        error.Message.ShouldBe(StoreWrites.PreconditionMessage(missing, PreconditionKind.MustExist));
        (await _store.WriteAsync("s", new StoreWrite { Deletes = [missing], OnMissing = ConflictBehavior.Ignore })).Revision.ShouldBe(0);
    }

    [Fact]
    public async Task Delete_TupleWithCondition_KeepsTheConditionInTheChange()
    {
        var context = new Dictionary<string, object?> { ["age"] = 3L, ["tags"] = new List<object?> { "a", 2L } };
        await _store.WriteAsync("s", Writes([Tuple("document:1#viewer@user:anne", new TupleCondition("recent", context))]));

        await _store.WriteAsync("s", new StoreWrite { Deletes = [Tuple("document:1#viewer@user:anne")] });

        var deleted = (await _store.ReadChangesAsync("s", 1)).ShouldHaveSingleItem().Deleted.ShouldHaveSingleItem();
        deleted.Condition!.Name.ShouldBe("recent");
        deleted.Condition.Context!["age"].ShouldBe(3L);
        deleted.Condition.Context["tags"].ShouldBe(new List<object?> { "a", 2L });
        (await ReadAllAsync(_store, "s")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Write_Preconditions_AreCheckedBeforeAnythingChanges()
    {
        var anne = Tuple("document:1#viewer@user:anne");
        await _store.WriteAsync("s", Writes([anne]));
        var mustNot = Precondition.MustNotExist(anne);
        var must = Precondition.MustExist(Tuple("document:2#viewer@user:bob"));

        var first = await Should.ThrowAsync<ArbiterException>(async () =>
            await _store.WriteAsync("s", new StoreWrite { Writes = Viewers(3, from: 10), Preconditions = [mustNot] }));
        var second = await Should.ThrowAsync<ArbiterException>(async () =>
            await _store.WriteAsync("s", new StoreWrite { Writes = Viewers(3, from: 10), Preconditions = [must] }));

        first.Code.ShouldBe(ArbiterErrorCode.PreconditionFailed);
        first.Message.ShouldBe(StoreWrites.ExplicitPreconditionMessage(mustNot));
        second.Message.ShouldBe(StoreWrites.ExplicitPreconditionMessage(must));
        (await ReadAllAsync(_store, "s")).Count.ShouldBe(1);
        var ok = await _store.WriteAsync("s", new StoreWrite { Writes = Viewers(1, from: 10), Preconditions = [Precondition.MustExist(anne)] });
        ok.Revision.ShouldBe(2);
    }

    [Fact]
    public async Task Write_SameIdempotencyKeyAndContent_ReplaysTheFirstRevision()
    {
        var write = Writes(Viewers(2)) with { IdempotencyKey = "k1" };
        (await _store.WriteAsync("s", write)).ShouldBe(new WriteResult(1));
        await _store.WriteAsync("s", Writes(Viewers(1, from: 50)));

        var replay = await _store.WriteAsync("s", Writes(Viewers(2)) with { IdempotencyKey = "k1" });

        replay.ShouldBe(new WriteResult(1, Replayed: true));
        (await _store.ReadRevisionAsync("s")).ShouldBe(2);
    }

    [Fact]
    public async Task Write_SameIdempotencyKeyOtherContent_FailsWithConflict()
    {
        await _store.WriteAsync("s", Writes(Viewers(2)) with { IdempotencyKey = "k1" });

        var error = await Should.ThrowAsync<ArbiterException>(async () =>
            await _store.WriteAsync("s", Writes(Viewers(3)) with { IdempotencyKey = "k1" }));

        error.Code.ShouldBe(ArbiterErrorCode.IdempotencyConflict);
        (await _store.ReadRevisionAsync("s")).ShouldBe(1);
    }

    [Fact]
    public async Task Write_IdempotencyKeyOfAFailedWrite_IsNotRecorded()
    {
        await Should.ThrowAsync<ArbiterException>(async () =>
            await _store.WriteAsync("s", new StoreWrite { Deletes = [Tuple("document:1#viewer@user:x")], IdempotencyKey = "k" }));

        (await _store.WriteAsync("s", Writes(Viewers(1)) with { IdempotencyKey = "k" })).ShouldBe(new WriteResult(1));
    }

    [Fact]
    public async Task Write_NoOpWithIdempotencyKey_RecordsTheKeyAtTheCurrentRevision()
    {
        await _store.WriteAsync("s", Writes(Viewers(1)));
        var noOp = new StoreWrite { Writes = Viewers(1), OnDuplicate = ConflictBehavior.Ignore, IdempotencyKey = "k" };

        (await _store.WriteAsync("s", noOp)).ShouldBe(new WriteResult(1));
        await _store.WriteAsync("s", Writes(Viewers(1, from: 7)));

        (await _store.WriteAsync("s", noOp)).ShouldBe(new WriteResult(1, Replayed: true));
        (await Should.ThrowAsync<ArbiterException>(async () => await _store.WriteAsync("s", Writes(Viewers(1, from: 8)) with { IdempotencyKey = "k" })))
            .Code.ShouldBe(ArbiterErrorCode.IdempotencyConflict);
    }

    [Fact]
    public async Task Write_Attributes_SetReplaceAndClear()
    {
        var anne = new ObjectRef("user", "anne");
        await _store.WriteAsync("s", new StoreWrite { SetAttributes = [new EntityAttributes(anne, new Dictionary<string, object?> { ["age"] = 30L, ["name"] = "Anne" })] });
        await _store.WriteAsync("s", new StoreWrite { SetAttributes = [new EntityAttributes(anne, new Dictionary<string, object?> { ["age"] = 31L })] });

        var read = (await _store.ReadAttributesAsync("s", anne))!;
        read.Values.Keys.ShouldBe(["age"]);
        read.Values["age"].ShouldBe(31L);

        (await _store.WriteAsync("s", new StoreWrite { ClearAttributes = [anne, new ObjectRef("user", "nobody")] })).Revision.ShouldBe(3);
        (await _store.ReadAttributesAsync("s", anne)).ShouldBeNull();
        var changes = await _store.ReadChangesAsync("s", 0);
        changes.Select(static c => c.AttributesSet.Count).ShouldBe([1, 1, 0]);
        changes[2].AttributesCleared.ShouldBe([anne, new ObjectRef("user", "nobody")]);
        changes[1].AttributesSet[0].Values["age"].ShouldBe(31L);
    }
}
