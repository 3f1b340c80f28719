using Arbiter.Conditions;

namespace Arbiter.Engine;

/// <summary>
/// What one request gives every condition besides a tuple's own context: the request context (raw, and converted to a
/// CEL map the first time a condition reads <c>context</c>) and the check subject's attribute values.
/// </summary>
internal sealed class ConditionInputs
{
    private CelValue _context;
    private bool _contextConverted;

    /// <summary>The request context.</summary>
    public IReadOnlyDictionary<string, object?>? Context { get; private set; }

    /// <summary>The subject's attribute values, in its type's declaration order (absent ones are <see cref="CelValueKind.None"/>), or <see langword="null"/>.</summary>
    public CelValue[]? Subject { get; private set; }

    /// <summary>Sets the inputs of a new request.</summary>
    public void Reset(IReadOnlyDictionary<string, object?>? context, CelValue[]? subject)
    {
        Context = context;
        Subject = subject;
        _context = default;
        _contextConverted = false;
    }

    /// <summary>The request context as a CEL <c>map(string, dyn)</c> (an empty map when there is none; an error value when it does not convert).</summary>
    public CelValue ContextValue(CelOptions options)
    {
        if (!_contextConverted)
        {
            _context = CelValue.TryConvert(Context ?? EmptyContext, CelType.MapOfDyn, out var value, out var error, options)
                ? value
                : CelValue.Error("the request context does not convert: " + error);
            _contextConverted = true;
        }
        return _context;
    }

    private static readonly IReadOnlyDictionary<string, object?> EmptyContext = new Dictionary<string, object?>();
}
