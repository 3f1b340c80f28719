namespace Arbiter.Engine;

/// <summary>
/// Holds the conditions (name + tuple context) of tuples; entries refer to them by index. Each remembers the compiled
/// condition it resolved to for the last model version that asked, so a check finds it without a name lookup.
/// Append-only: one writer at a time, any number of concurrent readers.
/// </summary>
internal sealed class ConditionTable
{
    private Entry[] _items = new Entry[16];
    private int _count;

    /// <summary>The condition at an index returned by <see cref="Add"/>.</summary>
    public TupleCondition this[int index] => Volatile.Read(ref _items)[index].Condition;

    /// <summary>Adds a condition; call only while holding the writer's lock (or for a request-local table).</summary>
    public int Add(TupleCondition condition)
    {
        var items = _items;
        if (_count == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }
        items[_count] = new Entry(condition);
        Volatile.Write(ref _items, items);
        return _count++;
    }

    /// <summary>
    /// The compiled condition of the entry at <paramref name="index"/> in <paramref name="model"/>, as used on
    /// <paramref name="objectType"/> with subjects of <paramref name="subjectType"/> (<see langword="null"/> for a userset),
    /// or <see langword="null"/> when that model does not define it. An entry is one tuple's, so its types never change.
    /// </summary>
    public ConditionProgram? Program(int index, CompiledModel model, string? subjectType, string objectType)
    {
        var entry = Volatile.Read(ref _items)[index];
        var resolved = Volatile.Read(ref entry.Resolved);
        if (resolved is not null && ReferenceEquals(resolved.Model, model))
        {
            return resolved.Program;
        }
        var program = model.Conditions.Find(entry.Condition.Name, subjectType, objectType);
        Volatile.Write(ref entry.Resolved, new Resolution(model, program));
        return program;
    }

    private sealed class Entry(TupleCondition condition)
    {
        public readonly TupleCondition Condition = condition;
        public Resolution? Resolved;
    }

    private sealed record Resolution(CompiledModel Model, ConditionProgram? Program);
}
