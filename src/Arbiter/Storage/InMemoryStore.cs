using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Arbiter.Model;
using Arbiter.Parsing;

namespace Arbiter.Storage;

/// <summary>
/// A store provider that keeps everything in memory (for tests, samples and short-lived processes): the same contract
/// and the same answers as the SQLite and PostgreSQL stores, nothing persisted. Values and models are copied through
/// their stored JSON forms, so they read back exactly as from a database.
/// </summary>
public sealed partial class InMemoryStore : IStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoreData> _stores = new(StringComparer.Ordinal);
    private readonly StoreIds _ids;
    private readonly TimeProvider _time;
    private readonly int _maxOperations;

    /// <summary>Creates an empty provider.</summary>
    /// <param name="time">The clock for timestamps and ids; <see langword="null"/> for the system clock.</param>
    /// <param name="maxWriteOperations">The largest number of operations in one write.</param>
    public InMemoryStore(TimeProvider? time = null, int maxWriteOperations = StoreWrites.DefaultMaxOperations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWriteOperations, 1);
        _time = time ?? TimeProvider.System;
        _ids = new StoreIds(_time);
        _maxOperations = maxWriteOperations;
    }

    /// <inheritdoc />
    public string Description => "memory";

    /// <inheritdoc />
    public async ValueTask<StoreInfo?> GetStoreAsync(string storeId, CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        lock (_gate)
        {
            return _stores.TryGetValue(storeId ?? string.Empty, out var data) ? data.Info : null;
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StoreInfo>> ListStoresAsync(CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        lock (_gate)
        {
            IReadOnlyList<StoreInfo> list = [.. _stores.Values.Select(static d => d.Info).OrderBy(static i => i.Id, StringComparer.Ordinal)];
            return list;
        }
    }

    /// <inheritdoc />
    public async ValueTask<long> ReadRevisionAsync(string storeId, CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        lock (_gate)
        {
            return Get(storeId).Revision;
        }
    }

    /// <inheritdoc />
    public async ValueTask<StoredModel?> ReadModelAsync(string storeId, string? modelId = null, CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        lock (_gate)
        {
            var data = Get(storeId);
            var row = modelId is null ? data.Models.LastOrDefault() : data.Models.Find(m => string.Equals(m.Id, modelId, StringComparison.Ordinal));
            return row?.ToModel();
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StoredModelInfo>> ListModelsAsync(string storeId, int limit = 100, CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            IReadOnlyList<StoredModelInfo> list = [.. Get(storeId).Models.AsEnumerable().Reverse().Take(limit).Select(static m => new StoredModelInfo(m.Id, m.Revision, m.CreatedAt))];
            return list;
        }
    }

    /// <inheritdoc />
    public async ValueTask<TuplePage> ReadTuplesAsync(string storeId, TupleQuery filter, CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        ArgumentNullException.ThrowIfNull(filter);
        var after = StoreQueries.Validate(filter);
        ImmutableSortedDictionary<TupleKey, string?> tuples;
        lock (_gate)
        {
            tuples = Get(storeId).Tuples;
        }
        var page = new List<RelationshipTuple>(Math.Min(filter.Limit, 1024));
        TupleKey? last = null;
        var more = false;
        foreach (var (key, condition) in tuples)
        {
            if ((after is { } a && TupleKey.Compare(key, a) <= 0) || !StoreQueries.Matches(filter, key))
            {
                continue;
            }
            if (page.Count == filter.Limit)
            {
                more = true;
                break;
            }
            page.Add(key.ToTuple(StoreQueries.ReadCondition(condition)));
            last = key;
        }
        return new TuplePage(page, more ? last!.Value.ToToken() : null);
    }

    /// <inheritdoc />
    public async ValueTask<EntityAttributes?> ReadAttributesAsync(string storeId, ObjectRef entity, CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        lock (_gate)
        {
            return Get(storeId).Attributes.TryGetValue(entity, out var json)
                ? new EntityAttributes(entity, StoredValues.FromJson(json))
                : null;
        }
    }

    /// <inheritdoc />
    public async ValueTask<IStoreState> OpenStateAsync(string storeId, CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        lock (_gate)
        {
            var data = Get(storeId);
            IStoreState state = new State(data.Info, data.Revision, data.Models.LastOrDefault()?.ToModel(), data.Tuples, data.Attributes);
            return state;
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StoreChange>> ReadChangesAsync(string storeId, long afterRevision, int limit = 1000, CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            var data = Get(storeId);
            StoreQueries.CheckChangesAvailable(storeId, afterRevision, data.FirstRevision);
            IReadOnlyList<StoreChange> list = [.. data.Changes.Where(c => c.Revision > afterRevision).Take(limit)];
            return list;
        }
    }

    /// <inheritdoc />
    public async ValueTask<long> WaitForRevisionAsync(string storeId, long afterRevision, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Task signal;
        lock (_gate)
        {
            var data = Get(storeId);
            if (data.Revision > afterRevision || timeout <= TimeSpan.Zero)
            {
                return data.Revision;
            }
            signal = data.Committed.Task;
        }
        var deadline = _time.GetTimestamp();
        while (true)
        {
            var left = timeout - _time.GetElapsedTime(deadline);
            if (left <= TimeSpan.Zero)
            {
                break;
            }
            try
            {
                await signal.WaitAsync(left, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                break;
            }
            lock (_gate)
            {
                var data = Get(storeId);
                if (data.Revision > afterRevision)
                {
                    return data.Revision;
                }
                signal = data.Committed.Task;
            }
        }
        return await ReadRevisionAsync(storeId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private StoreData Get(string storeId) =>
        _stores.TryGetValue(storeId ?? string.Empty, out var data) ? data : throw StoreQueries.NotFound(storeId);

    private sealed record ModelRow(string Id, long Revision, DateTimeOffset CreatedAt, string Json)
    {
        public StoredModel ToModel() => new(Id, Revision, CreatedAt, StoreQueries.ParseModel(Json, Id, "memory"));
    }

    private sealed class StoreData(StoreInfo info)
    {
        public StoreInfo Info { get; } = info;

        public long Revision { get; set; }

        public long FirstRevision { get; set; } = 1;

        public List<ModelRow> Models { get; } = [];

        public ImmutableSortedDictionary<TupleKey, string?> Tuples { get; set; } = ImmutableSortedDictionary.Create<TupleKey, string?>(KeyOrder.Instance);

        public ImmutableSortedDictionary<ObjectRef, string> Attributes { get; set; } = ImmutableSortedDictionary.Create<ObjectRef, string>(EntityOrder.Instance);

        public List<StoreChange> Changes { get; } = [];

        public Dictionary<string, (string Fingerprint, long Revision, DateTimeOffset RecordedAt)> IdempotencyKeys { get; } = new(StringComparer.Ordinal);

        public TaskCompletionSource Committed { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsEmpty => Revision == 0 && Models.Count == 0 && Tuples.IsEmpty && Attributes.IsEmpty;
    }

    private sealed class State(StoreInfo store, long revision, StoredModel? model,
        ImmutableSortedDictionary<TupleKey, string?> tuples, ImmutableSortedDictionary<ObjectRef, string> attributes) : IStoreState
    {
        public StoreInfo Store { get; } = store;

        public long Revision { get; } = revision;

        public StoredModel? Model { get; } = model;

        public async IAsyncEnumerable<RelationshipTuple> ReadTuplesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask.ConfigureAwait(false);
            foreach (var (key, condition) in tuples)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return key.ToTuple(StoreQueries.ReadCondition(condition));
            }
        }

        public async IAsyncEnumerable<EntityAttributes> ReadAttributesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask.ConfigureAwait(false);
            foreach (var (entity, json) in attributes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new EntityAttributes(entity, StoredValues.FromJson(json));
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class KeyOrder : IComparer<TupleKey>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(TupleKey x, TupleKey y) => TupleKey.Compare(x, y);
    }

    private sealed class EntityOrder : IComparer<ObjectRef>
    {
        public static readonly EntityOrder Instance = new();

        public int Compare(ObjectRef x, ObjectRef y)
        {
            var c = TupleKey.CompareCodePoints(x.Type, y.Type);
            return c != 0 ? c : TupleKey.CompareCodePoints(x.Id, y.Id);
        }
    }
}
