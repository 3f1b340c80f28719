using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Arbiter.Conditions;

/// <summary>
/// The functions compiled expressions call. Every function is total: it returns a value, an error or an unknown and
/// never throws. Strict functions pass an error or unknown argument on (unknowns first, as CEL merges them).
/// </summary>
internal static partial class CelRuntime
{
    /// <summary>An error or unknown among the arguments, unknowns merged and preferred; <see langword="false"/> when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryPropagate(in CelValue a, out CelValue result)
    {
        if (a.IsErrorOrUnknown)
        {
            result = a;
            return true;
        }
        result = default;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryPropagate(in CelValue a, in CelValue b, out CelValue result)
    {
        if (!a.IsErrorOrUnknown && !b.IsErrorOrUnknown)
        {
            result = default;
            return false;
        }
        result = Merge(a, b);
        return true;
    }

    public static bool TryPropagate(in CelValue a, in CelValue b, in CelValue c, out CelValue result)
    {
        if (!a.IsErrorOrUnknown && !b.IsErrorOrUnknown && !c.IsErrorOrUnknown)
        {
            result = default;
            return false;
        }
        result = Merge(Merge(a, b), c);
        return true;
    }

    /// <summary>Combines two outcomes where at least one is an error or unknown: unknowns win and merge; else the first error.</summary>
    public static CelValue Merge(in CelValue a, in CelValue b)
    {
        if (a.IsUnknown && b.IsUnknown)
        {
            return CelValue.Unknown(CelUnknown.Merge(a.UnknownRef, b.UnknownRef));
        }
        if (a.IsUnknown)
        {
            return a;
        }
        if (b.IsUnknown)
        {
            return b;
        }
        return a.IsError ? a : b;
    }

    public static CelValue NoSuchOverload(string function, in CelValue a) =>
        CelValue.Error($"found no matching overload for '{CelOperators.Display(function)}' applied to '({CelTypes.ShortName(a)})'");

    public static CelValue NoSuchOverload(string function, in CelValue a, in CelValue b) =>
        CelValue.Error($"found no matching overload for '{CelOperators.Display(function)}' applied to '({CelTypes.ShortName(a)}, {CelTypes.ShortName(b)})'");

    public static CelValue NoSuchOverload(string function, ReadOnlySpan<CelValue> args)
    {
        var names = new string[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            names[i] = CelTypes.ShortName(args[i]);
        }
        return CelValue.Error($"found no matching overload for '{CelOperators.Display(function)}' applied to '({string.Join(", ", names)})'");
    }

    /// <summary>Reads a variable slot: an unset slot is the variable's unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CelValue ReadVariable(CelValue slot, CelValue unknown) => slot.Kind == CelValueKind.None ? unknown : slot;

    /// <summary>An attribute: its value, or <paramref name="absent"/> (an error) when the entity has none.</summary>
    public static CelValue ReadAttribute(CelValue slot, CelValue absent) => slot.Kind == CelValueKind.None ? absent : slot;

    /// <summary><c>has(subject.name)</c>: whether the entity has a value for the attribute.</summary>
    public static CelValue IsSet(CelValue slot) => CelValue.FromBool(slot.Kind != CelValueKind.None);

    /// <summary>The last line of defence: an exception inside evaluation becomes an error value.</summary>
    public static CelValue FromException(Exception exception) => exception switch
    {
        InsufficientExecutionStackException => CelValue.Error("evaluation nested too deeply"),
        OutOfMemoryException => CelValue.Error("evaluation ran out of memory"),
        _ => CelValue.Error("internal evaluation error: " + exception.GetType().Name),
    };

    [DoesNotReturn]
    public static void ThrowUnreachable() => throw new InvalidOperationException("unreachable");
}
