using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Arbiter.Filtering;

/// <summary>
/// Writes a filter as SQL. The text holds only quoted column names from the <see cref="SqlMapping"/>, parameter markers
/// and fixed SQL; every value is a parameter. Every node is written two-valued (attribute tests are guarded by
/// <c>IS NOT NULL</c>), so <c>NOT</c> never meets SQL's NULL.
/// </summary>
internal sealed class SqlFilterWriter(SqlDialect dialect, SqlMapping mapping)
{
    private const string False = "(1 = 0)";
    private readonly StringBuilder text = new();
    private readonly List<SqlFilterParameter> parameters = [];

    public SqlFilter Write(Filter filter)
    {
        Visit(filter);
        return new SqlFilter(text.ToString(), parameters);
    }

    private void Visit(Filter filter)
    {
        switch (filter)
        {
            case ConstantFilter c:
                text.Append(c.Value ? "(1 = 1)" : False);
                break;
            case IdInFilter idIn:
                IdIn(idIn);
                break;
            case AndFilter and:
                Join(and.Operands, " AND ");
                break;
            case OrFilter or:
                Join(or.Operands, " OR ");
                break;
            case NotFilter not:
                text.Append("NOT ");
                Visit(not.Operand);
                break;
            case PresentFilter present:
                text.Append('(').Append(mapping.ColumnOf(present.Attribute).Name).Append(" IS NOT NULL)");
                break;
            case CompareFilter compare:
                Compare(compare);
                break;
            case InFilter @in:
                In(@in);
                break;
            case StringMatchFilter match:
                Match(match);
                break;
            case ResidualFilter residual:
                throw new NotSupportedException($"Cannot translate {residual} to a query; evaluate it in memory with IsSatisfiedBy.");
            default:
                throw new NotSupportedException($"Unknown filter node {filter.GetType().Name}.");
        }
    }

    private void Join(IReadOnlyList<Filter> operands, string separator)
    {
        text.Append('(');
        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0)
            {
                text.Append(separator);
            }
            Visit(operands[i]);
        }
        text.Append(')');
    }

    /// <summary>One parameter for the whole set, however large: no statement grows with it, and none hits a parameter limit.</summary>
    private void IdIn(IdInFilter idIn)
    {
        object value = (dialect, mapping.IdType) switch
        {
            (SqlDialect.PostgreSql, SqlIdType.Integer) => FilterIds.Convert(idIn.Ids, FilterIds.ParseInt64),
            (SqlDialect.PostgreSql, SqlIdType.Uuid) => FilterIds.Convert(idIn.Ids, FilterIds.ParseGuid),
            (SqlDialect.PostgreSql, _) => FilterIds.Convert(idIn.Ids, static s => (true, s)),
            (_, SqlIdType.Integer) => Json(FilterIds.Convert(idIn.Ids, FilterIds.ParseInt64), static (w, v) => w.WriteNumberValue(v)),
            (_, SqlIdType.Uuid) => Json(FilterIds.Convert(idIn.Ids, FilterIds.ParseGuid), static (w, v) => w.WriteStringValue(v.ToString("D").ToUpperInvariant())),
            _ => Json(FilterIds.Convert(idIn.Ids, static s => (true, s)), static (w, v) => w.WriteStringValue(v)),
        };
        var p = Parameter(value);
        text.Append(dialect == SqlDialect.PostgreSql
            ? $"{mapping.IdColumn} = ANY({p})"
            : $"{mapping.IdColumn} IN (SELECT value FROM json_each({p}))");
    }

    private static string Json<T>(T[] values, Action<Utf8JsonWriter, T> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                write(writer, value);
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private void Compare(CompareFilter compare)
    {
        var column = mapping.ColumnOf(compare.Attribute);
        var ordering = compare.Operator is not (CompareOperator.Equal or CompareOperator.NotEqual);
        if (compare.Value is bool && ordering || FilterValues.KindOf(compare.Value.GetType()) == FilterValueKind.Other)
        {
            text.Append(False);
            return;
        }
        var op = compare.Operator switch
        {
            CompareOperator.Equal => "=",
            CompareOperator.NotEqual => "<>",
            CompareOperator.Less => "<",
            CompareOperator.LessOrEqual => "<=",
            CompareOperator.Greater => ">",
            _ => ">=",
        };
        var p = Parameter(Value(column, compare.Value));
        text.Append('(').Append(column.Name).Append(" IS NOT NULL AND ").Append(KindGuard(column, compare.Value))
            .Append(column.Name).Append(' ').Append(op).Append(' ').Append(p).Append(Collation(compare.Value, ordering)).Append(')');
    }

    /// <summary>
    /// SQLite converts between text and numbers when a column has a numeric or text affinity (<c>'4' = 4</c>); a value of
    /// another kind than the filter's must not satisfy it, so the stored value's type is checked first.
    /// </summary>
    private string KindGuard(SqlColumn column, object value)
    {
        if (dialect != SqlDialect.Sqlite || column.Convert is not null)
        {
            return string.Empty;
        }
        return FilterValues.KindOf(value.GetType()) switch
        {
            FilterValueKind.String => $"typeof({column.Name}) = 'text' AND ",
            FilterValueKind.Number => $"typeof({column.Name}) IN ('integer', 'real') AND ",
            _ => string.Empty,
        };
    }

    private void In(InFilter @in)
    {
        var column = mapping.ColumnOf(@in.Attribute);
        var values = @in.Values.Where(v => FilterValues.KindOf(v.GetType()) != FilterValueKind.Other).ToList();
        if (values.Count == 0)
        {
            text.Append(False);
            return;
        }
        // One IN list per kind of value, each behind its kind guard (SQLite).
        var groups = values.GroupBy(v => KindGuard(column, v), StringComparer.Ordinal).ToList();
        text.Append('(').Append(column.Name).Append(" IS NOT NULL AND ");
        if (groups.Count > 1)
        {
            text.Append('(');
        }
        for (var g = 0; g < groups.Count; g++)
        {
            text.Append(g > 0 ? " OR " : string.Empty);
            if (groups.Count > 1 && groups[g].Key.Length > 0)
            {
                text.Append('(');
            }
            text.Append(groups[g].Key).Append(column.Name);
            if (dialect == SqlDialect.Sqlite && groups[g].First() is string)
            {
                text.Append(" COLLATE BINARY");
            }
            text.Append(" IN (");
            var first = true;
            foreach (var value in groups[g])
            {
                text.Append(first ? string.Empty : ", ").Append(Parameter(Value(column, value)));
                first = false;
            }
            text.Append(')');
            if (groups.Count > 1 && groups[g].Key.Length > 0)
            {
                text.Append(')');
            }
        }
        text.Append(groups.Count > 1 ? "))" : ")");
    }

    /// <summary>
    /// Ordinal, case-sensitive matching. SQLite compares the UTF-8 bytes (<c>CAST(... AS BLOB)</c>): exact for every
    /// string, NUL and characters outside the BMP included (its <c>LIKE</c> ignores ASCII case). PostgreSQL uses
    /// <c>strpos</c>, <c>left</c> and <c>right</c>, which count characters.
    /// </summary>
    private void Match(StringMatchFilter match)
    {
        var c = mapping.ColumnOf(match.Attribute).Name;
        var p = Parameter(match.Value);
        text.Append('(').Append(c).Append(" IS NOT NULL AND ");
        text.Append((dialect, match.Match) switch
        {
            (SqlDialect.Sqlite, StringMatch.StartsWith) => $"instr(CAST({c} AS BLOB), CAST({p} AS BLOB)) = 1",
            // substr of an empty blob is NULL: the length tests keep it away, so the node stays two-valued
            (SqlDialect.Sqlite, StringMatch.EndsWith) =>
                $"length(CAST({c} AS BLOB)) >= length(CAST({p} AS BLOB)) AND (length(CAST({p} AS BLOB)) = 0 OR substr(CAST({c} AS BLOB), -length(CAST({p} AS BLOB))) = CAST({p} AS BLOB))",
            (SqlDialect.Sqlite, _) => $"instr(CAST({c} AS BLOB), CAST({p} AS BLOB)) > 0",
            (_, StringMatch.StartsWith) => $"left({c}, length({p})) = {p}",
            (_, StringMatch.EndsWith) => $"right({c}, length({p})) = {p}",
            _ => $"strpos({c}, {p}) > 0",
        });
        text.Append(')');
    }

    /// <summary>String comparisons are ordinal: SQLite's BINARY collation, PostgreSQL's "C" for ordering.</summary>
    private string Collation(object value, bool ordering) => value is string
        ? dialect == SqlDialect.Sqlite ? " COLLATE BINARY" : ordering ? " COLLATE \"C\"" : string.Empty
        : string.Empty;

    private object Value(SqlColumn column, object value)
    {
        if (column.Convert is not null)
        {
            return column.Convert(value);
        }
        return value switch
        {
            ulong u when u <= long.MaxValue => (long)u,
            ulong u => dialect == SqlDialect.PostgreSql ? (decimal)u : (double)u,
            DateTimeOffset t => t.ToUniversalTime(),
            _ => value,
        };
    }

    private string Parameter(object value)
    {
        var name = "@p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        parameters.Add(new SqlFilterParameter(name, value));
        return name;
    }
}
