using Arbiter.Model;

namespace Arbiter.Conditions;

/// <summary>
/// The type checker: gives every node its type from the declarations and the standard library signatures, and reports
/// unknown names, calls with no matching overload and misused macros, each at its position with found and expected types.
/// </summary>
internal sealed partial class CelChecker
{
    private readonly CelSource _source;
    private readonly CelDeclarations _declarations;
    private readonly CelOptions _options;
    private readonly List<ModelDiagnostic> _diagnostics;
    private readonly List<(string Name, CelType Type)> _scopes = [];

    public CelChecker(CelSource source, CelDeclarations declarations, CelOptions options, List<ModelDiagnostic> diagnostics)
    {
        _source = source;
        _declarations = declarations;
        _options = options;
        _diagnostics = diagnostics;
    }

    public void Check(CelExpr root) => Visit(root);

    private void Report(CelExpr at, string message) =>
        _diagnostics.Add(new ModelDiagnostic(CelDiagnosticCodes.TypeError, message, _source.SpanOf(at.Start, at.End)));

    private CelType Visit(CelExpr expr)
    {
        var type = expr switch
        {
            CelConstantExpr constant => CelTypes.RuntimeType(constant.Value),
            CelIdentExpr ident => VisitIdent(ident),
            CelSelectExpr select => VisitSelect(select),
            CelCallExpr call => VisitCall(call),
            CelListExpr list => CelType.List(Join(list.Elements.Select(Visit).ToList())),
            CelMapExpr map => VisitMap(map),
            CelComprehensionExpr comprehension => VisitComprehension(comprehension),
            _ => CelType.Dyn,
        };
        expr.Type = type;
        return type;
    }

    private bool InScope(string name) => _scopes.Exists(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    private CelType VisitIdent(CelIdentExpr ident)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_scopes[i].Name, ident.Name, StringComparison.Ordinal))
            {
                return _scopes[i].Type;
            }
        }
        if (_declarations.TryGetType(ident.Name, out var declared))
        {
            return declared;
        }
        if (CelTypes.Denotations.TryGetValue(ident.Name, out var denoted))
        {
            return CelType.TypeOf(denoted);
        }
        if (_declarations.IsNamespace(ident.Name, out var owner))
        {
            var example = _declarations.AttributesOf(ident.Name).FirstOrDefault() ?? "name";
            Report(ident, $"'{ident.Name}' is not a value: read one of the attributes {owner} declares, such as '{ident.Name}.{example}'");
            return CelType.Dyn;
        }
        Report(ident, $"undeclared reference to '{ident.Name}'{Suggestion(ident.Name)}");
        return CelType.Dyn;
    }

    private string Suggestion(string name)
    {
        var names = _declarations.Variables.Select(v => v.Key).ToList();
        return names.Count == 0 ? string.Empty : $" (declared: {string.Join(", ", names)})";
    }

    private CelType VisitSelect(CelSelectExpr select)
    {
        if (!InScope(CelNames.RootName(select)) && CelNames.QualifiedName(select.Operand) is { } parent && _declarations.IsNamespace(parent, out var owner))
        {
            var attribute = parent + "." + select.Field;
            if (_declarations.TryGetType(attribute, out var attributeType))
            {
                return select.TestOnly ? CelType.Bool : attributeType;
            }
            var declared = _declarations.AttributesOf(parent).ToList();
            Report(select, _declarations.UnavailableReason(parent) is { } reason
                ? $"cannot read '{parent}.{select.Field}': {reason}"
                : $"{owner} declares no attribute '{select.Field}'"
                    + (declared.Count == 0 ? " (it declares no attributes)" : $" (declared: {string.Join(", ", declared)})"));
            return select.TestOnly ? CelType.Bool : CelType.Dyn;
        }
        if (!select.TestOnly && !InScope(CelNames.RootName(select)) && CelNames.QualifiedName(select) is { } qualified)
        {
            if (_declarations.TryGetType(qualified, out var declared))
            {
                return declared;
            }
            if (CelTypes.Denotations.TryGetValue(qualified, out var denoted))
            {
                return CelType.TypeOf(denoted);
            }
        }
        var operand = Visit(select.Operand);
        if (operand.Kind == CelTypeKind.Map && operand.First.Kind is CelTypeKind.String or CelTypeKind.Dyn)
        {
            return select.TestOnly ? CelType.Bool : operand.Second;
        }
        if (operand.Kind == CelTypeKind.Dyn)
        {
            return select.TestOnly ? CelType.Bool : CelType.Dyn;
        }
        Report(select, select.TestOnly
            ? $"has() needs a map with string keys, found '{operand}'"
            : $"type '{operand}' does not support field selection ('.{select.Field}'): only maps with string keys have fields");
        return CelType.Dyn;
    }

    private CelType VisitMap(CelMapExpr map)
    {
        var keys = map.Keys.Select(Visit).ToList();
        var values = map.Values.Select(Visit).ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i].Kind is not (CelTypeKind.Int or CelTypeKind.Uint or CelTypeKind.Bool or CelTypeKind.String or CelTypeKind.Dyn))
            {
                Report(map.Keys[i], $"unsupported map key type '{keys[i]}': keys are int, uint, bool or string");
            }
        }
        return CelType.Map(Join(keys), Join(values));
    }

    private static CelType Join(List<CelType> types)
    {
        if (types.Count == 0)
        {
            return CelType.Dyn;
        }
        return types.TrueForAll(t => t.Equals(types[0])) ? types[0] : CelType.Dyn;
    }

    private CelType VisitComprehension(CelComprehensionExpr comprehension)
    {
        var range = Visit(comprehension.Range);
        var macro = comprehension.Macro switch
        {
            CelMacro.All => "all",
            CelMacro.Exists => "exists",
            CelMacro.ExistsOne => "exists_one",
            CelMacro.Map => "map",
            _ => "filter",
        };
        CelType element;
        switch (range.Kind)
        {
            case CelTypeKind.List or CelTypeKind.Map:
                element = range.First;
                break;
            case CelTypeKind.Dyn:
                element = CelType.Dyn;
                break;
            default:
                Report(comprehension, $"{macro}() needs a list or a map, found '{range}'");
                element = CelType.Dyn;
                break;
        }
        _scopes.Add((comprehension.Variable, element));
        try
        {
            if (comprehension.Filter is { } filter)
            {
                ExpectBool(filter, Visit(filter), macro);
            }
            var body = Visit(comprehension.Body);
            if (comprehension.Macro == CelMacro.Map)
            {
                return CelType.List(body);
            }
            ExpectBool(comprehension.Body, body, macro);
            return comprehension.Macro == CelMacro.Filter ? CelType.List(element) : CelType.Bool;
        }
        finally
        {
            _scopes.RemoveAt(_scopes.Count - 1);
        }
    }

    private void ExpectBool(CelExpr at, CelType type, string what)
    {
        if (type.Kind is not (CelTypeKind.Bool or CelTypeKind.Dyn))
        {
            Report(at, $"the predicate of {what}() must be a bool, found '{type}'");
        }
    }
}
