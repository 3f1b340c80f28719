namespace Arbiter.Benchmarks;

/// <summary>The store providers the storage benchmarks run against.</summary>
public enum StoreKind
{
    /// <summary>A SQLite file in the temp directory (WAL, <c>synchronous=FULL</c>, as <c>SqliteStore</c> sets them).</summary>
    Sqlite,

    /// <summary>The PostgreSQL server named by <c>ARBITER_POSTGRES</c>, in a schema of its own.</summary>
    PostgreSql,
}
