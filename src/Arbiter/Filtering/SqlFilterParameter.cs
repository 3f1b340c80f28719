namespace Arbiter.Filtering;

/// <summary>A parameter of a <see cref="SqlFilter"/>.</summary>
/// <param name="Name">The name, as the SQL text has it: <c>@p0</c>.</param>
/// <param name="Value">
/// The value (never null): a string, number, boolean, <see cref="DateTimeOffset"/> in UTC, <see cref="TimeSpan"/>, the
/// result of a column's converter; for an id set, a JSON array text (SQLite) or an array (PostgreSQL).
/// </param>
public sealed record SqlFilterParameter(string Name, object Value);
