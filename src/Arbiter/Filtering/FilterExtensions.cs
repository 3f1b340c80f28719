using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;

namespace Arbiter.Filtering;

/// <summary>
/// The three ways to use a <see cref="Filter"/>: evaluate it in memory (<c>IsSatisfiedBy</c>), translate it to a LINQ
/// expression for <see cref="IQueryable{T}"/> (<see cref="ToExpression{T}"/>), or to a parameterized SQL <c>WHERE</c>
/// fragment (<see cref="ToSql"/>). All three agree: a resource satisfies the filter in memory exactly when the query
/// returns it.
/// </summary>
public static class FilterExtensions
{
    /// <summary>The members a <see cref="FilterMapping{T}"/> reads by convention.</summary>
    internal const DynamicallyAccessedMemberTypes Members = DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicFields;

    /// <summary>
    /// Whether a resource, given as its id and attribute values, satisfies the filter. A missing or <see langword="null"/>
    /// attribute has no value; a value of another kind than the filter compares with (a number against a string) does not
    /// satisfy the comparison; a residual condition that fails to evaluate is not satisfied.
    /// </summary>
    /// <param name="filter">The filter.</param>
    /// <param name="id">The resource's id (the part after <c>type:</c>).</param>
    /// <param name="attributes">The resource's attributes: strings, numbers, booleans, <see cref="DateTimeOffset"/>/<see cref="DateTime"/>, <see cref="TimeSpan"/>.</param>
    /// <returns>Whether it satisfies the filter.</returns>
    public static bool IsSatisfiedBy(this Filter filter, string id, IReadOnlyDictionary<string, object?>? attributes)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(id);
        return FilterEvaluator.Evaluate(filter, new DictionaryResource(id, attributes));
    }

    /// <summary>
    /// Whether a plain C# object satisfies the filter, its id and attributes read through <paramref name="mapping"/>
    /// (by convention when <see langword="null"/>: see <see cref="FilterMapping{T}"/>). Values compare as for
    /// <see cref="IsSatisfiedBy(Filter, string, IReadOnlyDictionary{string, object?})"/>.
    /// </summary>
    /// <param name="filter">The filter.</param>
    /// <param name="resource">The resource.</param>
    /// <param name="mapping">The mapping, or <see langword="null"/> for the conventions.</param>
    /// <typeparam name="T">The resource type.</typeparam>
    /// <returns>Whether it satisfies the filter.</returns>
    /// <exception cref="InvalidOperationException">The filter reads an attribute (or the id) that <typeparamref name="T"/> has no member for.</exception>
    public static bool IsSatisfiedBy<[DynamicallyAccessedMembers(Members)] T>(this Filter filter, T resource, FilterMapping<T>? mapping = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(resource);
        return FilterEvaluator.Evaluate(filter, new ObjectResource<T>(resource, mapping ?? FilterMapping<T>.Default));
    }

    /// <summary>
    /// The filter as a predicate for <see cref="IQueryable{T}"/>: <c>db.Documents.Where(filter.ToExpression&lt;Document&gt;())</c>.
    /// Every value (ids, strings, numbers, timestamps) is captured so that query providers send it as a parameter; the
    /// id set is one captured array (<c>ids.Contains(d.Id)</c>). An attribute test is guarded by <c>d.Attr != null</c>
    /// for nullable members, so NULL never satisfies a comparison. Meant for query providers: in memory, use
    /// <see cref="IsSatisfiedBy{T}"/> (the expression's string comparisons follow the provider's rules).
    /// </summary>
    /// <param name="filter">The filter.</param>
    /// <param name="mapping">The mapping, or <see langword="null"/> for the conventions.</param>
    /// <typeparam name="T">The resource type.</typeparam>
    /// <returns>The predicate.</returns>
    /// <exception cref="NotSupportedException">The filter contains a <see cref="ResidualFilter"/>, which no query can express.</exception>
    /// <exception cref="InvalidOperationException">The filter reads an attribute (or the id) that <typeparamref name="T"/> has no member for.</exception>
    public static Expression<Func<T, bool>> ToExpression<[DynamicallyAccessedMembers(Members)] T>(this Filter filter, FilterMapping<T>? mapping = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new FilterExpressionBuilder<T>(mapping ?? FilterMapping<T>.Default).Build(filter);
    }

    /// <summary>
    /// The filter as a SQL <c>WHERE</c> condition with parameters, for Dapper or ADO.NET. Values are always parameters
    /// (<c>@p0</c>, <c>@p1</c>, ...); the text holds only the mapped column names (quoted) and fixed SQL. The id set is one
    /// parameter: SQLite <c>"id" IN (SELECT value FROM json_each(@p0))</c> with a JSON array, PostgreSQL
    /// <c>"id" = ANY(@p0)</c> with an array.
    /// </summary>
    /// <param name="filter">The filter.</param>
    /// <param name="dialect">The SQL dialect.</param>
    /// <param name="mapping">The id column and the attribute columns.</param>
    /// <returns>The condition and its parameters.</returns>
    /// <exception cref="NotSupportedException">The filter contains a <see cref="ResidualFilter"/>.</exception>
    /// <exception cref="InvalidOperationException">The filter reads an attribute that <paramref name="mapping"/> has no column for.</exception>
    public static SqlFilter ToSql(this Filter filter, SqlDialect dialect, SqlMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(mapping);
        return new SqlFilterWriter(dialect, mapping).Write(filter);
    }
}
