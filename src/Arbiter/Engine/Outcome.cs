namespace Arbiter.Engine;

/// <summary>The three results of evaluating a branch.</summary>
internal enum Tri : byte
{
    /// <summary>The subject does not have the relation (as far as this branch knows).</summary>
    False,

    /// <summary>The subject has the relation.</summary>
    True,

    /// <summary>Evaluation failed; never an allow.</summary>
    Error,
}

/// <summary>
/// The result of evaluating a branch: the value, whether a cycle cut it (OpenFGA's <c>CycleDetected</c>),
/// and, for the batch memo, which nodes it visited (a 64-bit Bloom filter) and whether it depended on its path.
/// </summary>
internal readonly struct Outcome
{
    public Outcome(Tri value, bool cycle, ulong visited, bool tainted, DecisionError? error)
    {
        Value = value;
        Cycle = cycle;
        Visited = visited;
        Tainted = tainted;
        Error = error;
    }

    public Tri Value { get; }

    /// <summary>The branch was cut by a cycle (its value is then false).</summary>
    public bool Cycle { get; }

    /// <summary>A Bloom filter of the (object, relation) nodes evaluated.</summary>
    public ulong Visited { get; }

    /// <summary>Something in the branch depended on the evaluation path (a cycle) or failed: not reusable elsewhere.</summary>
    public bool Tainted { get; }

    /// <summary>The error when <see cref="Value"/> is <see cref="Tri.Error"/>.</summary>
    public DecisionError? Error { get; }

    public bool IsTrue => Value == Tri.True;

    public bool IsFalse => Value == Tri.False;

    public bool IsError => Value == Tri.Error;

    public static Outcome True(ulong visited, bool tainted) => new(Tri.True, false, visited, tainted, null);

    public static Outcome False(ulong visited, bool tainted, bool cycle = false) => new(Tri.False, cycle, visited, tainted || cycle, null);

    public static Outcome Failed(DecisionError error, ulong visited) => new(Tri.Error, false, visited, true, error);

    public Outcome WithVisited(ulong visited) => new(Value, Cycle, Visited | visited, Tainted, Error);
}
