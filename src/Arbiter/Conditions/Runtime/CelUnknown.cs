namespace Arbiter.Conditions;

/// <summary>The variables an unknown result waits for.</summary>
internal sealed class CelUnknown(IReadOnlyList<string> variables)
{
    public IReadOnlyList<string> Variables { get; } = variables;

    public static CelUnknown Merge(CelUnknown left, CelUnknown right)
    {
        if (ReferenceEquals(left, right))
        {
            return left;
        }
        var names = new List<string>(left.Variables);
        foreach (var name in right.Variables)
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }
        return names.Count == left.Variables.Count ? left : new CelUnknown(names);
    }
}
