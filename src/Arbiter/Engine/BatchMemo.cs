namespace Arbiter.Engine;

/// <summary>
/// Sub-results shared across the checks of a batch that see the same contextual tuples and context.
/// An entry is reused only where it is certain to equal a fresh evaluation: it did not depend on its path
/// (no cycle, no error), it is not deeper than where it was computed, and none of the nodes it visited
/// is on the current path (tested with 64-bit Bloom filters: a false positive only means recomputing).
/// </summary>
internal sealed class BatchMemo
{
    private readonly Dictionary<(long Node, int User), Entry> _entries = [];
    private readonly Dictionary<(int Type, int Entity, int Relation, string Id), int> _users = [];
    private int _user;

    /// <summary>
    /// When set, results at depth 0 are neither looked up nor kept: a listing asks each top-level node once, so only the
    /// shared sub-results (a folder's viewers, a group's members) are worth remembering.
    /// </summary>
    public bool SkipTopLevel { get; init; }

    /// <summary>Selects the user the following lookups are for.</summary>
    public void SetUser(int type, int entity, int relation, string id)
    {
        var key = (type, entity, relation, entity == -1 ? id : string.Empty);
        if (!_users.TryGetValue(key, out _user))
        {
            _user = _users.Count;
            _users[key] = _user;
        }
    }

    public bool TryGet(long node, int depth, ulong pathBloom, out Outcome outcome)
    {
        if (_entries.TryGetValue((node, _user), out var entry) && depth <= entry.Depth && (entry.Outcome.Visited & pathBloom) == 0)
        {
            outcome = entry.Outcome;
            return true;
        }
        outcome = default;
        return false;
    }

    public void Set(long node, int depth, in Outcome outcome)
    {
        if (!_entries.TryGetValue((node, _user), out var existing) || existing.Depth < depth)
        {
            _entries[(node, _user)] = new Entry(outcome, depth);
        }
    }

    private readonly record struct Entry(Outcome Outcome, int Depth);
}
