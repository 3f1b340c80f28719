using Arbiter.Conditions;
using Arbiter.Model;

namespace Arbiter.Engine;

/// <summary>
/// One condition of a model version, compiled once: its CEL delegate and its parameters (names and declared types, in
/// activation slot order). Evaluates with OpenFGA's semantics: the request context merged with the tuple's (the tuple's
/// values win), every value converted to its parameter's declared type, every parameter required.
/// Thread-safe; evaluates in a per-thread scratch buffer, so evaluation allocates nothing.
/// </summary>
internal sealed class ConditionProgram
{
    private const string Tuple = "tuple";
    private const string Request = "request";

    [ThreadStatic]
    private static CelValue[]? t_slots;

    private readonly string[] _names;
    private readonly CelType[] _types;
    private readonly CelOptions _options;

    public ConditionProgram(ConditionDefinition definition, CompiledCelExpression expression, CelOptions options)
    {
        Definition = definition;
        Expression = expression;
        _options = options;
        var variables = expression.Declarations.Variables;
        _names = new string[variables.Count];
        _types = new CelType[variables.Count];
        for (var i = 0; i < variables.Count; i++)
        {
            _names[i] = variables[i].Key;
            _types[i] = variables[i].Value;
        }
    }

    public ConditionDefinition Definition { get; }

    public CompiledCelExpression Expression { get; }

    public string Name => Definition.Name;

    /// <summary>Evaluates the condition for one tuple.</summary>
    public ConditionOutcome Evaluate(IReadOnlyDictionary<string, object?>? tupleContext, IReadOnlyDictionary<string, object?>? requestContext, ConditionTrace? trace)
    {
        if (_names.Length == 0 && (tupleContext is { Count: > 0 } || requestContext is { Count: > 0 }))
        {
            // As OpenFGA: a context given to a condition without parameters is an error.
            return ConditionOutcome.Failed("no parameters are defined for the condition");
        }
        var slots = t_slots;
        if (slots is null || slots.Length < _names.Length)
        {
            t_slots = slots = new CelValue[Math.Max(_names.Length, 8)];
        }
        try
        {
            List<string>? missing = null;
            for (var i = 0; i < _names.Length; i++)
            {
                var name = _names[i];
                object? raw;
                string source;
                if (tupleContext is not null && tupleContext.TryGetValue(name, out raw))
                {
                    source = Tuple;
                }
                else if (requestContext is not null && requestContext.TryGetValue(name, out raw))
                {
                    source = Request;
                }
                else
                {
                    (missing ??= []).Add(name);
                    continue;
                }
                if (!TryConvert(raw, _types[i], out var value, out var error))
                {
                    trace?.Add(name, source, Display(raw));
                    return ConditionOutcome.Failed($"failed to convert context parameter '{name}': {error}");
                }
                trace?.Add(name, source, value.ToString());
                slots[i] = value;
            }
            if (missing is not null)
            {
                return ConditionOutcome.Missing(missing);
            }
            var result = Expression.EvaluateSlots(slots);
            if (result.Kind == CelValueKind.Bool)
            {
                return result.IsTrue ? ConditionOutcome.Met : ConditionOutcome.NotMet;
            }
            return ConditionOutcome.Failed(result.IsError
                ? "failed to evaluate condition expression: " + result.ErrorMessage
                : "the condition expression did not evaluate to a bool: " + result.Kind.ToString().ToLowerInvariant());
        }
        finally
        {
            Array.Clear(slots, 0, _names.Length);
        }
    }

    /// <summary>
    /// Checks a tuple's own context as OpenFGA does on write: every key is a parameter of the condition and every value
    /// converts to the parameter's declared type.
    /// </summary>
    public bool TryValidateTupleContext(IReadOnlyDictionary<string, object?> context, out string? error)
    {
        foreach (var (key, raw) in context)
        {
            var slot = Array.IndexOf(_names, key);
            if (slot < 0)
            {
                error = $"found invalid context parameter '{key}': the condition '{Name}' has no such parameter";
                return false;
            }
            if (!TryConvert(raw, _types[slot], out _, out var problem))
            {
                error = $"failed to convert context parameter '{key}' of condition '{Name}': {problem}";
                return false;
            }
        }
        error = null;
        return true;
    }

    /// <summary>Converts a context value to a declared type; a double parameter also refuses infinities (JSON cannot carry them).</summary>
    private bool TryConvert(object? raw, CelType type, out CelValue value, out string? error)
    {
        // the common scalar cases first, without the general conversion's dispatch
        switch (raw)
        {
            case long l when type.Kind is CelTypeKind.Int or CelTypeKind.Dyn:
                value = CelValue.FromInt(l);
                error = null;
                return true;
            case bool b when type.Kind is CelTypeKind.Bool or CelTypeKind.Dyn:
                value = CelValue.FromBool(b);
                error = null;
                return true;
            case string s when type.Kind is CelTypeKind.String or CelTypeKind.Dyn:
                value = CelValue.FromString(s);
                error = null;
                return true;
        }
        if (!CelValue.TryConvert(raw, type, out value, out error, _options))
        {
            return false;
        }
        if (type.Kind == CelTypeKind.Double && value.Kind == CelValueKind.Double && !double.IsFinite(value.DoubleValue))
        {
            error = "expected a finite double, found an infinity";
            return false;
        }
        return true;
    }

    private static string Display(object? raw) => raw switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => raw.ToString() ?? string.Empty,
    };
}
