using System.Text;

namespace Arbiter.Storage.Sqlite;

/// <summary>
/// Turns UTF-8 column values into strings, handing out the same string for bytes seen recently: a column of a few
/// distinct values (types, relations) or of runs of equal values (object ids in key order) is decoded once per value.
/// Not thread-safe; one per column of one result.
/// </summary>
internal sealed class Utf8StringCache
{
    private readonly byte[][] _keys;
    private readonly int[] _lengths;
    private readonly string[] _values;
    private int _count;
    private int _next;

    /// <summary>Creates a cache remembering the last <paramref name="size"/> distinct values.</summary>
    internal Utf8StringCache(int size)
    {
        _keys = new byte[size][];
        _lengths = new int[size];
        _values = new string[size];
    }

    /// <summary>The string of <paramref name="utf8"/>.</summary>
    internal string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }
        for (var i = 0; i < _count; i++)
        {
            if (_lengths[i] == utf8.Length && utf8.SequenceEqual(_keys[i].AsSpan(0, utf8.Length)))
            {
                return _values[i];
            }
        }
        var value = Encoding.UTF8.GetString(utf8);
        var slot = _count < _keys.Length ? _count++ : _next++ % _keys.Length;
        if (_keys[slot] is not { } buffer || buffer.Length < utf8.Length)
        {
            _keys[slot] = buffer = new byte[Math.Max(utf8.Length, 32)];
        }
        utf8.CopyTo(buffer);
        _lengths[slot] = utf8.Length;
        _values[slot] = value;
        return value;
    }
}
