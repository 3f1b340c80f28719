using System.Collections.Concurrent;

namespace Arbiter.Engine;

/// <summary>
/// Interns entities (<c>type:id</c>, including the wildcard <c>type:*</c>) as dense non-negative ints.
/// Append-only: one writer at a time (the engine's write lock), any number of concurrent readers.
/// An entity interned by a write that later failed is harmless: no revision refers to it.
/// </summary>
internal sealed class EntityTable
{
    private readonly Lock _gate = new();
    private ConcurrentDictionary<string, int>?[] _byType = new ConcurrentDictionary<string, int>?[16];
    private int[] _wildcards = CreateWildcards(16);
    private int[] _types = new int[1024];
    private string[] _ids = new string[1024];
    private int _count;

    /// <summary>The number of interned entities.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The entity id of <c>type:id</c>, or -1 when it was never interned.</summary>
    public int Find(int typeId, string id)
    {
        var byType = Volatile.Read(ref _byType);
        if ((uint)typeId >= (uint)byType.Length)
        {
            return -1;
        }
        var map = byType[typeId];
        return map is not null && map.TryGetValue(id, out var entity) ? entity : -1;
    }

    /// <summary>The entity id of <c>type:*</c>, or -1 when it was never interned.</summary>
    public int FindWildcard(int typeId)
    {
        var wildcards = Volatile.Read(ref _wildcards);
        return (uint)typeId < (uint)wildcards.Length ? wildcards[typeId] : -1;
    }

    /// <summary>The type symbol of an entity.</summary>
    public int TypeOf(int entity) => Volatile.Read(ref _types)[entity];

    /// <summary>The id string of an entity (<c>*</c> for a wildcard).</summary>
    public string IdOf(int entity) => Volatile.Read(ref _ids)[entity];

    /// <summary>Interns <c>type:id</c>. Call only while holding the engine's write lock (or from a single thread).</summary>
    public int GetOrAdd(int typeId, string id)
    {
        var existing = Find(typeId, id);
        if (existing >= 0)
        {
            return existing;
        }
        lock (_gate)
        {
            var byType = _byType;
            if (typeId >= byType.Length)
            {
                Array.Resize(ref byType, Math.Max(typeId + 1, byType.Length * 2));
                var wildcards = _wildcards;
                var grown = CreateWildcards(byType.Length);
                Array.Copy(wildcards, grown, wildcards.Length);
                Volatile.Write(ref _wildcards, grown);
                Volatile.Write(ref _byType, byType);
            }
            var map = byType[typeId];
            if (map is null)
            {
                map = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
                byType[typeId] = map;
            }
            if (map.TryGetValue(id, out var entity))
            {
                return entity;
            }
            entity = _count;
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
            map[id] = entity;
            return entity;
        }
    }

    /// <summary>Makes room for <paramref name="additional"/> more entities (bulk loads).</summary>
    public void EnsureCapacity(int additional)
    {
        lock (_gate)
        {
            var needed = _count + additional;
            if (needed <= _types.Length)
            {
                return;
            }
            var types = _types;
            var ids = _ids;
            Array.Resize(ref types, needed);
            Array.Resize(ref ids, needed);
            Volatile.Write(ref _types, types);
            Volatile.Write(ref _ids, ids);
        }
    }

    private static int[] CreateWildcards(int length)
    {
        var result = new int[length];
        Array.Fill(result, -1);
        return result;
    }
}
