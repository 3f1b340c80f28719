namespace Arbiter.Filtering;

/// <summary>
/// The columns a <see cref="FilterExtensions.ToSql"/> condition reads: the id column and one column per attribute.
/// Column names are plain identifiers (letters, digits, <c>_</c>; optionally qualified: <c>d.department</c>), written
/// quoted (<c>"d"."department"</c>), so they match case-sensitively on PostgreSQL; anything else is refused.
/// </summary>
public sealed class SqlMapping
{
    private readonly Dictionary<string, SqlColumn> columns = new(StringComparer.Ordinal);

    /// <summary>Creates a mapping.</summary>
    /// <param name="idColumn">The id column (not null in every row).</param>
    /// <param name="idType">The id column's type.</param>
    /// <exception cref="ArgumentException">The column name is not a plain identifier.</exception>
    public SqlMapping(string idColumn, SqlIdType idType = SqlIdType.Text)
    {
        IdColumn = Quote(idColumn, nameof(idColumn));
        IdType = idType;
    }

    /// <summary>The id column, quoted.</summary>
    public string IdColumn { get; }

    /// <summary>The id column's type.</summary>
    /// <value>Default: <see cref="SqlIdType.Text"/>.</value>
    public SqlIdType IdType { get; }

    /// <summary>The attribute columns.</summary>
    public IReadOnlyDictionary<string, SqlColumn> Columns => columns;

    /// <summary>Maps an attribute to a column.</summary>
    /// <param name="attribute">The attribute name, as the filter spells it.</param>
    /// <param name="column">The column name.</param>
    /// <param name="convert">
    /// Converts a filter value to the column's stored form before it becomes a parameter (e.g. a
    /// <see cref="DateTimeOffset"/> to ticks when the column stores ticks); the default keeps it.
    /// </param>
    /// <returns>This mapping.</returns>
    /// <exception cref="ArgumentException">The column name is not a plain identifier.</exception>
    public SqlMapping Column(string attribute, string column, Func<object, object>? convert = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(attribute);
        columns[attribute] = new SqlColumn(Quote(column, nameof(column)), convert);
        return this;
    }

    /// <summary>The column of an attribute.</summary>
    internal SqlColumn ColumnOf(string attribute) => columns.TryGetValue(attribute, out var column)
        ? column
        : throw new InvalidOperationException($"The filter reads the attribute '{attribute}', and the SQL mapping has no column for it; map one with SqlMapping.Column(\"{attribute}\", ...).");

    private static string Quote(string name, string parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, parameter);
        var parts = name.Split('.');
        if (parts.Length > 3 || !parts.All(IsPlainIdentifier))
        {
            throw new ArgumentException("A column name must be a plain identifier (letters, digits and '_', not starting with a digit), optionally qualified with '.'.", parameter);
        }
        return string.Join('.', parts.Select(p => "\"" + p + "\""));
    }

    private static bool IsPlainIdentifier(string part) =>
        part.Length is > 0 and <= 63 && (char.IsAsciiLetter(part[0]) || part[0] == '_') && part.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
