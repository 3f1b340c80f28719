using System.Collections.Concurrent;

namespace Arbiter.Engine;

/// <summary>
/// Interns entities (<c>type:id</c>, including the wildcard <c>type:*</c>) as dense non-negative ints.
/// Append-only: one writer at a time (the engine's write lock), any number of concurrent readers.
/// Per type, ids live in an immutable base dictionary plus a small concurrent one for recent additions; a large write
/// (or a grown recent part) builds a new base privately and publishes it by swapping one reference, so bulk loads
/// pay plain-dictionary costs and readers never see a half-built map.
/// An entity interned by a write that later failed is harmless: no revision refers to it.
/// </summary>
internal sealed class EntityTable
{
    private const int BulkThreshold = 4096;

    private readonly Lock _gate = new();
    private TypeMap?[] _byType = new TypeMap?[16];
    private int[] _wildcards = CreateWildcards(16);
    private int[] _types = new int[1024];
    private string[] _ids = new string[1024];
    private int _count;
    private Dictionary<int, Dictionary<string, int>>? _pending;

    /// <summary>The number of interned entities.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The entity id of <c>type:id</c>, or -1 when it was never interned (or only by a write not yet published).</summary>
    public int Find(int typeId, string id)
    {
        var byType = Volatile.Read(ref _byType);
        if ((uint)typeId >= (uint)byType.Length)
        {
            return -1;
        }
        var map = Volatile.Read(ref byType[typeId]);
        if (map is null)
        {
            return -1;
        }
        if (map.Base.TryGetValue(id, out var entity))
        {
            return entity;
        }
        return map.RecentCount > 0 && map.Recent.TryGetValue(id, out entity) ? entity : -1;
    }

    /// <summary>The entity id of <c>type:*</c>, or -1 when it was never interned.</summary>
    public int FindWildcard(int typeId)
    {
        var wildcards = Volatile.Read(ref _wildcards);
        return (uint)typeId < (uint)wildcards.Length ? wildcards[typeId] : -1;
    }

    /// <summary>
    /// The entities of one type (not its wildcard), sorted by id (ordinal). Cached until the table grows, so repeated
    /// listings over a stable store sort once.
    /// </summary>
    public int[] SortedEntitiesOf(int typeId)
    {
        var count = Count;
        var cached = Volatile.Read(ref _sorted);
        if (cached is not null && cached.Count == count && cached.ByType.TryGetValue(typeId, out var hit))
        {
            return hit;
        }
        var byType = Volatile.Read(ref _byType);
        var map = (uint)typeId < (uint)byType.Length ? Volatile.Read(ref byType[typeId]) : null;
        var entities = new List<int>();
        if (map is not null)
        {
            foreach (var (id, entity) in map.Base)
            {
                if (id != SubjectRef.WildcardId)
                {
                    entities.Add(entity);
                }
            }
            foreach (var (id, entity) in map.Recent)
            {
                if (id != SubjectRef.WildcardId && !map.Base.ContainsKey(id))
                {
                    entities.Add(entity);
                }
            }
        }
        var ids = Volatile.Read(ref _ids);
        var sorted = entities.ToArray();
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(ids[a], ids[b]));
        var next = cached is not null && cached.Count == count ? cached : new SortedCache(count);
        next.ByType[typeId] = sorted;
        Volatile.Write(ref _sorted, next);
        return sorted;
    }

    private SortedCache? _sorted;

    private sealed class SortedCache(int count)
    {
        public int Count { get; } = count;

        public ConcurrentDictionary<int, int[]> ByType { get; } = new();
    }

    /// <summary>The type symbol of an entity.</summary>
    public int TypeOf(int entity) => Volatile.Read(ref _types)[entity];

    /// <summary>The id string of an entity (<c>*</c> for a wildcard).</summary>
    public string IdOf(int entity) => Volatile.Read(ref _ids)[entity];

    /// <summary>Starts a write that may intern up to <paramref name="expected"/> entities. Writer only.</summary>
    public void BeginWrite(int expected)
    {
        lock (_gate)
        {
            _pending = expected >= BulkThreshold ? [] : null;
        }
    }

    /// <summary>Publishes what the write interned (call before publishing the revision that uses it). Writer only.</summary>
    public void EndWrite()
    {
        lock (_gate)
        {
            var byType = _byType;
            foreach (var (typeId, pending) in _pending ?? [])
            {
                var map = byType[typeId];
                Volatile.Write(ref byType[typeId], Merge(map, pending));
            }
            _pending = null;
            for (var t = 0; t < byType.Length; t++)
            {
                if (byType[t] is { } map && map.RecentCount > Math.Max(1024, map.Base.Count / 4))
                {
                    Volatile.Write(ref byType[t], Merge(map, null));
                }
            }
        }
    }

    /// <summary>Interns <c>type:id</c>. Writer only (inside <see cref="BeginWrite"/> / <see cref="EndWrite"/>, or single-threaded).</summary>
    public int GetOrAdd(int typeId, string id)
    {
        var existing = Find(typeId, id);
        if (existing >= 0)
        {
            return existing;
        }
        lock (_gate)
        {
            var byType = EnsureType(typeId);
            Dictionary<string, int>? pending = null;
            if (_pending is not null)
            {
                if (!_pending.TryGetValue(typeId, out pending))
                {
                    _pending[typeId] = pending = [];
                }
                else if (pending.TryGetValue(id, out var staged))
                {
                    return staged;
                }
            }
            var entity = _count;
            var types = _types;
            var ids = _ids;
            if (entity == types.Length)
            {
                Array.Resize(ref types, types.Length * 2);
                Array.Resize(ref ids, ids.Length * 2);
            }
            types[entity] = typeId;
            ids[entity] = id;
            Volatile.Write(ref _types, types);
            Volatile.Write(ref _ids, ids);
            Volatile.Write(ref _count, entity + 1);
            if (id == SubjectRef.WildcardId)
            {
                _wildcards[typeId] = entity;
            }
            if (pending is not null)
            {
                pending[id] = entity;
            }
            else
            {
                var map = byType[typeId]!;
                map.Recent[id] = entity;
                Interlocked.Increment(ref map.RecentCount);
            }
            return entity;
        }
    }

    private TypeMap?[] EnsureType(int typeId)
    {
        var byType = _byType;
        if (typeId >= byType.Length)
        {
            Array.Resize(ref byType, Math.Max(typeId + 1, byType.Length * 2));
            var grown = CreateWildcards(byType.Length);
            Array.Copy(_wildcards, grown, _wildcards.Length);
            Volatile.Write(ref _wildcards, grown);
            Volatile.Write(ref _byType, byType);
        }
        if (byType[typeId] is null)
        {
            Volatile.Write(ref byType[typeId], new TypeMap(new Dictionary<string, int>(StringComparer.Ordinal)));
        }
        return byType;
    }

    private static TypeMap Merge(TypeMap? map, Dictionary<string, int>? pending)
    {
        if (pending is not null && (map is null || (map.Base.Count == 0 && map.RecentCount == 0)))
        {
            // the first bulk write of a type: the staged dictionary becomes the base as it is
            pending.TrimExcess();
            return new TypeMap(pending);
        }
        var size = (map?.Base.Count ?? 0) + (map?.RecentCount ?? 0) + (pending?.Count ?? 0);
        var merged = map is null ? new Dictionary<string, int>(size, StringComparer.Ordinal) : new Dictionary<string, int>(map.Base, StringComparer.Ordinal);
        merged.EnsureCapacity(size);
        if (map is not null)
        {
            foreach (var (key, value) in map.Recent)
            {
                merged[key] = value;
            }
        }
        foreach (var (key, value) in pending ?? [])
        {
            merged[key] = value;
        }
        return new TypeMap(merged);
    }

    private static int[] CreateWildcards(int length)
    {
        var result = new int[length];
        Array.Fill(result, -1);
        return result;
    }

    /// <summary>The ids of one type: an immutable base and the recent additions.</summary>
    private sealed class TypeMap(Dictionary<string, int> @base)
    {
        public Dictionary<string, int> Base { get; } = @base;

        public ConcurrentDictionary<string, int> Recent { get; } = new(concurrencyLevel: 1, capacity: 16, comparer: StringComparer.Ordinal);

        public int RecentCount;
    }
}
