namespace Arbiter.Engine;

/// <summary>The append-only tables one engine shares across model versions and revisions: symbols, entities, conditions.</summary>
internal sealed class EngineTables
{
    public SymbolTable Types { get; } = new();

    public SymbolTable Relations { get; } = new();

    public EntityTable Entities { get; } = new();

    public ConditionTable Conditions { get; } = new();
}
