using System.Linq.Expressions;
using System.Reflection;

namespace Arbiter.Conditions;

/// <summary>
/// Compiles a (checked) expression tree to a LINQ expression tree and then to a delegate, once. Values flow as
/// <see cref="CelValue"/> structs, so scalar expressions allocate nothing; the evaluation state (cost budget) is a local
/// struct passed by reference to the functions that spend it.
/// </summary>
internal sealed partial class CelCompiler
{
    private readonly CelDeclarations _declarations;
    private readonly CelOptions _options;
    private readonly ParameterExpression _slots = Expression.Parameter(typeof(CelValue[]), "slots");
    private readonly ParameterExpression _optionsParameter = Expression.Parameter(typeof(CelOptions), "options");
    private readonly ParameterExpression _state = Expression.Variable(typeof(CelEvalState), "state");
    private readonly List<(string Name, ParameterExpression Variable)> _scopes = [];

    private CelCompiler(CelDeclarations declarations, CelOptions options)
    {
        _declarations = declarations;
        _options = options;
    }

    public static Func<CelValue[], CelOptions, CelValue> Compile(CelExpr root, CelDeclarations declarations, CelOptions options)
    {
        var compiler = new CelCompiler(declarations, options);
        var body = compiler.Emit(root);
        var block = Expression.Block(
            typeof(CelValue),
            [compiler._state],
            Expression.Assign(compiler._state, Expression.New(typeof(CelEvalState).GetConstructor([typeof(CelOptions)])!, compiler._optionsParameter)),
            body);
        var lambda = Expression.Lambda<Func<CelValue[], CelOptions, CelValue>>(block, compiler._slots, compiler._optionsParameter);
        return lambda.Compile();
    }

    private static MethodInfo Runtime(string name) =>
        typeof(CelRuntime).GetMethod(name, BindingFlags.Public | BindingFlags.Static)
        ?? throw new InvalidOperationException($"CelRuntime.{name} is missing.");

    private static ConstantExpression Constant(CelValue value) => Expression.Constant(value, typeof(CelValue));

    private static Expression Call(string name, params Expression[] args) => Expression.Call(Runtime(name), args);

    /// <summary>A call of a runtime function whose last parameter is the evaluation state (by reference).</summary>
    private Expression CallWithState(string name, params Expression[] args) => Expression.Call(Runtime(name), [.. args, _state]);

    private Expression Emit(CelExpr expr) => expr switch
    {
        CelConstantExpr constant => Constant(constant.Value),
        CelIdentExpr ident => EmitIdent(ident),
        CelSelectExpr select => EmitSelect(select),
        CelCallExpr call => EmitCall(call),
        CelListExpr or CelMapExpr or CelCallExpr when TryFold(expr, out var folded) => Constant(folded),
        CelListExpr list => CallWithState(nameof(CelRuntime.MakeList), NewArray(list.Elements)),
        CelMapExpr map => CallWithState(nameof(CelRuntime.MakeMap), NewArray(map.Keys), NewArray(map.Values)),
        CelComprehensionExpr comprehension => EmitComprehension(comprehension),
        _ => Constant(CelValue.Error("unsupported expression")),
    };

    /// <summary>An array of the items' values (built element by element: <c>NewArrayInit</c> needs dynamic code under AOT).</summary>
    private Expression NewArray(CelExpr[] items)
    {
        var array = Expression.Variable(typeof(CelValue[]), "array");
        var body = new List<Expression> { Expression.Assign(array, Call(nameof(CelRuntime.NewArray), Expression.Constant(items.Length))) };
        for (var i = 0; i < items.Length; i++)
        {
            body.Add(Expression.Assign(Expression.ArrayAccess(array, Expression.Constant(i)), Emit(items[i])));
        }
        body.Add(array);
        return Expression.Block(typeof(CelValue[]), [array], body);
    }

    /// <summary>
    /// Builds list and map literals of constants, and <c>timestamp('...')</c>, <c>duration('...')</c> and
    /// <c>ipaddress('...')</c> of constants, once at compile time (values are immutable, so evaluations share them):
    /// <c>x in [1, 2, 3]</c> allocates nothing and <c>t &lt; timestamp('2030-01-01T00:00:00Z')</c> parses no text.
    /// </summary>
    private bool TryFold(CelExpr expr, out CelValue value)
    {
        value = default;
        switch (expr)
        {
            case CelConstantExpr constant:
                value = constant.Value;
                return true;
            case CelListExpr list:
                var items = new CelValue[list.Elements.Length];
                for (var i = 0; i < items.Length; i++)
                {
                    if (!TryFold(list.Elements[i], out items[i]))
                    {
                        return false;
                    }
                }
                var state = new CelEvalState(_options);
                value = CelRuntime.MakeList(items, ref state);
                return true;
            case CelCallExpr { Target: null, Args.Length: 1, Function: "timestamp" or "duration" or "ipaddress" } call
                when TryFold(call.Args[0], out var argument):
                value = call.Function switch
                {
                    "timestamp" => CelRuntime.ToTimestamp(argument),
                    "duration" => CelRuntime.ToDuration(argument),
                    _ => CelRuntime.ToIpAddress(argument),
                };
                return true;
            case CelMapExpr map:
                var keys = new CelValue[map.Keys.Length];
                var values = new CelValue[map.Values.Length];
                for (var i = 0; i < keys.Length; i++)
                {
                    if (!TryFold(map.Keys[i], out keys[i]) || !TryFold(map.Values[i], out values[i]))
                    {
                        return false;
                    }
                }
                var mapState = new CelEvalState(_options);
                value = CelRuntime.MakeMap(keys, values, ref mapState);
                return true;
            default:
                return false;
        }
    }

    private bool InScope(string name) => _scopes.Exists(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    private Expression EmitIdent(CelIdentExpr ident)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_scopes[i].Name, ident.Name, StringComparison.Ordinal))
            {
                return _scopes[i].Variable;
            }
        }
        return EmitName(ident.Name) ?? Constant(CelValue.Error($"undeclared reference to '{ident.Name}' (in container '')"));
    }

    /// <summary>A declared variable or a type denotation, or <see langword="null"/>.</summary>
    private Expression? EmitName(string name)
    {
        var slot = _declarations.SlotOf(name);
        if (slot >= 0 && _declarations.IsAttribute(name))
        {
            var absent = CelValue.Error($"'{name}' has no value");
            return Call(nameof(CelRuntime.ReadAttribute), Expression.ArrayIndex(_slots, Expression.Constant(slot)), Constant(absent));
        }
        if (slot >= 0)
        {
            var unknown = CelValue.Unknown(new CelUnknown([name]));
            return Call(nameof(CelRuntime.ReadVariable), Expression.ArrayIndex(_slots, Expression.Constant(slot)), Constant(unknown));
        }
        return CelTypes.Denotations.TryGetValue(name, out var denoted) ? Constant(CelValue.TypeValue(denoted)) : null;
    }

    private Expression EmitSelect(CelSelectExpr select)
    {
        if (select.TestOnly && !InScope(CelNames.RootName(select)) && CelNames.QualifiedName(select.Operand) is { } parent
            && _declarations.IsNamespace(parent, out _))
        {
            var slot = _declarations.SlotOf(parent + "." + select.Field);
            return slot < 0
                ? Constant(CelValue.FromBool(false))
                : Call(nameof(CelRuntime.IsSet), Expression.ArrayIndex(_slots, Expression.Constant(slot)));
        }
        if (!select.TestOnly && !InScope(CelNames.RootName(select)) && CelNames.QualifiedName(select) is { } qualified
            && EmitName(qualified) is { } named)
        {
            return named;
        }
        var field = Constant(CelValue.FromString(select.Field));
        return Call(select.TestOnly ? nameof(CelRuntime.Has) : nameof(CelRuntime.Select), Emit(select.Operand), field);
    }
}
