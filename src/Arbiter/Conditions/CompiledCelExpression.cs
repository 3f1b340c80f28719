namespace Arbiter.Conditions;

/// <summary>
/// A compiled CEL expression: immutable and thread-safe. <see cref="Evaluate"/> never throws for anything the expression
/// or the variable values do; failures are error results, never <c>true</c>.
/// </summary>
public sealed class CompiledCelExpression
{
    private readonly Func<CelValue[], CelOptions, CelValue> _evaluate;
    private readonly CelOptions _options;

    internal CompiledCelExpression(string source, CelDeclarations declarations, CelOptions options, CelType resultType, Func<CelValue[], CelOptions, CelValue> evaluate)
    {
        Source = source;
        Declarations = declarations;
        ResultType = resultType;
        _options = options;
        _evaluate = evaluate;
    }

    /// <summary>The expression text.</summary>
    public string Source { get; }

    /// <summary>The declarations it was compiled with; activations must be made for them.</summary>
    public CelDeclarations Declarations { get; }

    /// <summary>The checked result type (<c>dyn</c> when not known statically).</summary>
    public CelType ResultType { get; }

    /// <summary>The checked syntax tree (for partial evaluation: filter plans).</summary>
    internal CelExpr? Root { get; init; }

    internal CelOptions Options => _options;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<CelExpr, Func<CelValue[], CelOptions, CelValue>> _parts = new(ReferenceEqualityComparer.Instance);

    /// <summary>Evaluates one checked subtree of <see cref="Root"/> with the given slots (compiled once, then cached). Never throws.</summary>
    internal CelValue EvaluatePart(CelExpr part, CelValue[] slots)
    {
        try
        {
            var evaluate = _parts.GetOrAdd(part, p => CelCompiler.Compile(p, Declarations, _options));
            return evaluate(slots, _options);
        }
#pragma warning disable CA1031 // evaluation must never throw: any failure is an error result (fail closed)
        catch (Exception e)
#pragma warning restore CA1031
        {
            return CelRuntime.FromException(e);
        }
    }

    /// <summary>
    /// Evaluates with variable values in slot order (at least one per declaration), without an activation: for callers
    /// that own a scratch buffer (the engine's condition evaluator). Never throws.
    /// </summary>
    internal CelValue EvaluateSlots(CelValue[] slots)
    {
        try
        {
            return _evaluate(slots, _options);
        }
#pragma warning disable CA1031 // evaluation must never throw: any failure is an error result (fail closed)
        catch (Exception e)
#pragma warning restore CA1031
        {
            return CelRuntime.FromException(e);
        }
    }

    /// <summary>A new, empty activation for this expression's declarations.</summary>
    public CelActivation CreateActivation() => new(Declarations);

    /// <summary>Evaluates with the variables of <paramref name="activation"/>.</summary>
    /// <exception cref="ArgumentException">The activation was made for other declarations.</exception>
    public CelResult Evaluate(CelActivation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (!ReferenceEquals(activation.Declarations, Declarations))
        {
            throw new ArgumentException("The activation was created for other declarations.", nameof(activation));
        }
        try
        {
            return new CelResult(_evaluate(activation.Slots, _options));
        }
#pragma warning disable CA1031 // evaluation must never throw: any failure is an error result (fail closed)
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new CelResult(CelRuntime.FromException(e));
        }
    }
}
