namespace Arbiter.Filtering;

/// <summary>Evaluates a filter on one resource in memory.</summary>
internal static class FilterEvaluator
{
    /// <summary>Whether the resource satisfies the filter; a residual that fails to evaluate is not satisfied.</summary>
    public static bool Evaluate<TResource>(Filter filter, TResource resource)
        where TResource : IFilterResource => filter switch
    {
        ConstantFilter c => c.Value,
        IdInFilter idIn => resource.IdIn(idIn.Ids),
        AndFilter and => and.Operands.All(o => Evaluate(o, resource)),
        OrFilter or => or.Operands.Any(o => Evaluate(o, resource)),
        NotFilter not => !Evaluate(not.Operand, resource),
        PresentFilter present => resource.Get(present.Attribute) is not null,
        CompareFilter compare => FilterValues.Compare(resource.Get(compare.Attribute), compare.Operator, compare.Value),
        InFilter @in => resource.Get(@in.Attribute) is { } value && @in.Values.Any(v => FilterValues.Compare(value, CompareOperator.Equal, v)),
        StringMatchFilter match => FilterValues.Match(resource.Get(match.Attribute), match.Match, match.Value),
        ResidualFilter residual => residual.Evaluate(resource.Attributes) == residual.Expected,
        _ => throw new NotSupportedException($"Unknown filter node {filter.GetType().Name}."),
    };
}

/// <summary>What evaluation reads of a resource.</summary>
internal interface IFilterResource
{
    /// <summary>Whether the resource's id is one of <paramref name="ids"/>.</summary>
    bool IdIn(IReadOnlySet<string> ids);

    /// <summary>The attribute's value, <see langword="null"/> when it has none.</summary>
    object? Get(string attribute);

    /// <summary>Every attribute, for residual conditions.</summary>
    IReadOnlyDictionary<string, object?> Attributes { get; }
}

/// <summary>A resource given as an id and a dictionary of attributes.</summary>
internal readonly struct DictionaryResource(string id, IReadOnlyDictionary<string, object?>? attributes) : IFilterResource
{
    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    public IReadOnlyDictionary<string, object?> Attributes => attributes ?? Empty;

    public bool IdIn(IReadOnlySet<string> ids) => ids.Contains(id);

    public object? Get(string attribute) => attributes is not null && attributes.TryGetValue(attribute, out var value) ? value : null;
}
