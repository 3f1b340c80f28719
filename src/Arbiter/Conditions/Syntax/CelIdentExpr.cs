namespace Arbiter.Conditions;

/// <summary>A name: a variable, an iteration variable or a type denotation (<c>int</c>).</summary>
internal sealed class CelIdentExpr(int start, int end, string name) : CelExpr(start, end, 1)
{
    public string Name { get; } = name;
}
