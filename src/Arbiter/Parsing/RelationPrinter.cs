using Arbiter.Model;

namespace Arbiter.Parsing;

/// <summary>Writes one relation definition in the DSL, the way OpenFGA's JSON-to-DSL transformer does.</summary>
internal sealed class RelationPrinter
{
    private readonly TypeDefinition _type;
    private readonly RelationDefinition _relation;
    private int _directCount;

    private RelationPrinter(TypeDefinition type, RelationDefinition relation)
    {
        _type = type;
        _relation = relation;
    }

    public static string Print(TypeDefinition type, RelationDefinition relation)
    {
        var printer = new RelationPrinter(type, relation);
        var rewrite = relation.Rewrite;
        var text = rewrite switch
        {
            DifferenceUserset difference => printer.Operand(difference.Base) + " but not " + printer.Operand(difference.Subtract),
            UnionUserset union => printer.Join(union.Children, " or "),
            IntersectionUserset intersection => printer.Join(intersection.Children, " and "),
            _ => printer.Operand(rewrite),
        };
        if (printer._directCount == 0 || (printer._directCount == 1 && IsFirstPosition(rewrite)))
        {
            return text;
        }
        throw new ModelValidationException(
        [
            new ModelDiagnostic(DiagnosticCodes.UnsupportedDslNesting,
                $"the '{relation.Name}' relation definition under the '{type.Name}' type is not supported by the OpenFGA DSL syntax yet",
                relation.Span, relation.Name),
        ]);
    }

    private string Join(IReadOnlyList<Userset> children, string separator) =>
        string.Join(separator, DirectFirst(children).Select(Operand));

    private string Operand(Userset? userset)
    {
        ModelValidator.EnsureStack();
        switch (userset)
        {
            case DirectUserset:
                _directCount++;
                return "[" + string.Join(", ", ((IReadOnlyList<RelationReference>?)_relation.DirectlyRelatedTypes ?? []).Select(r => r.ToString())) + "]";
            case ComputedUserset computed:
                return computed.Relation;
            case TupleToUserset ttu:
                return ttu.ComputedRelation + " from " + ttu.Tupleset;
            case AttributeRuleUserset rule:
                return rule.SubjectType + " where " + rule.Condition;
            case UnionUserset union:
                return "(" + Join(union.Children, " or ") + ")";
            case IntersectionUserset intersection:
                return "(" + Join(intersection.Children, " and ") + ")";
            case DifferenceUserset difference:
                return "(" + Operand(difference.Base) + " but not " + Operand(difference.Subtract) + ")";
            default:
                throw JsonModelWriter.Unsupported(userset, _type, _relation);
        }
    }

    /// <summary>The operands of a union or intersection with the direct assignment moved first (the order does not change the meaning).</summary>
    private static IEnumerable<Userset> DirectFirst(IReadOnlyList<Userset>? children)
    {
        children ??= [];
        var direct = -1;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i] is DirectUserset)
            {
                direct = i;
                break;
            }
        }
        if (direct <= 0)
        {
            return children;
        }
        return children.Skip(direct).Take(1).Concat(children.Take(direct)).Concat(children.Skip(direct + 1));
    }

    private static bool IsFirstPosition(Userset? userset) => userset switch
    {
        DirectUserset => true,
        DifferenceUserset difference => IsFirstPosition(difference.Base),
        UnionUserset union => DirectFirst(union.Children).FirstOrDefault() is { } first && IsFirstPosition(first),
        IntersectionUserset intersection => DirectFirst(intersection.Children).FirstOrDefault() is { } first && IsFirstPosition(first),
        _ => false,
    };
}
