using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Arbiter.Engine;

/// <summary>
/// Interns names (types, relations) as dense ints. Append-only and safe for concurrent readers;
/// additions are serialized by a lock. Ids never change, so every model version and index revision of one engine shares them.
/// </summary>
internal sealed class SymbolTable
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private string[] _names = new string[16];
    private int _count;

    /// <summary>The number of interned names.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The id of <paramref name="name"/>, adding it when new.</summary>
    public int GetOrAdd(string name)
    {
        if (_ids.TryGetValue(name, out var id))
        {
            return id;
        }
        lock (_gate)
        {
            if (_ids.TryGetValue(name, out id))
            {
                return id;
            }
            id = _count;
            var names = _names;
            if (id == names.Length)
            {
                Array.Resize(ref names, names.Length * 2);
            }
            names[id] = name;
            Volatile.Write(ref _names, names);
            Volatile.Write(ref _count, id + 1);
            _ids[name] = id;
            return id;
        }
    }

    /// <summary>The id of <paramref name="name"/>, when interned.</summary>
    public bool TryGetId(string name, out int id) => _ids.TryGetValue(name, out id);

    /// <summary>The name of an id returned by this table.</summary>
    public string NameOf(int id) => Volatile.Read(ref _names)[id];

    /// <summary>Looks up a name, returning <see langword="null"/> when the id is unknown.</summary>
    public bool TryGetName(int id, [NotNullWhen(true)] out string? name)
    {
        var names = Volatile.Read(ref _names);
        name = id >= 0 && id < Count ? names[id] : null;
        return name is not null;
    }
}
