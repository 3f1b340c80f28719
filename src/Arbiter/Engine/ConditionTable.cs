namespace Arbiter.Engine;

/// <summary>
/// Holds the conditions (name + tuple context) of tuples; entries refer to them by index.
/// Append-only: one writer at a time, any number of concurrent readers.
/// </summary>
internal sealed class ConditionTable
{
    private TupleCondition[] _items = new TupleCondition[16];
    private int _count;

    /// <summary>The condition at an index returned by <see cref="Add"/>.</summary>
    public TupleCondition this[int index] => Volatile.Read(ref _items)[index];

    /// <summary>Adds a condition; call only while holding the writer's lock (or for a request-local table).</summary>
    public int Add(TupleCondition condition)
    {
        var items = _items;
        if (_count == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }
        items[_count] = condition;
        Volatile.Write(ref _items, items);
        return _count++;
    }
}
