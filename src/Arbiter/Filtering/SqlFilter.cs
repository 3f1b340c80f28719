namespace Arbiter.Filtering;

/// <summary>A filter as a SQL condition: append <see cref="Where"/> to a query and bind <see cref="Parameters"/>.</summary>
/// <param name="Where">The condition (no <c>WHERE</c> keyword), with parameter markers <c>@p0</c>, <c>@p1</c>, ...</param>
/// <param name="Parameters">The parameters in marker order.</param>
public sealed record SqlFilter(string Where, IReadOnlyList<SqlFilterParameter> Parameters)
{
    /// <summary>The parameters by name (<c>@p0</c> → value): Dapper takes this as its parameter object.</summary>
    /// <returns>A new dictionary.</returns>
    public Dictionary<string, object> ParameterDictionary() => Parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
}
