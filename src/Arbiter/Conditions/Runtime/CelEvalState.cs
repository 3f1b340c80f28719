namespace Arbiter.Conditions;

/// <summary>
/// The state of one evaluation: the limits and the remaining cost budget. A struct local to the compiled delegate,
/// passed by reference to the functions that spend budget, so evaluating allocates nothing for it.
/// </summary>
internal struct CelEvalState(CelOptions options)
{
    public readonly CelOptions Options = options;

    public long Remaining = options.MaxCost;

    /// <summary>Spends <paramref name="units"/> of the budget; false once it is exhausted.</summary>
    public bool TrySpend(long units)
    {
        Remaining -= units;
        return Remaining >= 0;
    }
}
