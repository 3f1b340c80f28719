using Arbiter.Storage.PostgreSql;

namespace Arbiter.Storage.Tests.PostgreSql;

/// <summary>
/// The store contract on <see cref="PostgreSqlStore"/>, each test in a schema of its own. Skipped with a message when
/// <c>ARBITER_POSTGRES</c> is unset outside CI; with <c>ARBITER_REQUIRE_POSTGRES=1</c> and no server every test fails saying why.
/// </summary>
public sealed class PostgreSqlStoreContractTests(PostgresSchema schemas) : StoreContractTests, IClassFixture<PostgresSchema>
{
    private string? _schema;

    /// <summary>Why the contract tests are skipped (read by <see cref="Support.StoreFactDiscoverer"/>).</summary>
    public static string? SkipReason => PostgresTestEnvironment.SkipReason;

    protected override ValueTask<IStore> OpenProviderAsync(int maxWriteOperations, TimeProvider time)
    {
        _schema ??= schemas.NewSchemaName();
        return ValueTask.FromResult<IStore>(new PostgreSqlStore(new PostgreSqlStoreOptions
        {
            ConnectionString = PostgresTestEnvironment.RequireConnectionString(),
            Schema = _schema,
            MaxWriteOperations = maxWriteOperations,
            PollInterval = TimeSpan.FromMilliseconds(200),
            TimeProvider = time,
        }));
    }
}
