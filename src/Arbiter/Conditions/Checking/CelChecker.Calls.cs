namespace Arbiter.Conditions;

internal sealed partial class CelChecker
{
    private CelType VisitCall(CelCallExpr call)
    {
        var argTypes = new List<CelType>();
        if (call.Target is { } target)
        {
            argTypes.Add(Visit(target));
        }
        foreach (var arg in call.Args)
        {
            argTypes.Add(Visit(arg));
        }
        switch (call.Function)
        {
            case CelOperators.LogicalAnd or CelOperators.LogicalOr when call.Target is null:
                for (var i = 0; i < argTypes.Count; i++)
                {
                    if (argTypes[i].Kind is not (CelTypeKind.Bool or CelTypeKind.Dyn))
                    {
                        NoOverload(call, argTypes);
                        break;
                    }
                }
                return CelType.Bool;
            case CelOperators.Conditional when call.Target is null:
                if (argTypes[0].Kind is not (CelTypeKind.Bool or CelTypeKind.Dyn))
                {
                    Report(call.Args[0], $"the condition of '?:' must be a bool, found '{argTypes[0]}'");
                }
                return Unify(argTypes[1], argTypes[2]) ?? CelType.Dyn;
            case "dyn" when call.Target is null && call.Args.Length == 1:
                return CelType.Dyn;
            case "type" when call.Target is null && call.Args.Length == 1:
                return CelType.TypeOf(argTypes[0]);
            case "matches":
                CheckPattern(call);
                break;
        }
        if (!CelStandardLibrary.Functions.TryGetValue(call.Function, out var overloads))
        {
            Report(call, $"undeclared reference to '{call.Function}': no such function");
            return CelType.Dyn;
        }
        CelType? result = null;
        var matched = false;
        foreach (var overload in overloads)
        {
            if (overload.Receiver != (call.Target is not null) || overload.Parameters.Length != argTypes.Count)
            {
                continue;
            }
            var bindings = new Dictionary<string, CelType>(StringComparer.Ordinal);
            if (!Enumerable.Range(0, argTypes.Count).All(i => IsAssignable(overload.Parameters[i], argTypes[i], bindings)))
            {
                continue;
            }
            var type = Substitute(overload.Result, bindings);
            result = !matched ? type : result!.Equals(type) ? result : CelType.Dyn;
            matched = true;
        }
        if (!matched)
        {
            NoOverload(call, argTypes);
            return CelType.Dyn;
        }
        return result!;
    }

    private void NoOverload(CelCallExpr call, List<CelType> argTypes)
    {
        var name = CelOperators.Display(call.Function);
        var found = call.Target is null
            ? $"({string.Join(", ", argTypes)})"
            : $"{argTypes[0]}.({string.Join(", ", argTypes.Skip(1))})";
        var expected = CelStandardLibrary.Functions.TryGetValue(call.Function, out var overloads)
            ? string.Join("; ", overloads.Where(o => o.Receiver == (call.Target is not null)).Select(Signature).Distinct(StringComparer.Ordinal))
            : string.Empty;
        Report(call, $"found no matching overload for '{name}' applied to '{found}'" + (expected.Length > 0 ? $"; expected {expected}" : string.Empty));
    }

    private static string Signature(CelOverload overload) => overload.Receiver
        ? $"{overload.Parameters[0]}.({string.Join(", ", overload.Parameters.Skip(1))})"
        : $"({string.Join(", ", overload.Parameters.Select(p => p.ToString()))})";

    /// <summary>Reports a constant pattern that is not a valid RE2 expression (or is too long) at compile time.</summary>
    private void CheckPattern(CelCallExpr call)
    {
        var pattern = call.Args.Length == 1 && call.Target is not null ? call.Args[0] : call.Args.Length == 2 ? call.Args[1] : null;
        if (pattern is CelConstantExpr { Value.Kind: CelValueKind.String } constant
            && CelRegex.Compile(constant.Value.StringValue, _options, out var error) is null)
        {
            Report(pattern, error!);
        }
    }

    private static bool IsAssignable(CelType parameter, CelType argument, Dictionary<string, CelType> bindings)
    {
        if (parameter.Kind == CelTypeKind.TypeParameter)
        {
            if (bindings.TryGetValue(parameter.Name, out var bound))
            {
                if (Unify(bound, argument) is not { } unified)
                {
                    return false;
                }
                bindings[parameter.Name] = unified;
                return true;
            }
            bindings[parameter.Name] = argument;
            return true;
        }
        if (parameter.Kind == CelTypeKind.Dyn || argument.Kind == CelTypeKind.Dyn)
        {
            return true;
        }
        if (IsLegacyNullPair(parameter, argument))
        {
            return true;
        }
        if (parameter.Kind != argument.Kind || parameter.Parameters.Count != argument.Parameters.Count)
        {
            return false;
        }
        for (var i = 0; i < parameter.Parameters.Count; i++)
        {
            if (!IsAssignable(parameter.Parameters[i], argument.Parameters[i], bindings))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The common type of two types where <c>dyn</c> matches anything; <see langword="null"/> when they conflict.</summary>
    private static CelType? Unify(CelType a, CelType b)
    {
        if (a.Kind == CelTypeKind.Dyn)
        {
            return b.Kind == CelTypeKind.Dyn ? a : CelType.Dyn;
        }
        if (b.Kind == CelTypeKind.Dyn)
        {
            return CelType.Dyn;
        }
        if (IsLegacyNullPair(a, b))
        {
            return a.Kind == CelTypeKind.Null ? b : a;
        }
        if (a.Kind != b.Kind || a.Parameters.Count != b.Parameters.Count)
        {
            return null;
        }
        if (a.Kind is CelTypeKind.List)
        {
            return Unify(a.First, b.First) is { } element ? CelType.List(element) : null;
        }
        if (a.Kind is CelTypeKind.Map)
        {
            return Unify(a.First, b.First) is { } key && Unify(a.Second, b.Second) is { } value ? CelType.Map(key, value) : null;
        }
        if (a.Kind is CelTypeKind.Type)
        {
            return CelType.TypeType;
        }
        return a;
    }

    /// <summary>
    /// cel-go's legacy nullability, which OpenFGA models rely on (<c>ts != null</c>): <c>null</c> is assignable to and from
    /// timestamps, durations and opaque types (<c>ipaddress</c>).
    /// </summary>
    private static bool IsLegacyNullPair(CelType a, CelType b) =>
        (a.Kind == CelTypeKind.Null && IsLegacyNullable(b)) || (b.Kind == CelTypeKind.Null && IsLegacyNullable(a));

    private static bool IsLegacyNullable(CelType type) => type.Kind is CelTypeKind.Timestamp or CelTypeKind.Duration or CelTypeKind.IpAddress;

    private static CelType Substitute(CelType type, Dictionary<string, CelType> bindings) => type.Kind switch
    {
        CelTypeKind.TypeParameter => bindings.TryGetValue(type.Name, out var bound) ? bound : CelType.Dyn,
        CelTypeKind.List => CelType.List(Substitute(type.First, bindings)),
        CelTypeKind.Map => CelType.Map(Substitute(type.First, bindings), Substitute(type.Second, bindings)),
        _ => type,
    };
}
