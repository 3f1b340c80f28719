using System.Collections.Frozen;
using Arbiter.Conditions;
using Arbiter.Model;
using Arbiter.Parsing;

namespace Arbiter.Engine;

internal sealed partial class CompiledModel
{
    /// <summary>
    /// Validates (<see cref="ModelValidator"/>) and compiles a model, its conditions with <paramref name="celOptions"/>. Names are interned into the engine's symbol tables.
    /// </summary>
    /// <exception cref="ModelValidationException">The model refers to something it does not define, or cannot be compiled.</exception>
    public static CompiledModel Compile(AuthorizationModel model, string id, SymbolTable types, SymbolTable relations, CelOptions? celOptions = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var problems = ModelValidator.Validate(model);
        if (problems.Count > 0)
        {
            throw new ModelValidationException(problems);
        }
        var diagnostics = new List<ModelDiagnostic>();
        var compiled = new CompiledModel(model with { Id = id }, id);

        var conditions = new Dictionary<string, ConditionDefinition>(StringComparer.Ordinal);
        foreach (var condition in model.Conditions)
        {
            if (!conditions.TryAdd(condition.Name, condition))
            {
                diagnostics.Add(new ModelDiagnostic("duplicate-condition", $"the condition '{condition.Name}' is defined more than once", condition.Span, condition.Name));
            }
        }

        var byName = new Dictionary<string, CompiledType>(StringComparer.Ordinal);
        var allRelations = new List<CompiledRelation>();
        foreach (var type in model.Types)
        {
            var typeId = types.GetOrAdd(type.Name);
            var compiledType = new CompiledType(type, typeId);
            if (!byName.TryAdd(type.Name, compiledType))
            {
                diagnostics.Add(new ModelDiagnostic("duplicate-type", $"the type '{type.Name}' is defined more than once", type.Span, type.Name));
                continue;
            }
            var relationsByName = new Dictionary<string, CompiledRelation>(StringComparer.Ordinal);
            var ordered = new List<CompiledRelation>();
            foreach (var relation in type.Relations)
            {
                var compiledRelation = new CompiledRelation(compiledType, relation, relations.GetOrAdd(relation.Name), allRelations.Count);
                if (!relationsByName.TryAdd(relation.Name, compiledRelation))
                {
                    diagnostics.Add(new ModelDiagnostic("duplicate-relation", $"the relation '{relation.Name}' is defined more than once in type '{type.Name}'", relation.Span, relation.Name));
                    continue;
                }
                ordered.Add(compiledRelation);
                allRelations.Add(compiledRelation);
            }
            compiledType.Relations = [.. ordered];
            compiledType.RelationsByName = relationsByName.ToFrozenDictionary(StringComparer.Ordinal);
            var byId = new CompiledRelation?[ordered.Count == 0 ? 0 : ordered.Max(r => r.NameId) + 1];
            foreach (var r in ordered)
            {
                byId[r.NameId] = r;
            }
            compiledType.RelationsById = byId;
        }

        compiled.TypesByName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        var typesById = new CompiledType?[byName.Count == 0 ? 0 : byName.Values.Max(t => t.TypeId) + 1];
        foreach (var t in byName.Values)
        {
            typesById[t.TypeId] = t;
        }
        compiled.TypesById = typesById;
        compiled.ConditionsByName = conditions.ToFrozenDictionary(StringComparer.Ordinal);
        compiled.Conditions = CelConditionEvaluator.Compile(model, celOptions ?? CelOptions.Default, diagnostics);
        compiled.Relations = [.. allRelations];

        var builder = new RewriteCompiler(compiled, types, relations, diagnostics);
        foreach (var relation in allRelations)
        {
            builder.Compile(relation);
        }
        if (diagnostics.Count > 0)
        {
            throw new ModelValidationException(diagnostics);
        }
        Reachability.Compute(compiled);
        compiled.HasAttributes = byName.Values.Any(t => t.AttributeNames.Length > 0);
        return compiled;
    }
}
