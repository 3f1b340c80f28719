using System.Linq.Expressions;

namespace Arbiter.Conditions;

internal sealed partial class CelCompiler
{
    private Expression EmitCall(CelCallExpr call)
    {
        if (call.Target is null)
        {
            switch (call.Function)
            {
                case CelOperators.LogicalAnd:
                    return EmitLogical(call.Args[0], call.Args[1], nameof(CelRuntime.IsFalse), nameof(CelRuntime.AndRest));
                case CelOperators.LogicalOr:
                    return EmitLogical(call.Args[0], call.Args[1], nameof(CelRuntime.IsTrue), nameof(CelRuntime.OrRest));
                case CelOperators.Conditional:
                    return EmitConditional(call.Args[0], call.Args[1], call.Args[2]);
            }
        }
        var args = new List<CelExpr>();
        if (call.Target is not null)
        {
            args.Add(call.Target);
        }
        args.AddRange(call.Args);
        if (call.Function == "matches" && args.Count == 2 && args[1] is CelConstantExpr { Value.Kind: CelValueKind.String } pattern)
        {
            var regex = CelRegex.Compile(pattern.Value.StringValue, _options, out var error);
            return regex is null
                ? Constant(CelValue.Error(error!))
                : Call(nameof(CelRuntime.MatchesCompiled), Emit(args[0]), Expression.Constant(regex));
        }
        var emitted = args.Select(Emit).ToArray();
        var receiver = call.Target is not null;
        return Bind(call.Function, receiver, emitted)
            ?? Constant(CelValue.Error($"found no matching overload for '{CelOperators.Display(call.Function)}' with {emitted.Length} argument(s) (unbound function)"));
    }

    /// <summary>The runtime function for a call, or <see langword="null"/> when there is none of that name and shape.</summary>
    private Expression? Bind(string function, bool receiver, Expression[] a)
    {
        switch (function, receiver, a.Length)
        {
            case (CelOperators.LogicalNot, false, 1): return Call(nameof(CelRuntime.Not), a);
            case (CelOperators.Negate, false, 1): return Call(nameof(CelRuntime.Negate), a);
            case (CelOperators.Equal, false, 2): return CallWithState(nameof(CelRuntime.Equal), a);
            case (CelOperators.NotEqual, false, 2): return CallWithState(nameof(CelRuntime.NotEqual), a);
            case (CelOperators.Less, false, 2): return Call(nameof(CelRuntime.Less), a);
            case (CelOperators.LessEquals, false, 2): return Call(nameof(CelRuntime.LessEquals), a);
            case (CelOperators.Greater, false, 2): return Call(nameof(CelRuntime.Greater), a);
            case (CelOperators.GreaterEquals, false, 2): return Call(nameof(CelRuntime.GreaterEquals), a);
            case (CelOperators.In, false, 2): return CallWithState(nameof(CelRuntime.In), a);
            case (CelOperators.Add, false, 2): return CallWithState(nameof(CelRuntime.Add), a);
            case (CelOperators.Subtract, false, 2): return Call(nameof(CelRuntime.Subtract), a);
            case (CelOperators.Multiply, false, 2): return Call(nameof(CelRuntime.Multiply), a);
            case (CelOperators.Divide, false, 2): return Call(nameof(CelRuntime.Divide), a);
            case (CelOperators.Modulo, false, 2): return Call(nameof(CelRuntime.Modulo), a);
            case (CelOperators.Index, false, 2): return Call(nameof(CelRuntime.Index), a);
            case ("size", _, 1): return Call(nameof(CelRuntime.Size), a);
            case ("contains", true, 2): return Call(nameof(CelRuntime.Contains), a);
            case ("startsWith", true, 2): return Call(nameof(CelRuntime.StartsWith), a);
            case ("endsWith", true, 2): return Call(nameof(CelRuntime.EndsWith), a);
            case ("matches", _, 2): return CallWithState(nameof(CelRuntime.Matches), a);
            case ("lowerAscii", true, 1): return Call(nameof(CelRuntime.LowerAscii), a);
            case ("upperAscii", true, 1): return Call(nameof(CelRuntime.UpperAscii), a);
            case ("in_cidr", true, 2): return Call(nameof(CelRuntime.InCidr), a);
            case ("int", false, 1): return Call(nameof(CelRuntime.ToInt), a);
            case ("uint", false, 1): return Call(nameof(CelRuntime.ToUInt), a);
            case ("double", false, 1): return Call(nameof(CelRuntime.ToDouble), a);
            case ("string", false, 1): return Call(nameof(CelRuntime.ToStringValue), a);
            case ("bytes", false, 1): return Call(nameof(CelRuntime.ToBytes), a);
            case ("bool", false, 1): return Call(nameof(CelRuntime.ToBool), a);
            case ("timestamp", false, 1): return Call(nameof(CelRuntime.ToTimestamp), a);
            case ("duration", false, 1): return Call(nameof(CelRuntime.ToDuration), a);
            case ("ipaddress", false, 1): return Call(nameof(CelRuntime.ToIpAddress), a);
            case ("dyn", false, 1): return Call(nameof(CelRuntime.Dyn), a);
            case ("type", false, 1): return Call(nameof(CelRuntime.TypeOf), a);
        }
        if (receiver && CelStandardLibrary.TimestampAccessors.Contains(function))
        {
            var part = Expression.Constant(function);
            return a.Length switch
            {
                1 => Call(nameof(CelRuntime.TimestampPart), a[0], part),
                2 => Call(nameof(CelRuntime.TimestampPartInZone), a[0], a[1], part),
                _ => null,
            };
        }
        return null;
    }

    /// <summary><c>l || r</c> (or <c>&amp;&amp;</c>): r is evaluated only when l does not decide, and errors in either are
    /// absorbed when the other decides (CEL's commutative logic).</summary>
    private Expression EmitLogical(CelExpr left, CelExpr right, string decides, string rest)
    {
        var l = Expression.Variable(typeof(CelValue), "l");
        return Expression.Block(
            typeof(CelValue),
            [l],
            Expression.Assign(l, Emit(left)),
            Expression.Condition(Call(decides, l), l, Call(rest, l, Emit(right))));
    }

    private Expression EmitConditional(CelExpr condition, CelExpr whenTrue, CelExpr whenFalse)
    {
        var c = Expression.Variable(typeof(CelValue), "c");
        return Expression.Block(
            typeof(CelValue),
            [c],
            Expression.Assign(c, Emit(condition)),
            Expression.Condition(
                Call(nameof(CelRuntime.IsTrue), c),
                Emit(whenTrue),
                Expression.Condition(Call(nameof(CelRuntime.IsFalse), c), Emit(whenFalse), Call(nameof(CelRuntime.ConditionError), c))));
    }
}
