namespace Arbiter.Filtering;

/// <summary>
/// A filter over resources of one type: which resources a subject may act on, as a boolean tree over resource ids
/// (<see cref="IdInFilter"/>, from relationships) and resource attributes (from attribute rules, partially evaluated:
/// what is known of the subject and the context is folded in). Every node is two-valued: a node on an attribute holds
/// only when the resource has a value for it (<see cref="PresentFilter"/> is implied), so translating a filter to SQL or
/// LINQ never depends on how NULLs compare.
/// </summary>
public abstract record Filter
{
    /// <summary>Matches every resource.</summary>
    public static Filter True { get; } = new ConstantFilter(true);

    /// <summary>Matches no resource.</summary>
    public static Filter False { get; } = new ConstantFilter(false);

    /// <summary>The conjunction, simplified (<c>false</c> absorbs, <c>true</c> drops out, nested ands flatten).</summary>
    public static Filter And(params IEnumerable<Filter> operands)
    {
        ArgumentNullException.ThrowIfNull(operands);
        var list = new List<Filter>();
        foreach (var operand in operands)
        {
            switch (operand)
            {
                case ConstantFilter { Value: false }:
                    return False;
                case ConstantFilter { Value: true }:
                    continue;
                case AndFilter and:
                    list.AddRange(and.Operands);
                    break;
                default:
                    if (!list.Contains(operand))
                    {
                        list.Add(operand);
                    }
                    break;
            }
        }
        return list.Count switch { 0 => True, 1 => list[0], _ => new AndFilter(list) };
    }

    /// <summary>The disjunction, simplified (<c>true</c> absorbs, <c>false</c> drops out, nested ors flatten, id sets merge).</summary>
    public static Filter Or(params IEnumerable<Filter> operands)
    {
        ArgumentNullException.ThrowIfNull(operands);
        var list = new List<Filter>();
        HashSet<string>? ids = null;
        foreach (var operand in operands)
        {
            switch (operand)
            {
                case ConstantFilter { Value: true }:
                    return True;
                case ConstantFilter { Value: false }:
                    continue;
                case OrFilter or:
                    foreach (var inner in or.Operands)
                    {
                        Add(inner);
                    }
                    break;
                default:
                    Add(operand);
                    break;
            }
        }
        if (ids is not null)
        {
            list.Insert(0, new IdInFilter(ids));
        }
        return list.Count switch { 0 => False, 1 => list[0], _ => new OrFilter(list) };

        void Add(Filter f)
        {
            if (f is IdInFilter idIn)
            {
                (ids ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(idIn.Ids);
            }
            else if (!list.Contains(f))
            {
                list.Add(f);
            }
        }
    }

    /// <summary>The negation, simplified.</summary>
    public static Filter Not(Filter operand)
    {
        ArgumentNullException.ThrowIfNull(operand);
        return operand switch
        {
            ConstantFilter c => c.Value ? False : True,
            NotFilter n => n.Operand,
            _ => new NotFilter(operand),
        };
    }
}

/// <summary>Every resource (<see langword="true"/>) or none.</summary>
/// <param name="Value">The constant.</param>
public sealed record ConstantFilter(bool Value) : Filter
{
    /// <inheritdoc />
    public override string ToString() => Value ? "true" : "false";
}

/// <summary>The resource's id is one of <see cref="Ids"/> (the resources reachable through relationships).</summary>
/// <param name="Ids">The ids.</param>
public sealed record IdInFilter(IReadOnlySet<string> Ids) : Filter
{
    /// <inheritdoc />
    public bool Equals(IdInFilter? other) => other is not null && Ids.SetEquals(other.Ids);

    /// <inheritdoc />
    public override int GetHashCode() => Ids.Count;

    /// <inheritdoc />
    public override string ToString() => Ids.Count <= 5
        ? $"id in [{string.Join(", ", Ids.Order(StringComparer.Ordinal))}]"
        : $"id in [{string.Join(", ", Ids.Order(StringComparer.Ordinal).Take(5))}, ... ({Ids.Count} ids)]";
}

/// <summary>Every operand holds.</summary>
/// <param name="Operands">At least two operands.</param>
public sealed record AndFilter(IReadOnlyList<Filter> Operands) : Filter
{
    /// <inheritdoc />
    public bool Equals(AndFilter? other) => other is not null && Operands.SequenceEqual(other.Operands);

    /// <inheritdoc />
    public override int GetHashCode() => Operands.Count;

    /// <inheritdoc />
    public override string ToString() => "(" + string.Join(" and ", Operands) + ")";
}

/// <summary>Some operand holds.</summary>
/// <param name="Operands">At least two operands.</param>
public sealed record OrFilter(IReadOnlyList<Filter> Operands) : Filter
{
    /// <inheritdoc />
    public bool Equals(OrFilter? other) => other is not null && Operands.SequenceEqual(other.Operands);

    /// <inheritdoc />
    public override int GetHashCode() => Operands.Count;

    /// <inheritdoc />
    public override string ToString() => "(" + string.Join(" or ", Operands) + ")";
}

/// <summary>The operand does not hold.</summary>
/// <param name="Operand">The operand.</param>
public sealed record NotFilter(Filter Operand) : Filter
{
    /// <inheritdoc />
    public override string ToString() => "not " + Operand;
}

/// <summary>The resource has a value for the attribute (SQL: the column is not NULL).</summary>
/// <param name="Attribute">The attribute name.</param>
public sealed record PresentFilter(string Attribute) : Filter
{
    /// <inheritdoc />
    public override string ToString() => $"has({Attribute})";
}

/// <summary>The comparison operators of <see cref="CompareFilter"/>.</summary>
public enum CompareOperator
{
    /// <summary><c>==</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,
}

/// <summary>
/// The resource's attribute compared with a value: <c>department == "eng"</c>. Holds only when the attribute has a value.
/// Values are <see cref="string"/>, <see cref="long"/>, <see cref="ulong"/>, <see cref="double"/>, <see cref="bool"/>,
/// <see cref="DateTimeOffset"/> (timestamps) or <see cref="TimeSpan"/> (durations).
/// </summary>
/// <param name="Attribute">The attribute name.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Value">The value (never null).</param>
public sealed record CompareFilter(string Attribute, CompareOperator Operator, object Value) : Filter
{
    /// <inheritdoc />
    public override string ToString() => $"{Attribute} {Symbol(Operator)} {FilterText.Literal(Value)}";

    /// <summary>The operator as CEL writes it: <c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>.</summary>
    /// <param name="op">The operator.</param>
    public static string Symbol(CompareOperator op) => op switch
    {
        CompareOperator.Equal => "==",
        CompareOperator.NotEqual => "!=",
        CompareOperator.Less => "<",
        CompareOperator.LessOrEqual => "<=",
        CompareOperator.Greater => ">",
        _ => ">=",
    };
}

/// <summary>The resource's attribute is one of the values (<c>status in ["open", "draft"]</c>). Holds only when the attribute has a value.</summary>
/// <param name="Attribute">The attribute name.</param>
/// <param name="Values">The values (as for <see cref="CompareFilter"/>).</param>
public sealed record InFilter(string Attribute, IReadOnlyList<object> Values) : Filter
{
    /// <inheritdoc />
    public bool Equals(InFilter? other) => other is not null && Attribute == other.Attribute && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Attribute, Values.Count);

    /// <inheritdoc />
    public override string ToString() => $"{Attribute} in [{string.Join(", ", Values.Select(FilterText.Literal))}]";
}

/// <summary>The kinds of <see cref="StringMatchFilter"/>.</summary>
public enum StringMatch
{
    /// <summary><c>startsWith</c></summary>
    StartsWith,

    /// <summary><c>endsWith</c></summary>
    EndsWith,

    /// <summary><c>contains</c></summary>
    Contains,
}

/// <summary>The resource's string attribute starts with, ends with or contains a value (ordinal, case-sensitive). Holds only when it has a value.</summary>
/// <param name="Attribute">The attribute name.</param>
/// <param name="Match">The kind of match.</param>
/// <param name="Value">The value.</param>
public sealed record StringMatchFilter(string Attribute, StringMatch Match, string Value) : Filter
{
    /// <inheritdoc />
    public override string ToString() => $"{Attribute}.{char.ToLowerInvariant(Match.ToString()[0])}{Match.ToString()[1..]}({FilterText.Literal(Value)})";
}

/// <summary>
/// A residual condition no query language here can express (<c>object.name.matches(...)</c>, arithmetic on attributes):
/// it is evaluated in memory (<c>IsSatisfiedBy</c>), and translating a filter that contains it to LINQ or SQL
/// fails with a message naming it.
/// </summary>
/// <param name="Expression">The residual CEL expression over <c>object.*</c> (the rest folded in), for display and for its error.</param>
/// <param name="Expected">The result this node asks for: <see langword="true"/> (the condition holds) or <see langword="false"/> (it definitely fails).</param>
public sealed record ResidualFilter(string Expression, bool Expected) : Filter
{
    /// <summary>Evaluates the residual on a resource's attributes: <see langword="null"/> when evaluation fails.</summary>
    internal Func<IReadOnlyDictionary<string, object?>, bool?> Evaluate { get; init; } = static _ => null;

    /// <inheritdoc />
    public bool Equals(ResidualFilter? other) => other is not null && Expression == other.Expression && Expected == other.Expected;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Expression, Expected);

    /// <inheritdoc />
    public override string ToString() => Expected ? $"[{Expression}]" : $"[not {Expression}]";
}
