namespace Arbiter.Filtering;

/// <summary>The SQL dialects <see cref="FilterExtensions.ToSql"/> writes.</summary>
public enum SqlDialect
{
    /// <summary>SQLite 3.38 or later (JSON functions built in), as Microsoft.Data.Sqlite binds parameters.</summary>
    Sqlite,

    /// <summary>PostgreSQL 12 or later, as Npgsql binds parameters (arrays for id sets).</summary>
    PostgreSql,
}
