using System.Linq.Expressions;

namespace Arbiter.Conditions;

internal sealed partial class CelCompiler
{
    /// <summary>
    /// A macro as a loop over the range's elements (or a map's keys). Each iteration spends one unit of the cost budget.
    /// <c>all</c>/<c>exists</c> stop as soon as the result is decided (errors in other iterations are absorbed, as
    /// <c>&amp;&amp;</c>/<c>||</c> do); <c>exists_one</c>, <c>map</c> and <c>filter</c> fail on the first error.
    /// </summary>
    private Expression EmitComprehension(CelComprehensionExpr c)
    {
        var range = Expression.Variable(typeof(CelValue), "range");
        var items = Expression.Variable(typeof(CelValue[]), "items");
        var index = Expression.Variable(typeof(int), "i");
        var accu = Expression.Variable(typeof(CelValue), "accu");
        var test = Expression.Variable(typeof(CelValue), "test");
        var builder = Expression.Variable(typeof(List<CelValue>), "builder");
        var iter = Expression.Variable(typeof(CelValue), c.Variable);
        var end = Expression.Label("end");
        var macroName = c.Macro switch
        {
            CelMacro.All => "all",
            CelMacro.Exists => "exists",
            CelMacro.ExistsOne => "exists_one",
            CelMacro.Map => "map",
            _ => "filter",
        };

        var rangeValue = Emit(c.Range);
        _scopes.Add((c.Variable, iter));
        Expression body;
        Expression? filter;
        try
        {
            body = Emit(c.Body);
            filter = c.Filter is null ? null : Emit(c.Filter);
        }
        finally
        {
            _scopes.RemoveAt(_scopes.Count - 1);
        }

        Expression Fails(Expression value) => Call(nameof(CelRuntime.IsFailure), value);
        Expression BreakIf(Expression condition) => Expression.IfThen(condition, Expression.Break(end));
        Expression Append(Expression item) => Expression.Block(
            Expression.Assign(accu, CallWithState(nameof(CelRuntime.AppendResult), builder, item)),
            BreakIf(Fails(accu)));
        Expression FilterThen(Expression predicate, Expression then) => Expression.Block(
            Expression.Assign(test, Call(nameof(CelRuntime.FilterTest), predicate)),
            Expression.IfThen(Fails(test), Expression.Block(Expression.Assign(accu, test), Expression.Break(end))),
            Expression.IfThen(Call(nameof(CelRuntime.IsTrue), test), then));

        Expression initial;
        Expression stop;
        Expression step;
        Expression result;
        switch (c.Macro)
        {
            case CelMacro.All:
                initial = Constant(CelValue.True);
                stop = Call(nameof(CelRuntime.IsFalse), accu);
                step = Expression.Assign(accu, Call(nameof(CelRuntime.AllStep), accu, body));
                result = accu;
                break;
            case CelMacro.Exists:
                initial = Constant(CelValue.False);
                stop = Call(nameof(CelRuntime.IsTrue), accu);
                step = Expression.Assign(accu, Call(nameof(CelRuntime.ExistsStep), accu, body));
                result = accu;
                break;
            case CelMacro.ExistsOne:
                initial = Constant(CelValue.FromInt(0));
                stop = Fails(accu);
                step = Expression.Assign(accu, Call(nameof(CelRuntime.CountTrue), accu, body));
                result = Call(nameof(CelRuntime.ExactlyOne), accu);
                break;
            case CelMacro.Map:
                initial = Constant(CelValue.True);
                stop = Expression.Constant(false);
                step = filter is null ? Append(body) : FilterThen(filter, Append(body));
                result = Expression.Condition(Fails(accu), accu, Call(nameof(CelRuntime.BuildList), builder));
                break;
            default:
                initial = Constant(CelValue.True);
                stop = Expression.Constant(false);
                step = FilterThen(body, Append(iter));
                result = Expression.Condition(Fails(accu), accu, Call(nameof(CelRuntime.BuildList), builder));
                break;
        }

        var loop = Expression.Loop(
            Expression.Block(
                BreakIf(Expression.GreaterThanOrEqual(index, Expression.ArrayLength(items))),
                BreakIf(stop),
                Expression.IfThen(
                    Expression.Not(Expression.Call(Runtime(nameof(CelRuntime.Step)), _state)),
                    Expression.Block(Expression.Assign(accu, Call(nameof(CelRuntime.CostExceeded))), Expression.Break(end))),
                Expression.Assign(iter, Expression.ArrayIndex(items, index)),
                step,
                Expression.PostIncrementAssign(index)),
            end);

        return Expression.Block(
            typeof(CelValue),
            [range, items, index, accu, test, builder, iter],
            Expression.Assign(range, Call(nameof(CelRuntime.IterationRange), rangeValue, Expression.Constant(macroName))),
            Expression.Condition(
                Fails(range),
                range,
                Expression.Block(
                    typeof(CelValue),
                    Expression.Assign(items, Call(nameof(CelRuntime.IterationItems), range)),
                    Expression.Assign(index, Expression.Constant(0)),
                    Expression.Assign(accu, initial),
                    Expression.Assign(builder, c.Macro is CelMacro.Map or CelMacro.Filter
                        ? Call(nameof(CelRuntime.NewBuilder))
                        : Expression.Constant(null, typeof(List<CelValue>))),
                    loop,
                    Expression.Condition(Call(nameof(CelRuntime.IsCostError), accu), accu, result))));
    }
}
