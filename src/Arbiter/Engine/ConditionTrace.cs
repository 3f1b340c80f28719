namespace Arbiter.Engine;

/// <summary>The inputs one condition evaluation used, collected only when a check is explained.</summary>
internal sealed class ConditionTrace
{
    public List<(string Name, string Source, string Value)> Inputs { get; } = [];

    public void Add(string name, string source, string value) => Inputs.Add((name, source, value));
}
