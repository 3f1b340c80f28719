using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;

namespace Arbiter.Filtering;

/// <summary>
/// Builds <c>Expression&lt;Func&lt;T, bool&gt;&gt;</c> from a filter. Every value is read from a field of a captured
/// <see cref="FilterValue"/> (not an <see cref="Expression.Constant(object)"/> of the value), so that query providers
/// such as EF Core send it as a parameter, never as SQL text.
/// </summary>
internal sealed class FilterExpressionBuilder<[DynamicallyAccessedMembers(FilterExtensions.Members)] T>(FilterMapping<T> mapping)
{
    private static readonly FieldInfo ValueField = typeof(FilterValue).GetField(nameof(FilterValue.Value))!;
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo StringIndexOf = typeof(string).GetMethod(nameof(string.IndexOf), [typeof(string)])!;
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StringSubstring = typeof(string).GetMethod(nameof(string.Substring), [typeof(int)])!;
    private static readonly PropertyInfo StringLength = typeof(string).GetProperty(nameof(string.Length))!;

    private readonly ParameterExpression parameter = Expression.Parameter(typeof(T), "resource");

    public Expression<Func<T, bool>> Build(Filter filter) => Expression.Lambda<Func<T, bool>>(Visit(filter), parameter);

    private Expression Visit(Filter filter) => filter switch
    {
        ConstantFilter c => Expression.Constant(c.Value),
        IdInFilter idIn => IdIn(idIn),
        AndFilter and => and.Operands.Select(Visit).Aggregate(Expression.AndAlso),
        OrFilter or => or.Operands.Select(Visit).Aggregate(Expression.OrElse),
        NotFilter not => Expression.Not(Visit(not.Operand)),
        PresentFilter present => HasValue(Member(present.Attribute)) ?? Expression.Constant(true),
        CompareFilter compare => Guarded(Member(compare.Attribute), m => Compare(m, compare.Operator, compare.Value)),
        InFilter @in => Guarded(Member(@in.Attribute), m => @in.Values.Count == 0
            ? Expression.Constant(false)
            : @in.Values.Select(v => Compare(m, CompareOperator.Equal, v)).Aggregate(Expression.OrElse)),
        StringMatchFilter match => Guarded(Member(match.Attribute), m => Match(m, match.Match, match.Value)),
        ResidualFilter residual => throw new NotSupportedException(
            $"Cannot translate {residual} to a query; evaluate it in memory with IsSatisfiedBy."),
        _ => throw new NotSupportedException($"Unknown filter node {filter.GetType().Name}."),
    };

    private Expression Member(string attribute) => Inline(mapping.Member(attribute));

    private Expression Inline(FilterMapping<T>.MappedMember member) => new Replace(member.Parameter, parameter).Visit(member.Body);

    /// <summary><c>m != null &amp;&amp; test(m)</c>, or <c>false</c> when the test is constantly false.</summary>
    private static Expression Guarded(Expression member, Func<Expression, Expression> test)
    {
        var body = test(member);
        if (body is ConstantExpression { Value: false })
        {
            return body;
        }
        return HasValue(member) is { } hasValue ? Expression.AndAlso(hasValue, body) : body;
    }

    private static Expression? HasValue(Expression member) =>
        !member.Type.IsValueType || Nullable.GetUnderlyingType(member.Type) is not null
            ? Expression.NotEqual(member, Expression.Constant(null, member.Type))
            : null;

    /// <summary>A captured value, typed.</summary>
    private static Expression Value(object value, Type type) =>
        Expression.Convert(Expression.Field(Expression.Constant(new FilterValue(value)), ValueField), type);

    private Expression IdIn(IdInFilter idIn)
    {
        var id = Inline(mapping.IdMember);
        return id.Type switch
        {
            var t when t == typeof(string) => Contains(FilterIds.Convert(idIn.Ids, s => (true, s)), id),
            var t when t == typeof(int) => Contains(FilterIds.Convert(idIn.Ids, FilterIds.ParseInt32), id),
            var t when t == typeof(long) => Contains(FilterIds.Convert(idIn.Ids, FilterIds.ParseInt64), id),
            _ => Contains(FilterIds.Convert(idIn.Ids, FilterIds.ParseGuid), id),
        };
    }

    private static Expression Contains<TId>(TId[] ids, Expression id) =>
        Expression.Call(new Func<IEnumerable<TId>, TId, bool>(Enumerable.Contains).Method, Value(ids, typeof(TId[])), id);

    private static Expression Compare(Expression member, CompareOperator op, object value)
    {
        var kind = FilterValues.KindOf(value.GetType());
        if (kind == FilterValueKind.Other || FilterValues.KindOf(member.Type) != kind)
        {
            return Expression.Constant(false);
        }
        var type = Nullable.GetUnderlyingType(member.Type) ?? member.Type;
        switch (kind)
        {
            case FilterValueKind.Bool when op is not (CompareOperator.Equal or CompareOperator.NotEqual):
                return Expression.Constant(false);
            case FilterValueKind.String when op is not (CompareOperator.Equal or CompareOperator.NotEqual):
                // string.Compare(a, b) is what query providers translate to SQL's < and >.
                return Binary(op, Expression.Call(StringCompare, member, Value(value, typeof(string))), Expression.Constant(0));
            case FilterValueKind.Timestamp when type == typeof(DateTime):
                return Binary(op, member, Value(new DateTime(FilterValues.UtcTicks(value), DateTimeKind.Utc), member.Type));
            case FilterValueKind.Number:
                if (FilterNumbers.TryConvertExactly(value, type, out var exact))
                {
                    return Binary(op, member, Value(exact, member.Type));
                }
                // Not representable in the member's type (3.5 against an int): compare as doubles.
                var asDouble = member.Type == type ? typeof(double) : typeof(double?);
                return Binary(op, Expression.Convert(member, asDouble), Value(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), asDouble));
            default:
                return Binary(op, member, Value(value, member.Type));
        }
    }

    private static BinaryExpression Binary(CompareOperator op, Expression left, Expression right) => op switch
    {
        CompareOperator.Equal => Expression.Equal(left, right),
        CompareOperator.NotEqual => Expression.NotEqual(left, right),
        CompareOperator.Less => Expression.LessThan(left, right),
        CompareOperator.LessOrEqual => Expression.LessThanOrEqual(left, right),
        CompareOperator.Greater => Expression.GreaterThan(left, right),
        _ => Expression.GreaterThanOrEqual(left, right),
    };

    /// <summary>
    /// Case-sensitive matching that providers translate exactly: <c>m.IndexOf(v) == 0</c> (SQLite <c>instr</c>, PostgreSQL
    /// <c>strpos</c>) rather than <c>StartsWith</c>, which SQLite translates to <c>LIKE</c>, case-insensitive for ASCII;
    /// <c>m.Length &gt;= n &amp;&amp; m.Substring(m.Length - n) == v</c> for <c>EndsWith</c> (n counts code points, as
    /// SQLite's and PostgreSQL's <c>length</c> do); <c>m.Contains(v)</c>.
    /// </summary>
    private static Expression Match(Expression member, StringMatch match, string value)
    {
        if (member.Type != typeof(string))
        {
            return Expression.Constant(false);
        }
        var text = Value(value, typeof(string));
        switch (match)
        {
            case StringMatch.StartsWith:
                return Expression.Equal(Expression.Call(member, StringIndexOf, text), Expression.Constant(0));
            case StringMatch.EndsWith:
                var length = Value(CodePoints(value), typeof(int));
                var memberLength = Expression.Property(member, StringLength);
                return Expression.AndAlso(
                    Expression.GreaterThanOrEqual(memberLength, length),
                    Expression.Equal(Expression.Call(member, StringSubstring, Expression.Subtract(memberLength, length)), text));
            default:
                return Expression.Call(member, StringContains, text);
        }
    }

    private static int CodePoints(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }
        return count;
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>A value captured by a filter expression: query providers turn a field read on a constant into a parameter.</summary>
/// <param name="value">The value.</param>
internal sealed class FilterValue(object value)
{
    /// <summary>The value.</summary>
    public readonly object Value = value;
}
