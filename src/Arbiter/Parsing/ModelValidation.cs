using Arbiter.Model;

namespace Arbiter.Parsing;

/// <summary>One run of <see cref="ModelValidator"/>: the model's lookups and the problems found so far.</summary>
internal sealed partial class ModelValidation
{
    private const int MaxTypeNameLength = 254;
    private const int MaxRelationNameLength = 50;

    private readonly AuthorizationModel _model;
    private readonly Dictionary<string, TypeDefinition> _typesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, RelationDefinition>> _relations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConditionDefinition> _conditionsByName = new(StringComparer.Ordinal);

    public ModelValidation(AuthorizationModel model)
    {
        _model = model;
        foreach (var type in Types)
        {
            var name = type.Name ?? string.Empty;
            _typesByName.TryAdd(name, type);
            if (!_relations.TryGetValue(name, out var relations))
            {
                relations = new Dictionary<string, RelationDefinition>(StringComparer.Ordinal);
                _relations.Add(name, relations);
            }
            foreach (var relation in RelationsOf(type))
            {
                relations.TryAdd(relation.Name ?? string.Empty, relation);
            }
        }
        foreach (var condition in Conditions)
        {
            _conditionsByName.TryAdd(condition.Name ?? string.Empty, condition);
        }
    }

    public List<ModelDiagnostic> Diagnostics { get; } = [];

    private IReadOnlyList<TypeDefinition> Types => (IReadOnlyList<TypeDefinition>?)_model.Types ?? [];

    private IReadOnlyList<ConditionDefinition> Conditions => (IReadOnlyList<ConditionDefinition>?)_model.Conditions ?? [];

    private static IReadOnlyList<RelationDefinition> RelationsOf(TypeDefinition type) => (IReadOnlyList<RelationDefinition>?)type.Relations ?? [];

    private static IReadOnlyList<RelationReference> DirectTypesOf(RelationDefinition relation) =>
        (IReadOnlyList<RelationReference>?)relation.DirectlyRelatedTypes ?? [];

    public void Run()
    {
        CheckNames();
        CheckAttributes();
        CheckConditionDefinitions();
        CheckConditionExpressions();
        if (!CheckSchemaVersion() || Diagnostics.Count > 0)
        {
            return;
        }
        CheckReferences();
        if (Diagnostics.Count == 0)
        {
            CheckDuplicates();
        }
        if (Diagnostics.Count == 0)
        {
            CheckEntryPoints();
        }
        CheckUnusedConditions();
    }

    private bool CheckSchemaVersion()
    {
        var version = _model.SchemaVersion;
        if (string.IsNullOrEmpty(version))
        {
            Add(DiagnosticCodes.SchemaVersionRequired, "schema version required: the model must declare 'schema 1.1'", _model.Span, string.Empty);
            return false;
        }
        if (version is "1.1" or "1.2")
        {
            return true;
        }
        var span = _model.Span is { } header
            ? new SourceSpan(header.EndLine, Math.Max(1, header.EndColumn - version.Length), header.EndLine, header.EndColumn)
            : (SourceSpan?)null;
        Add(DiagnosticCodes.InvalidSchema, $"invalid schema {version}: Arbiter reads schema 1.1 (and 1.2 of modular models)", span, version);
        return false;
    }

    private bool TryGetRelation(string? type, string? relation, out RelationDefinition definition)
    {
        definition = null!;
        return type is not null && relation is not null
            && _relations.TryGetValue(type, out var relations)
            && relations.TryGetValue(relation, out definition!);
    }

    private void Add(string code, string message, SourceSpan? span, string? symbol) =>
        Diagnostics.Add(new ModelDiagnostic(code, message, span, symbol));

    /// <summary>Every node of a rewrite, depth first, without recursion.</summary>
    private static IEnumerable<Userset> Nodes(Userset? root)
    {
        if (root is null)
        {
            yield break;
        }
        var stack = new Stack<Userset>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var child in ChildrenOf(node).Reverse())
            {
                if (child is not null)
                {
                    stack.Push(child);
                }
            }
        }
    }

    private static IReadOnlyList<Userset> ChildrenOf(Userset node) => node switch
    {
        UnionUserset u => (IReadOnlyList<Userset>?)u.Children ?? [],
        IntersectionUserset i => (IReadOnlyList<Userset>?)i.Children ?? [],
        DifferenceUserset d => [d.Base, d.Subtract],
        _ => [],
    };
}
