namespace Arbiter.Engine;

/// <summary>
/// What one request sees: one model version and one revision of relationships, swapped atomically as a whole.
/// Holds the cached decisions for the common outcomes so a check allocates nothing.
/// </summary>
internal sealed class EngineState
{
    private RelationshipIndex? _reverse;

    public EngineState(CompiledModel model, RelationshipIndex index, AttributeStore? attributes = null, RelationshipIndex? reverse = null)
    {
        _reverse = reverse;
        Model = model;
        Index = index;
        Attributes = attributes ?? AttributeStore.Empty;
        Allowed = new Decision { Allowed = true, ModelId = model.Id, Revision = index.Revision };
        Denied = new Decision { Allowed = false, ModelId = model.Id, Revision = index.Revision };
    }

    public CompiledModel Model { get; }

    public RelationshipIndex Index { get; }

    /// <summary>
    /// The reverse index of this revision (key: subject entity and relation; entries: the objects), or <see langword="null"/>
    /// until a listing needs it. Built once from <see cref="Index"/>; after that every write keeps it up to date.
    /// </summary>
    public RelationshipIndex? ReverseIfBuilt => Volatile.Read(ref _reverse);

    /// <summary>The reverse index, built now if needed.</summary>
    public RelationshipIndex Reverse
    {
        get
        {
            var reverse = Volatile.Read(ref _reverse);
            if (reverse is not null)
            {
                return reverse;
            }
            var mirrored = new List<KeyedEntry>(Index.Count);
            Index.ForEach(mirrored, static (list, key, subjects) =>
            {
                foreach (var entry in subjects.All)
                {
                    list.Add(RelationshipIndex.Mirror(key, entry));
                }
            });
            if (!RelationshipIndex.Empty.TryApply(Index.Revision, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(mirrored), [], out reverse, out _))
            {
                throw new InvalidOperationException("the relationship index has a duplicate tuple");
            }
            return Interlocked.CompareExchange(ref _reverse, reverse, null) ?? reverse;
        }
    }

    /// <summary>The entities' stored attribute values at this revision.</summary>
    public AttributeStore Attributes { get; }

    /// <summary>The shared decision for "allowed" without explanation.</summary>
    public Decision Allowed { get; }

    /// <summary>The shared decision for "denied" without explanation or error.</summary>
    public Decision Denied { get; }

    public Decision For(bool allowed) => allowed ? Allowed : Denied;
}
