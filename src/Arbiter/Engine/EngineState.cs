namespace Arbiter.Engine;

/// <summary>
/// What one request sees: one model version and one revision of relationships, swapped atomically as a whole.
/// Holds the cached decisions for the common outcomes so a check allocates nothing.
/// </summary>
internal sealed class EngineState
{
    public EngineState(CompiledModel model, RelationshipIndex index, AttributeStore? attributes = null)
    {
        Model = model;
        Index = index;
        Attributes = attributes ?? AttributeStore.Empty;
        Allowed = new Decision { Allowed = true, ModelId = model.Id, Revision = index.Revision };
        Denied = new Decision { Allowed = false, ModelId = model.Id, Revision = index.Revision };
    }

    public CompiledModel Model { get; }

    public RelationshipIndex Index { get; }

    /// <summary>The entities' stored attribute values at this revision.</summary>
    public AttributeStore Attributes { get; }

    /// <summary>The shared decision for "allowed" without explanation.</summary>
    public Decision Allowed { get; }

    /// <summary>The shared decision for "denied" without explanation or error.</summary>
    public Decision Denied { get; }

    public Decision For(bool allowed) => allowed ? Allowed : Denied;
}
