namespace Arbiter.Conditions;

/// <summary>
/// The variable values for one evaluation, one slot per declared variable (an array, no dictionary lookups when
/// evaluating). A slot left unset makes the expressions that need it <see cref="CelValueKind.Unknown"/>. Reusable after
/// <see cref="Clear"/>; not thread-safe.
/// </summary>
public sealed class CelActivation
{
    /// <summary>Creates an empty activation for <paramref name="declarations"/>.</summary>
    public CelActivation(CelDeclarations declarations)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        Declarations = declarations;
        Slots = new CelValue[declarations.Variables.Count];
    }

    /// <summary>The declarations whose slots this activation holds.</summary>
    public CelDeclarations Declarations { get; }

    internal CelValue[] Slots { get; }

    /// <summary>Sets a variable by name; returns this, for chaining.</summary>
    /// <exception cref="ArgumentException">The variable is not declared.</exception>
    public CelActivation Set(string name, CelValue value)
    {
        var slot = Declarations.SlotOf(name);
        if (slot < 0)
        {
            throw new ArgumentException($"The variable '{name}' is not declared.", nameof(name));
        }
        Slots[slot] = value;
        return this;
    }

    /// <summary>Sets a variable by slot (see <see cref="CelDeclarations.SlotOf"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no such slot.</exception>
    public void Set(int slot, CelValue value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, Slots.Length);
        Slots[slot] = value;
    }

    /// <summary>The value of a slot (<see cref="CelValueKind.None"/> when unset).</summary>
    public CelValue this[int slot] => Slots[slot];

    /// <summary>Unsets every variable.</summary>
    public void Clear() => Array.Clear(Slots);
}
