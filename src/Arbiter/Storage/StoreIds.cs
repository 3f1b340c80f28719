using Arbiter.Engine;

namespace Arbiter.Storage;

/// <summary>Ids for stores and model versions: ULIDs (26 Crockford base-32 characters, later ids sort after earlier ones).</summary>
public sealed class StoreIds
{
    private readonly ModelIdGenerator _generator;

    /// <summary>Creates a generator reading the time from <paramref name="time"/>.</summary>
    public StoreIds(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _generator = new ModelIdGenerator(time);
    }

    /// <summary>A new id, sorting after every id this generator made before.</summary>
    public string Next() => _generator.Next();

    /// <summary>Whether <paramref name="id"/> may name a store: 1–64 of <c>A-Z a-z 0-9 _ -</c>.</summary>
    public static bool IsValidStoreId(string? id, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            error = $"a store id has 1 to 64 characters but '{id}' has {id?.Length ?? 0}";
            return false;
        }
        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                error = $"a store id may contain only A-Z, a-z, 0-9, '_' and '-' but '{id}' contains '{c}'";
                return false;
            }
        }
        return true;
    }
}
