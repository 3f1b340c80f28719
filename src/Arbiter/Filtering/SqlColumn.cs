namespace Arbiter.Filtering;

/// <summary>An attribute's column.</summary>
/// <param name="Name">The column, quoted.</param>
/// <param name="Convert">Converts a filter value to the column's stored form, or <see langword="null"/>.</param>
public sealed record SqlColumn(string Name, Func<object, object>? Convert);
