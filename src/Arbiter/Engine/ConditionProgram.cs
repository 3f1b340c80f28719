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
    private readonly SlotKind[] _kinds;
    private readonly int[] _attributeIndex;
    private readonly int _parameterCount;
    private readonly CelOptions _options;

    /// <summary>Creates the program of a condition compiled for any site, or for one <paramref name="site"/> (it then reads attributes).</summary>
    public ConditionProgram(ConditionDefinition definition, CompiledCelExpression expression, CelOptions options, ConditionSite? site = null)
    {
        Definition = definition;
        Expression = expression;
        _options = options;
        var parameters = new HashSet<string>(((IReadOnlyList<ConditionParameter>?)definition.Parameters ?? []).Select(p => p.Name), StringComparer.Ordinal);
        var read = site is null ? [] : ConditionCompiler.ReadAttributes(definition, options);
        var variables = expression.Declarations.Variables;
        _names = new string[variables.Count];
        _types = new CelType[variables.Count];
        _kinds = new SlotKind[variables.Count];
        _attributeIndex = new int[variables.Count];
        for (var i = 0; i < variables.Count; i++)
        {
            var name = variables[i].Key;
            _names[i] = name;
            _types[i] = variables[i].Value;
            _attributeIndex[i] = -1;
            if (parameters.Contains(name))
            {
                _kinds[i] = SlotKind.Parameter;
                _parameterCount++;
            }
            else if (name == ConditionCompiler.Context)
            {
                _kinds[i] = SlotKind.Context;
                ReadsContext = ConditionCompiler.ReadsContext(definition, options);
            }
            else if (site is not null && read.Contains(name))
            {
                var dot = name.IndexOf('.', StringComparison.Ordinal);
                var space = name[..dot];
                var type = space == ConditionCompiler.Subject ? site.Subject : site.Object;
                _kinds[i] = space == ConditionCompiler.Subject ? SlotKind.SubjectAttribute : SlotKind.ObjectAttribute;
                _attributeIndex[i] = IndexOf(type, name[(dot + 1)..]);
                if (_kinds[i] == SlotKind.SubjectAttribute)
                {
                    ReadsSubject = true;
                }
                else
                {
                    ReadsObject = true;
                }
            }
            else
            {
                _kinds[i] = SlotKind.Unused;
            }
        }
    }

    public ConditionDefinition Definition { get; }

    public CompiledCelExpression Expression { get; }

    public string Name => Definition.Name;

    /// <summary>Whether the condition reads attributes of the check's subject.</summary>
    public bool ReadsSubject { get; }

    /// <summary>Whether the condition reads attributes of the object.</summary>
    public bool ReadsObject { get; }

    /// <summary>Whether the condition reads the request context as <c>context</c>.</summary>
    public bool ReadsContext { get; }

    /// <summary>Evaluates the condition of a tuple, or of a rule (<paramref name="tupleContext"/> <see langword="null"/>).</summary>
    /// <param name="tupleContext">The tuple's own context (it wins over the request's).</param>
    /// <param name="inputs">The request's context and the subject's attributes.</param>
    /// <param name="objectAttributes">The object's attribute values, or <see langword="null"/> when it has none.</param>
    /// <param name="trace">When explaining, collects the inputs used.</param>
    public ConditionOutcome Evaluate(IReadOnlyDictionary<string, object?>? tupleContext, ConditionInputs? inputs, CelValue[]? objectAttributes, ConditionTrace? trace) =>
        Evaluate(tupleContext, inputs?.Context, inputs, objectAttributes, trace);

    /// <summary>
    /// Evaluates a condition that reads only its parameters (no attributes, no <c>context</c>) with the request context
    /// as given: the fast path's form, with no inputs object.
    /// </summary>
    public ConditionOutcome Evaluate(IReadOnlyDictionary<string, object?>? tupleContext, IReadOnlyDictionary<string, object?>? requestContext) =>
        Evaluate(tupleContext, requestContext, null, null, null);

    private ConditionOutcome Evaluate(IReadOnlyDictionary<string, object?>? tupleContext, IReadOnlyDictionary<string, object?>? requestContext,
        ConditionInputs? inputs, CelValue[]? objectAttributes, ConditionTrace? trace)
    {
        if (_parameterCount == 0 && tupleContext is { Count: > 0 })
        {
            // As OpenFGA: a context given to a condition without parameters is an error. (OpenFGA also refuses a request
            // context there; Arbiter's parameterless conditions read attributes and context.x, so it ignores that one.)
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
                switch (_kinds[i])
                {
                    case SlotKind.Parameter:
                        break;
                    case SlotKind.SubjectAttribute:
                        slots[i] = Attribute(inputs?.Subject, _attributeIndex[i]);
                        trace?.Add(_names[i], ConditionCompiler.Subject, Display(slots[i]));
                        continue;
                    case SlotKind.ObjectAttribute:
                        slots[i] = Attribute(objectAttributes, _attributeIndex[i]);
                        trace?.Add(_names[i], ConditionCompiler.Object, Display(slots[i]));
                        continue;
                    case SlotKind.Context when ReadsContext:
                        slots[i] = inputs is null ? CelValue.Error("no request context") : inputs.ContextValue(_options);
                        trace?.Add(_names[i], Request, Display(slots[i]));
                        continue;
                    default:
                        continue;
                }
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

    /// <summary>The number of activation slots.</summary>
    public int SlotCount => _names.Length;

    /// <summary>
    /// For partial evaluation (filter plans): fills the slots of everything known before the object: parameters (from the
    /// request context), the subject's attributes and <c>context</c>. Returns the failure (a missing parameter, a value
    /// that does not convert) or <see langword="null"/>.
    /// </summary>
    public ConditionOutcome? FillKnown(CelValue[] slots, ConditionInputs inputs)
    {
        List<string>? missing = null;
        for (var i = 0; i < _names.Length; i++)
        {
            switch (_kinds[i])
            {
                case SlotKind.SubjectAttribute:
                    slots[i] = Attribute(inputs.Subject, _attributeIndex[i]);
                    break;
                case SlotKind.Context when ReadsContext:
                    slots[i] = inputs.ContextValue(_options);
                    break;
                case SlotKind.Parameter:
                    if (inputs.Context is null || !inputs.Context.TryGetValue(_names[i], out var raw))
                    {
                        (missing ??= []).Add(_names[i]);
                    }
                    else if (TryConvert(raw, _types[i], out var value, out var error))
                    {
                        slots[i] = value;
                    }
                    else
                    {
                        return ConditionOutcome.Failed($"failed to convert context parameter '{_names[i]}': {error}");
                    }
                    break;
            }
        }
        return missing is null ? null : ConditionOutcome.Missing(missing);
    }

    /// <summary>Fills the slots of the object's attributes (partial evaluation of a residual on one resource).</summary>
    public void FillObject(CelValue[] slots, CelValue[]? objectValues)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (_kinds[i] == SlotKind.ObjectAttribute)
            {
                slots[i] = Attribute(objectValues, _attributeIndex[i]);
            }
        }
    }

    /// <summary>The object attribute an <c>object.name</c> slot reads, or <see langword="null"/>.</summary>
    public string? ObjectAttributeOf(string variable)
    {
        var slot = Array.IndexOf(_names, variable);
        return slot >= 0 && _kinds[slot] == SlotKind.ObjectAttribute ? variable[(variable.IndexOf('.', StringComparison.Ordinal) + 1)..] : null;
    }

    private static CelValue Attribute(CelValue[]? values, int index) =>
        values is not null && (uint)index < (uint)values.Length ? values[index] : default;

    private static string Display(in CelValue value) => value.Kind == CelValueKind.None ? "(no value)" : value.ToString();

    private static int IndexOf(Arbiter.Model.TypeDefinition? type, string attribute)
    {
        var index = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in (IReadOnlyList<AttributeDefinition>?)type?.Attributes ?? [])
        {
            if (!seen.Add(a.Name))
            {
                continue;
            }
            if (string.Equals(a.Name, attribute, StringComparison.Ordinal))
            {
                return index;
            }
            index++;
        }
        return -1;
    }

    private enum SlotKind : byte
    {
        Parameter,
        Context,
        SubjectAttribute,
        ObjectAttribute,
        Unused,
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
            if (slot < 0 || _kinds[slot] != SlotKind.Parameter)
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
