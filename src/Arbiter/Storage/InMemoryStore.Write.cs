using System.Collections.Immutable;
using Arbiter.Model;

namespace Arbiter.Storage;

public sealed partial class InMemoryStore
{
    /// <inheritdoc />
    public async ValueTask<StoreInfo> CreateStoreAsync(string? id = null, string? name = null, CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        id ??= _ids.Next();
        if (!StoreIds.IsValidStoreId(id, out var error))
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, error!);
        }
        lock (_gate)
        {
            if (_stores.ContainsKey(id))
            {
                throw new ArbiterException(ArbiterErrorCode.StoreExists, $"store '{id}' exists already");
            }
            var info = new StoreInfo(id, name ?? id, _time.GetUtcNow());
            _stores.Add(id, new StoreData(info));
            return info;
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteStoreAsync(string storeId, CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        lock (_gate)
        {
            if (!_stores.Remove(storeId ?? string.Empty, out var data))
            {
                return false;
            }
            data.Committed.TrySetResult();
            return true;
        }
    }

    /// <inheritdoc />
    public async ValueTask<StoredModel> WriteModelAsync(string storeId, AuthorizationModel model, CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        ArgumentNullException.ThrowIfNull(model);
        lock (_gate)
        {
            var data = Get(storeId);
            var id = _ids.Next();
            var json = StoreQueries.ModelToJson(model, id);
            var now = _time.GetUtcNow();
            var revision = data.Revision + 1;
            var row = new ModelRow(id, revision, now, json);
            var stored = row.ToModel(); // parses: a model that cannot be read back is refused here, not at the next load
            data.Models.Add(row);
            Commit(data, new StoreChange { Revision = revision, CommittedAt = now, ModelId = id });
            return stored;
        }
    }

    /// <inheritdoc />
    public async ValueTask<WriteResult> WriteAsync(string storeId, StoreWrite write, CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        StoreWrites.Validate(write, _maxOperations);
        var fingerprint = write.IdempotencyKey is null ? null : StoreWrites.Fingerprint(write);
        lock (_gate)
        {
            var data = Get(storeId);
            if (write.IdempotencyKey is { } idempotencyKey && data.IdempotencyKeys.TryGetValue(idempotencyKey, out var seen))
            {
                return seen.Fingerprint == fingerprint
                    ? new WriteResult(seen.Revision, Replayed: true)
                    : throw new ArbiterException(ArbiterErrorCode.IdempotencyConflict,
                        $"the idempotency key '{idempotencyKey}' was used by a different write (at revision {seen.Revision})");
            }
            var tuples = data.Tuples;
            foreach (var precondition in write.Preconditions)
            {
                if (tuples.ContainsKey(TupleKey.Of(precondition.Tuple)) != (precondition.Kind == PreconditionKind.MustExist))
                {
                    throw new ArbiterException(ArbiterErrorCode.PreconditionFailed, StoreWrites.ExplicitPreconditionMessage(precondition));
                }
            }
            var builder = tuples.ToBuilder();
            var deleted = new List<RelationshipTuple>(write.Deletes.Count);
            foreach (var tuple in write.Deletes)
            {
                var key = TupleKey.Of(tuple);
                if (!builder.TryGetValue(key, out var condition))
                {
                    if (write.OnMissing == ConflictBehavior.Ignore)
                    {
                        continue;
                    }
                    throw new ArbiterException(ArbiterErrorCode.PreconditionFailed, StoreWrites.PreconditionMessage(tuple, PreconditionKind.MustExist));
                }
                builder.Remove(key);
                deleted.Add(key.ToTuple(StoreQueries.ReadCondition(condition)));
            }
            var written = new List<RelationshipTuple>(write.Writes.Count);
            foreach (var tuple in write.Writes)
            {
                var key = TupleKey.Of(tuple);
                if (builder.ContainsKey(key))
                {
                    if (write.OnDuplicate == ConflictBehavior.Ignore)
                    {
                        continue;
                    }
                    throw new ArbiterException(ArbiterErrorCode.PreconditionFailed, StoreWrites.PreconditionMessage(tuple, PreconditionKind.MustNotExist));
                }
                var condition = StoreQueries.WriteCondition(tuple.Condition);
                builder.Add(key, condition);
                written.Add(key.ToTuple(StoreQueries.ReadCondition(condition)));
            }
            var attributes = data.Attributes.ToBuilder();
            var set = new List<EntityAttributes>(write.SetAttributes.Count);
            foreach (var entry in write.SetAttributes)
            {
                var json = StoredValues.ToJson(entry.Values);
                attributes[entry.Entity] = json;
                set.Add(new EntityAttributes(entry.Entity, StoredValues.FromJson(json)));
            }
            var cleared = new List<ObjectRef>(write.ClearAttributes.Count);
            foreach (var entity in write.ClearAttributes)
            {
                attributes.Remove(entity);
                cleared.Add(entity);
            }
            var revision = data.Revision;
            if (written.Count + deleted.Count + set.Count + cleared.Count > 0)
            {
                revision++;
                data.Tuples = builder.ToImmutable();
                data.Attributes = attributes.ToImmutable();
                Commit(data, new StoreChange
                {
                    Revision = revision,
                    CommittedAt = _time.GetUtcNow(),
                    Written = written,
                    Deleted = deleted,
                    AttributesSet = set,
                    AttributesCleared = cleared,
                });
            }
            if (write.IdempotencyKey is { } newKey)
            {
                data.IdempotencyKeys[newKey] = (fingerprint!, revision, _time.GetUtcNow());
            }
            return new WriteResult(revision);
        }
    }

    /// <inheritdoc />
    public async ValueTask ImportAsync(string storeId, StoreImport import, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentOutOfRangeException.ThrowIfNegative(import.Revision);
        lock (_gate)
        {
            if (!Get(storeId).IsEmpty)
            {
                throw new ArbiterException(ArbiterErrorCode.StoreNotEmpty, $"store '{storeId}' is not empty: a snapshot is imported only into an empty store");
            }
        }
        // Read everything first, outside the lock; commit at once, so a failure imports nothing.
        var tuples = ImmutableSortedDictionary.CreateBuilder<TupleKey, string?>(KeyOrder.Instance);
        await foreach (var tuple in import.Tuples.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            StoreWrites.Validate(new StoreWrite { Writes = [tuple] }, 1);
            if (!tuples.TryAdd(TupleKey.Of(tuple), StoreQueries.WriteCondition(tuple.Condition)))
            {
                throw new ArbiterException(ArbiterErrorCode.InvalidTuple, $"the import has tuple '{TupleKey.Of(tuple)}' more than once");
            }
        }
        var attributes = ImmutableSortedDictionary.CreateBuilder<ObjectRef, string>(EntityOrder.Instance);
        await foreach (var entry in import.Attributes.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            StoreWrites.Validate(new StoreWrite { SetAttributes = [entry] }, 1);
            if (!attributes.TryAdd(entry.Entity, StoredValues.ToJson(entry.Values)))
            {
                throw new ArbiterException(ArbiterErrorCode.ValidationError, $"the import has the attributes of '{entry.Entity}' more than once");
            }
        }
        ModelRow? model = null;
        if (import.Model is { } m)
        {
            model = new ModelRow(m.Id, Math.Min(m.Revision, import.Revision), m.CreatedAt, StoreQueries.ModelToJson(m.Model, m.Id));
            _ = model.ToModel();
        }
        lock (_gate)
        {
            var data = Get(storeId);
            if (!data.IsEmpty)
            {
                throw new ArbiterException(ArbiterErrorCode.StoreNotEmpty, $"store '{storeId}' is not empty: a snapshot is imported only into an empty store");
            }
            data.Tuples = tuples.ToImmutable();
            data.Attributes = attributes.ToImmutable();
            if (model is not null)
            {
                data.Models.Add(model);
            }
            data.Revision = import.Revision;
            data.FirstRevision = import.Revision + 1;
            Signal(data);
        }
    }

    private static void Commit(StoreData data, StoreChange change)
    {
        data.Revision = change.Revision;
        data.Changes.Add(change);
        Signal(data);
    }

    private static void Signal(StoreData data)
    {
        var committed = data.Committed;
        data.Committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        committed.TrySetResult();
    }
}
