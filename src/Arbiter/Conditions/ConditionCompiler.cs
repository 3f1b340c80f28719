using Arbiter.Model;

namespace Arbiter.Conditions;

/// <summary>
/// Compiles the expression of a condition against its parameters, as OpenFGA requires: it must type-check and return a
/// bool. Besides its parameters a condition may read <c>context</c> (the request context, <c>map(string, dyn)</c>) and,
/// per use site (<see cref="ConditionSite"/>), the attributes of the check's subject (<c>subject.attr</c>) and of the
/// object (<c>object.attr</c>). A parameter of the same name hides these.
/// </summary>
internal static class ConditionCompiler
{
    /// <summary>The name of the subject's attributes.</summary>
    public const string Subject = "subject";

    /// <summary>The name of the object's attributes.</summary>
    public const string Object = "object";

    /// <summary>The name of the request context.</summary>
    public const string Context = "context";

    /// <summary>
    /// Compiles <paramref name="condition"/>; every problem goes to <paramref name="diagnostics"/> with its line:column in
    /// the model text (when the model was parsed from text). Returns <see langword="null"/> when there is a problem.
    /// </summary>
    /// <param name="condition">The condition.</param>
    /// <param name="options">Limits.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="site">
    /// The use site, which types <c>subject.attr</c> and <c>object.attr</c>; <see langword="null"/> compiles the condition
    /// for any site, with <c>subject</c> and <c>object</c> untyped maps (for syntax errors and site-free conditions).
    /// </param>
    public static CompiledCelExpression? Compile(ConditionDefinition condition, CelOptions options, List<ModelDiagnostic> diagnostics, ConditionSite? site = null)
    {
        CelDeclarations declarations;
        try
        {
            declarations = Declare(condition, site);
        }
        catch (ArgumentException e)
        {
            diagnostics.Add(new ModelDiagnostic(CelDiagnosticCodes.TypeError, $"condition '{condition.Name}': {e.Message}", condition.Span, condition.Name));
            return null;
        }
        var result = CelExpression.Compile(condition.Expression ?? string.Empty, declarations, options, condition.ExpressionSpan);
        var prefix = site is null ? $"condition '{condition.Name}'" : $"condition '{condition.Name}' (used on {site.Where})";
        if (!result.Succeeded)
        {
            foreach (var d in result.Diagnostics)
            {
                diagnostics.Add(d with { Message = $"{prefix}: {d.Message}", Symbol = d.Symbol ?? condition.Name });
            }
            return null;
        }
        var expression = result.Expression!;
        // A bool, as OpenFGA requires; a dyn result (from context.x or an attribute of type any) is checked when evaluated.
        if (expression.ResultType.Kind != CelTypeKind.Bool && !(expression.ResultType.Kind == CelTypeKind.Dyn && ReadsExtensions(condition, options)))
        {
            diagnostics.Add(new ModelDiagnostic(CelDiagnosticCodes.TypeError,
                $"{prefix} must return a bool: expected bool, found '{expression.ResultType}'",
                condition.ExpressionSpan ?? condition.Span, condition.Name));
            return null;
        }
        return expression;
    }

    /// <summary>Whether the condition reads <c>subject</c> or <c>object</c> (not hidden by parameters), so it is compiled per site.</summary>
    public static bool ReadsEntities(ConditionDefinition condition, CelOptions options)
    {
        var reads = Reads(condition, options);
        return reads.Contains(Subject) || reads.Contains(Object);
    }

    /// <summary>Whether the condition reads <c>context</c> (not hidden by a parameter).</summary>
    public static bool ReadsContext(ConditionDefinition condition, CelOptions options) => Reads(condition, options).Contains(Context);

    /// <summary>Whether the condition reads <c>subject</c>, <c>object</c> or <c>context</c> (not hidden by parameters).</summary>
    public static bool ReadsExtensions(ConditionDefinition condition, CelOptions options)
    {
        var reads = Reads(condition, options);
        return reads.Contains(Subject) || reads.Contains(Object) || reads.Contains(Context);
    }

    /// <summary>The attributes the expression reads (<c>subject.department</c>, <c>object.owner</c>), as written (declared or not).</summary>
    public static HashSet<string> ReadAttributes(ConditionDefinition condition, CelOptions options)
    {
        var reads = new HashSet<string>(StringComparer.Ordinal);
        var root = CelParser.Parse(new CelSource(condition.Expression ?? string.Empty, null), options, []);
        if (root is not null)
        {
            Collect(root, reads);
        }
        var hidden = ParameterNames(condition);
        reads.RemoveWhere(r => r.IndexOf('.', StringComparison.Ordinal) < 0 || hidden.Contains(r[..r.IndexOf('.', StringComparison.Ordinal)]));
        return reads;
    }

    /// <summary>The names among subject, object and context the expression reads and no parameter hides.</summary>
    private static HashSet<string> Reads(ConditionDefinition condition, CelOptions options)
    {
        var reads = new HashSet<string>(StringComparer.Ordinal);
        var root = CelParser.Parse(new CelSource(condition.Expression ?? string.Empty, null), options, []);
        if (root is not null)
        {
            Collect(root, reads);
        }
        reads.IntersectWith([Subject, Object, Context]);
        reads.ExceptWith(ParameterNames(condition));
        return reads;
    }

    private static HashSet<string> ParameterNames(ConditionDefinition condition) =>
        new(((IReadOnlyList<ConditionParameter>?)condition.Parameters ?? []).Select(p => p.Name), StringComparer.Ordinal);

    private static CelDeclarations Declare(ConditionDefinition condition, ConditionSite? site)
    {
        var declarations = CelDeclarations.FromParameters(condition.Parameters ?? []);
        var names = ParameterNames(condition);
        // Declared only when read, so a plain OpenFGA condition has exactly its parameters' slots.
        var reads = Reads(condition, CelOptions.Default);
        if (reads.Contains(Context))
        {
            declarations.Add(Context, CelType.MapOfDyn);
        }
        if (site is null)
        {
            if (reads.Contains(Subject))
            {
                declarations.Add(Subject, CelType.MapOfDyn);
            }
            if (reads.Contains(Object))
            {
                declarations.Add(Object, CelType.MapOfDyn);
            }
            return declarations;
        }
        if (!names.Contains(Subject))
        {
            if (site.Subject is { } subjectType)
            {
                declarations.AddNamespace(Subject, $"type '{subjectType.Name}'");
                DeclareAttributes(declarations, Subject, subjectType);
            }
            else
            {
                declarations.AddNamespace(Subject, "the subject",
                    $"the subject's type is not fixed on {site.Where}: attributes can be read where the subject is a plain type ([user with c], user where c)");
            }
        }
        if (!names.Contains(Object))
        {
            declarations.AddNamespace(Object, $"type '{site.Object.Name}'");
            DeclareAttributes(declarations, Object, site.Object);
        }
        return declarations;
    }

    private static void DeclareAttributes(CelDeclarations declarations, string space, TypeDefinition type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in (IReadOnlyList<AttributeDefinition>?)type.Attributes ?? [])
        {
            if (attribute?.Name is { } name && attribute.Type is not null && seen.Add(name) && TryType(attribute.Type, out var celType))
            {
                declarations.Add(space + "." + name, celType);
            }
        }
    }

    private static bool TryType(ConditionParameterType type, out CelType celType)
    {
        try
        {
            celType = CelType.FromParameterType(type);
            return true;
        }
        catch (ArgumentException)
        {
            celType = CelType.Dyn;
            return false;
        }
    }

    private static void Collect(CelExpr expr, HashSet<string> names)
    {
        switch (expr)
        {
            case CelIdentExpr ident:
                names.Add(ident.Name);
                break;
            case CelSelectExpr select:
                if (select.Operand is CelIdentExpr { Name: Subject or Object } entity)
                {
                    names.Add(entity.Name + "." + select.Field);
                }
                Collect(select.Operand, names);
                break;
            case CelCallExpr call:
                if (call.Target is not null)
                {
                    Collect(call.Target, names);
                }
                foreach (var a in call.Args)
                {
                    Collect(a, names);
                }
                break;
            case CelListExpr list:
                foreach (var e in list.Elements)
                {
                    Collect(e, names);
                }
                break;
            case CelMapExpr map:
                foreach (var e in map.Keys.Concat(map.Values))
                {
                    Collect(e, names);
                }
                break;
            case CelComprehensionExpr comprehension:
                Collect(comprehension.Range, names);
                Collect(comprehension.Body, names);
                if (comprehension.Filter is not null)
                {
                    Collect(comprehension.Filter, names);
                }
                break;
        }
    }
}
