using System.Globalization;
using Arbiter.Conditions;
using Arbiter.Filtering;

namespace Arbiter.Engine;

/// <summary>
/// Builds the filter of one plan: the rewrite of the relation becomes a boolean tree in which the parts without attribute
/// rules are decided for every known resource (id sets, from the same evaluation as a check) and attribute rules are
/// partially evaluated (the subject's attributes, the parameters and the context folded in; what reads the resource's
/// attributes remains). Each node yields two filters, the resources for which it is certainly true and those for which it
/// is certainly false; the rest are those for which it fails (an error), so the final filter (the root's "true") admits a
/// resource exactly when a check allows it.
/// </summary>
internal sealed class FilterPlanner(
    EngineState state,
    CheckEvaluator evaluator,
    Func<CompiledRelation?, (int Entity, string Id)[]> candidatesOf,
    CompiledType resourceType,
    int userType,
    int userEntity,
    int userRelation,
    ConditionInputs inputs)
{
    private readonly HashSet<CompiledRelation> _inProgress = [];

    public (Filter True, Filter False) PlanRelation(CompiledRelation relation)
    {
        if (!relation.HasRules || !_inProgress.Add(relation))
        {
            return Closed(candidatesOf(relation.RulesBelow ? null : relation), obj => evaluator.Check(obj, relation, userType, userEntity, userRelation));
        }
        var result = PlanNode(relation.Rewrite, relation);
        _inProgress.Remove(relation);
        return result;
    }

    private (Filter True, Filter False) PlanNode(RewriteNode node, CompiledRelation relation)
    {
        switch (node.Kind)
        {
            case RewriteKind.Computed:
                return PlanRelation(node.Target!);
            case RewriteKind.Rule:
                return PlanRule(node);
            case RewriteKind.Union:
            {
                var parts = node.Children.Select(c => PlanNode(c, relation)).ToList();
                return (Filter.Or(parts.Select(p => p.True)), Filter.And(parts.Select(p => p.False)));
            }
            case RewriteKind.Intersection:
            {
                var parts = node.Children.Select(c => PlanNode(c, relation)).ToList();
                return (Filter.And(parts.Select(p => p.True)), Filter.Or(parts.Select(p => p.False)));
            }
            case RewriteKind.Exclusion:
            {
                var (baseTrue, baseFalse) = PlanNode(node.Children[0], relation);
                var (subtractTrue, subtractFalse) = PlanNode(node.Children[1], relation);
                return (Filter.And(baseTrue, subtractFalse), Filter.Or(baseFalse, subtractTrue));
            }
            default:
                return Closed(candidatesOf(RulesBelow(node, relation) ? null : relation), obj => evaluator.CheckNode(obj, node, relation, userType, userEntity, userRelation));
        }
    }

    /// <summary>
    /// A part decided resource by resource: true for some ids, an error for some; false for all others, including resources
    /// the store does not know (no tuple names them, so no tuple-based part can hold for them).
    /// </summary>
    private (Filter True, Filter False) Closed((int Entity, string Id)[] candidates, Func<int, Outcome> evaluate)
    {
        var holds = new HashSet<string>(StringComparer.Ordinal);
        var fails = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entity, id) in candidates)
        {
            var outcome = evaluate(entity);
            if (outcome.IsTrue)
            {
                holds.Add(id);
            }
            else if (outcome.IsError)
            {
                fails.Add(id);
            }
        }
        var whenTrue = holds.Count == 0 ? Filter.False : new IdInFilter(holds);
        if (fails.Count == 0)
        {
            // no errors: false exactly where it does not hold (the id set is shared, never changed after this)
            return (whenTrue, holds.Count == 0 ? Filter.True : Filter.Not(whenTrue));
        }
        fails.UnionWith(holds);
        return (whenTrue, Filter.Not(new IdInFilter(fails)));
    }

    /// <summary>Whether a rule can take part below a direct or tuple-to-userset node (through a userset or a parent): its candidates are then every resource.</summary>
    private bool RulesBelow(RewriteNode node, CompiledRelation relation) => node.Kind switch
    {
        RewriteKind.TupleToUserset => node.TargetByType.Any(t => t is { RulesBelow: true }),
        _ => relation.Restrictions.Any(r => r.SubjectRelation >= 0
            && state.Model.TypeById(r.TypeId)?.RelationById(r.SubjectRelation) is { RulesBelow: true }),
    };

    private (Filter True, Filter False) PlanRule(RewriteNode node)
    {
        if (userType != node.SubjectTypeId || userRelation != SubjectKind.Plain)
        {
            return (Filter.False, Filter.True);
        }
        var program = node.Program!;
        var root = program.Expression.Root;
        var slots = new CelValue[program.SlotCount];
        if (root is null || program.FillKnown(slots, inputs) is not null)
        {
            return (Filter.False, Filter.False); // a missing parameter: the rule fails for every resource
        }
        return new RulePlan(program, slots, resourceType, state.Model.Id).AsCondition(root);
    }

    /// <summary>The partial evaluation of one rule's condition.</summary>
    private sealed class RulePlan(ConditionProgram program, CelValue[] known, CompiledType resourceType, string modelId)
    {
        private const string ObjectName = ConditionCompiler.Object;

        public (Filter True, Filter False) AsCondition(CelExpr expr) => AsCondition(Evaluate(expr));

        private (Filter True, Filter False) AsCondition(Part part) => part switch
        {
            KnownPart { Value.Kind: CelValueKind.Bool } k => k.Value.IsTrue ? (Filter.True, Filter.False) : (Filter.False, Filter.True),
            KnownPart => (Filter.False, Filter.False), // an error (or not a bool): the rule fails
            AttributePart { Type.Kind: CelTypeKind.Bool } a => (new CompareFilter(a.Name, CompareOperator.Equal, true), new CompareFilter(a.Name, CompareOperator.Equal, false)),
            ConditionPart c => (c.True, c.False),
            OpaquePart o => Residual(o.Expr),
            _ => Residual(((AttributePart)part).Expr),
        };

        private Part Evaluate(CelExpr expr)
        {
            if (!ReadsObject(expr))
            {
                return new KnownPart(program.Expression.EvaluatePart(expr, known));
            }
            switch (expr)
            {
                case CelSelectExpr { Operand: CelIdentExpr { Name: ObjectName } } select:
                    if (select.TestOnly)
                    {
                        return new ConditionPart(new PresentFilter(select.Field), Filter.Not(new PresentFilter(select.Field)));
                    }
                    return new AttributePart(select.Field, select.Type, expr);
                case CelCallExpr call:
                    return EvaluateCall(call) ?? new OpaquePart(expr);
                default:
                    return new OpaquePart(expr);
            }
        }

        private Part? EvaluateCall(CelCallExpr call)
        {
            if (call.Function is not (CelOperators.LogicalAnd or CelOperators.LogicalOr or CelOperators.LogicalNot or CelOperators.Conditional))
            {
                // any other function fails when an operand known in advance failed (a subject attribute with no value...)
                foreach (var operand in call.Target is null ? call.Args : [call.Target, .. call.Args])
                {
                    if (!ReadsObject(operand) && Evaluate(operand) is KnownPart { Value.Kind: CelValueKind.Error or CelValueKind.Unknown } failed)
                    {
                        return failed;
                    }
                }
            }
            switch (call.Function)
            {
                case CelOperators.LogicalAnd:
                {
                    var (at, af) = AsCondition(call.Args[0]);
                    var (bt, bf) = AsCondition(call.Args[1]);
                    return new ConditionPart(Filter.And(at, bt), Filter.Or(af, bf));
                }
                case CelOperators.LogicalOr:
                {
                    var (at, af) = AsCondition(call.Args[0]);
                    var (bt, bf) = AsCondition(call.Args[1]);
                    return new ConditionPart(Filter.Or(at, bt), Filter.And(af, bf));
                }
                case CelOperators.LogicalNot:
                {
                    var (t, f) = AsCondition(call.Args[0]);
                    return new ConditionPart(f, t);
                }
                case CelOperators.Conditional:
                {
                    var (ct, cf) = AsCondition(call.Args[0]);
                    var (at, af) = AsCondition(call.Args[1]);
                    var (bt, bf) = AsCondition(call.Args[2]);
                    return new ConditionPart(Filter.Or(Filter.And(ct, at), Filter.And(cf, bt)), Filter.Or(Filter.And(ct, af), Filter.And(cf, bf)));
                }
                case CelOperators.Equal or CelOperators.NotEqual or CelOperators.Less or CelOperators.LessEquals or CelOperators.Greater or CelOperators.GreaterEquals:
                    return Compare(call);
                case CelOperators.In when Evaluate(call.Args[0]) is AttributePart attribute && Evaluate(call.Args[1]) is KnownPart { Value.Kind: CelValueKind.List } list:
                {
                    var values = new List<object>();
                    foreach (var item in list.Value.AsList())
                    {
                        if (ToFilterValue(item) is not { } value)
                        {
                            return null;
                        }
                        values.Add(value);
                    }
                    var filter = new InFilter(attribute.Name, values);
                    return new ConditionPart(filter, Filter.And(new PresentFilter(attribute.Name), Filter.Not(filter)));
                }
                case "startsWith" or "endsWith" or "contains" when call.Target is not null && call.Args.Length == 1
                    && Evaluate(call.Target) is AttributePart { Type.Kind: CelTypeKind.String } target
                    && Evaluate(call.Args[0]) is KnownPart { Value.Kind: CelValueKind.String } text:
                {
                    var match = call.Function switch { "startsWith" => StringMatch.StartsWith, "endsWith" => StringMatch.EndsWith, _ => StringMatch.Contains };
                    var filter = new StringMatchFilter(target.Name, match, text.Value.AsString());
                    return new ConditionPart(filter, Filter.And(new PresentFilter(target.Name), Filter.Not(filter)));
                }
                default:
                    return null;
            }
        }

        private ConditionPart? Compare(CelCallExpr call)
        {
            var left = Evaluate(call.Args[0]);
            var right = Evaluate(call.Args[1]);
            var op = call.Function switch
            {
                CelOperators.Equal => CompareOperator.Equal,
                CelOperators.NotEqual => CompareOperator.NotEqual,
                CelOperators.Less => CompareOperator.Less,
                CelOperators.LessEquals => CompareOperator.LessOrEqual,
                CelOperators.Greater => CompareOperator.Greater,
                _ => CompareOperator.GreaterOrEqual,
            };
            (AttributePart Attribute, KnownPart Value)? pair = (left, right) switch
            {
                (AttributePart a, KnownPart k) => (a, k),
                (KnownPart k, AttributePart a) => (a, k),
                _ => null,
            };
            if (pair is not { } p || !SameKind(p.Attribute.Type, p.Value.Value) || ToFilterValue(p.Value.Value) is not { } value)
            {
                return null;
            }
            if (left is KnownPart)
            {
                op = op switch
                {
                    CompareOperator.Less => CompareOperator.Greater,
                    CompareOperator.LessOrEqual => CompareOperator.GreaterOrEqual,
                    CompareOperator.Greater => CompareOperator.Less,
                    CompareOperator.GreaterOrEqual => CompareOperator.LessOrEqual,
                    _ => op,
                };
            }
            var filter = new CompareFilter(p.Attribute.Name, op, value);
            return new ConditionPart(filter, Filter.And(new PresentFilter(p.Attribute.Name), Filter.Not(filter)));
        }

        /// <summary>Whether a comparison can be pushed down: the attribute's declared type and the value's kind agree.</summary>
        private static bool SameKind(CelType type, CelValue value) => (type.Kind, value.Kind) switch
        {
            (CelTypeKind.String, CelValueKind.String) => true,
            (CelTypeKind.Int, CelValueKind.Int) => true,
            (CelTypeKind.Uint, CelValueKind.Uint) => true,
            (CelTypeKind.Double, CelValueKind.Double) => true,
            (CelTypeKind.Bool, CelValueKind.Bool) => true,
            (CelTypeKind.Timestamp, CelValueKind.Timestamp) => true,
            (CelTypeKind.Duration, CelValueKind.Duration) => true,
            _ => false,
        };

        private static object? ToFilterValue(CelValue value) => value.Kind switch
        {
            CelValueKind.String => value.AsString(),
            CelValueKind.Int => value.AsInt(),
            CelValueKind.Uint => value.AsUInt(),
            CelValueKind.Double => double.IsFinite(value.AsDouble()) ? value.AsDouble() : null,
            CelValueKind.Bool => value.AsBool(),
            CelValueKind.Timestamp => value.AsTimestamp(),
            CelValueKind.Duration => value.AsDuration(),
            _ => null,
        };

        /// <summary>A residual evaluated in memory: the subtree, with the known slots and the resource's attribute values.</summary>
        private (Filter True, Filter False) Residual(CelExpr expr)
        {
            var text = Unparse(expr);
            bool? Run(IReadOnlyDictionary<string, object?> attributes)
            {
                var slots = (CelValue[])known.Clone();
                var values = new CelValue[resourceType.AttributeNames.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    if (attributes.TryGetValue(resourceType.AttributeNames[i], out var raw) && raw is not null)
                    {
                        if (!CelValue.TryConvert(raw, resourceType.AttributeTypes[i], out values[i], out _, program.Expression.Options))
                        {
                            return null;
                        }
                    }
                }
                program.FillObject(slots, values);
                var result = program.Expression.EvaluatePart(expr, slots);
                return result.Kind == CelValueKind.Bool ? result.IsTrue : null;
            }
            return (new ResidualFilter(text, true) { Evaluate = Run }, new ResidualFilter(text, false) { Evaluate = Run });
        }

        private string Unparse(CelExpr expr)
        {
            if (!ReadsObject(expr))
            {
                return program.Expression.EvaluatePart(expr, known).ToString();
            }
            return expr switch
            {
                CelIdentExpr ident => ident.Name,
                CelSelectExpr { TestOnly: true } s => $"has({Unparse(s.Operand)}.{s.Field})",
                CelSelectExpr s => $"{Unparse(s.Operand)}.{s.Field}",
                CelCallExpr { Function: CelOperators.LogicalNot } c => "!" + Unparse(c.Args[0]),
                CelCallExpr { Function: CelOperators.Negate } c => "-" + Unparse(c.Args[0]),
                CelCallExpr { Function: CelOperators.Index } c => $"{Unparse(c.Args[0])}[{Unparse(c.Args[1])}]",
                CelCallExpr { Function: CelOperators.Conditional } c => $"({Unparse(c.Args[0])} ? {Unparse(c.Args[1])} : {Unparse(c.Args[2])})",
                CelCallExpr { Function: CelOperators.In } c => $"{Unparse(c.Args[0])} in {Unparse(c.Args[1])}",
                CelCallExpr c when c.Function.StartsWith('_') && c.Args.Length == 2 =>
                    $"({Unparse(c.Args[0])} {c.Function.Trim('_')} {Unparse(c.Args[1])})",
                CelCallExpr { Target: { } target } c => $"{Unparse(target)}.{c.Function}({string.Join(", ", c.Args.Select(Unparse))})",
                CelCallExpr c => $"{c.Function}({string.Join(", ", c.Args.Select(Unparse))})",
                CelListExpr l => "[" + string.Join(", ", l.Elements.Select(Unparse)) + "]",
                _ => "(...)",
            };
        }

        private static bool ReadsObject(CelExpr expr) => expr switch
        {
            CelIdentExpr ident => ident.Name == ObjectName,
            CelSelectExpr select => ReadsObject(select.Operand),
            CelCallExpr call => (call.Target is not null && ReadsObject(call.Target)) || call.Args.Any(ReadsObject),
            CelListExpr list => list.Elements.Any(ReadsObject),
            CelMapExpr map => map.Keys.Any(ReadsObject) || map.Values.Any(ReadsObject),
            CelComprehensionExpr c => ReadsObject(c.Range) || ReadsObject(c.Body) || (c.Filter is not null && ReadsObject(c.Filter)),
            _ => false,
        };

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"rule plan {program.Name} ({modelId})");
    }

    private abstract record Part;

    private sealed record KnownPart(CelValue Value) : Part;

    private sealed record AttributePart(string Name, CelType Type, CelExpr Expr) : Part;

    private sealed record ConditionPart(Filter True, Filter False) : Part;

    private sealed record OpaquePart(CelExpr Expr) : Part;
}
