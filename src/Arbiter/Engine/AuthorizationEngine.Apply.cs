using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Arbiter.Engine;
using Arbiter.Storage;

namespace Arbiter;

public sealed partial class AuthorizationEngine
{
    private const int LoadChunk = 16_384;

    /// <summary>
    /// Fills a new engine with a store's state: every tuple and attribute value as stored (tuples the model does not allow
    /// are kept and ignored when read, as after a model change), at the state's revision.
    /// </summary>
    private async Task LoadAsync(IStoreState source, CancellationToken cancellationToken)
    {
        // Reading the store and interning overlap: one task reads chunks, this one interns them as they come.
        var chunks = Channel.CreateBounded<RelationshipTuple[]>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var chunk in source.ReadTuplesAsync(stop.Token).Chunk(LoadChunk).WithCancellation(stop.Token).ConfigureAwait(false))
                {
                    await chunks.Writer.WriteAsync(chunk, stop.Token).ConfigureAwait(false);
                }
                chunks.Writer.Complete();
            }
            catch (Exception ex)
            {
                chunks.Writer.Complete(ex);
            }
        }, CancellationToken.None);
        var entries = new List<KeyedEntry>();
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                InternAll(chunk, entries);
            }
        }
        finally
        {
            // never leave the reader running over a state the caller is about to dispose
            await stop.CancelAsync().ConfigureAwait(false);
            await reading.ConfigureAwait(false);
        }
        var set = new List<KeyValuePair<int, StoredAttributes>>();
        await foreach (var entry in source.ReadAttributesAsync(cancellationToken).ConfigureAwait(false))
        {
            set.Add(InternAttributes(entry));
        }
        lock (_writeLock)
        {
            var state = State;
            if (!RelationshipIndex.Empty.TryApply(source.Revision, CollectionsMarshal.AsSpan(entries), [], out var index, out var duplicate))
            {
                throw new ArbiterStorageException($"the store returned tuple '{Format(duplicate)}' twice", isTransient: false);
            }
            var model = source.Model is { } m && m.Id != state.Model.Id ? Compile(m.Model, m.Id) : state.Model;
            Publish(new EngineState(model, index, AttributeStore.Empty.With(set, [])));
        }
    }

    /// <summary>Loads the store's whole state again (its change feed no longer reaches this engine's revision).</summary>
    internal async Task ReloadAsync(IStoreReader store, string storeId, CancellationToken cancellationToken)
    {
        await using var state = await store.OpenStateAsync(storeId, cancellationToken).ConfigureAwait(false);
        await LoadAsync(state, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies committed changes in order and publishes the result as one state at the last change's revision.</summary>
    internal async Task ApplyChangesAsync(IStoreReader store, string storeId, IReadOnlyList<StoreChange> changes, CancellationToken cancellationToken)
    {
        var models = new Dictionary<string, StoredModel>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.ModelId is { } id && !models.ContainsKey(id))
            {
                models[id] = await store.ReadModelAsync(storeId, id, cancellationToken).ConfigureAwait(false)
                    ?? throw new ArbiterStorageException($"store '{storeId}' lists model version '{id}' in its change feed but does not have it", isTransient: false);
            }
        }
        lock (_writeLock)
        {
            var state = State;
            var model = state.Model;
            var index = state.Index;
            var reverse = state.ReverseIfBuilt;
            var attributes = state.Attributes;
            foreach (var change in changes)
            {
                if (change.Revision <= index.Revision)
                {
                    continue;
                }
                if (change.Revision != index.Revision + 1)
                {
                    // a gap would mean a lost write: never apply around it, load the store's state instead
                    throw new ArbiterException(ArbiterErrorCode.ChangesUnavailable,
                        $"store '{storeId}' returned revision {change.Revision} right after revision {index.Revision}");
                }
                if (change.ModelId is { } id)
                {
                    model = Compile(models[id].Model, id);
                }
                var removed = new List<KeyedEntry>(change.Deleted.Count);
                foreach (var tuple in change.Deleted)
                {
                    if (TryLocate(index, tuple, out var entry))
                    {
                        removed.Add(entry);
                    }
                }
                var added = new List<KeyedEntry>(change.Written.Count);
                InternAll(change.Written, added);
                if (!TryNext(index, reverse, change.Revision, added, removed, out index, out reverse, out _))
                {
                    // the feed and this engine disagree (a tuple added twice): start again from the store's state
                    throw new ArbiterException(ArbiterErrorCode.ChangesUnavailable, $"revision {change.Revision} of store '{storeId}' adds a tuple this engine has");
                }
                if (change.AttributesSet.Count + change.AttributesCleared.Count > 0)
                {
                    var set = change.AttributesSet.Select(InternAttributes).ToList();
                    var cleared = new List<int>(change.AttributesCleared.Count);
                    foreach (var entity in change.AttributesCleared)
                    {
                        if (_tables.Types.TryGetId(entity.Type, out var typeId) && _tables.Entities.Find(typeId, entity.Id) is var e and >= 0)
                        {
                            cleared.Add(e);
                        }
                    }
                    attributes = attributes.With(set, cleared);
                }
            }
            Publish(new EngineState(model, index, attributes, reverse));
        }
    }

    /// <summary>
    /// The next forward index (and reverse index, once a listing built it) with <paramref name="added"/> and without
    /// <paramref name="removed"/>, at <paramref name="revision"/>; <see langword="false"/> with the duplicate when a tuple is added twice.
    /// </summary>
    private static bool TryNext(RelationshipIndex index, RelationshipIndex? reverse, long revision, List<KeyedEntry> added, List<KeyedEntry> removed,
        out RelationshipIndex nextIndex, out RelationshipIndex? nextReverse, out KeyedEntry duplicate)
    {
        KeyedEntry[]? reverseAdded = null;
        KeyedEntry[]? reverseRemoved = null;
        if (reverse is not null)
        {
            reverseAdded = added.ConvertAll(static e => RelationshipIndex.Mirror(e.Key, e.Entry)).ToArray();
            reverseRemoved = removed.ConvertAll(static e => RelationshipIndex.Mirror(e.Key, e.Entry)).ToArray();
        }
        if (!index.TryApply(revision, CollectionsMarshal.AsSpan(added), CollectionsMarshal.AsSpan(removed), out nextIndex, out duplicate))
        {
            nextReverse = reverse;
            return false;
        }
        nextReverse = null;
        if (reverse is not null && !reverse.TryApply(revision, reverseAdded, reverseRemoved, out nextReverse, out _))
        {
            nextReverse = null; // cannot happen (the forward index accepted the change); rebuilt by the next listing
        }
        return true;
    }

    /// <summary>Interns stored tuples as index entries, whatever the current model says of them.</summary>
    private void InternAll(IReadOnlyList<RelationshipTuple> tuples, List<KeyedEntry> into)
    {
        if (tuples.Count == 0)
        {
            return;
        }
        var t = _tables;
        lock (_writeLock)
        {
            t.Entities.BeginWrite(tuples.Count * 2);
            try
            {
                foreach (var tuple in tuples)
                {
                    var relation = t.Relations.GetOrAdd(tuple.Relation);
                    var subjectRelation = tuple.Subject.IsWildcard ? SubjectKind.Wildcard
                        : tuple.Subject.Relation is { } userset ? t.Relations.GetOrAdd(userset) : SubjectKind.Plain;
                    var obj = t.Entities.GetOrAdd(t.Types.GetOrAdd(tuple.Object.Type), tuple.Object.Id);
                    var subject = t.Entities.GetOrAdd(t.Types.GetOrAdd(tuple.Subject.Type), tuple.Subject.Id);
                    var condition = tuple.Condition is { } c ? t.Conditions.Add(c) : -1;
                    into.Add(new KeyedEntry(RelationshipIndex.Key(obj, relation), new SubjectEntry(subject, subjectRelation, condition)));
                }
            }
            finally
            {
                t.Entities.EndWrite();
            }
        }
    }

    private KeyValuePair<int, StoredAttributes> InternAttributes(EntityAttributes entry)
    {
        lock (_writeLock)
        {
            var entities = _tables.Entities;
            entities.BeginWrite(1);
            try
            {
                var entity = entities.GetOrAdd(_tables.Types.GetOrAdd(entry.Entity.Type), entry.Entity.Id);
                return KeyValuePair.Create(entity, new StoredAttributes(entry.Values.ToFrozenDictionary(StringComparer.Ordinal)));
            }
            finally
            {
                entities.EndWrite();
            }
        }
    }
}
