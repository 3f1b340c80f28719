using Arbiter.Storage.PostgreSql;
using Arbiter.Storage.Tests.Engine;

namespace Arbiter.Storage.Tests.PostgreSql;

/// <summary>
/// An engine following a <see cref="PostgreSqlStore"/>, each test in a schema of its own; the second provider is another
/// <see cref="PostgreSqlStore"/> on the same schema, as another server would be (it learns of commits by NOTIFY).
/// </summary>
public sealed class PostgreSqlEngineFollowerTests(PostgresSchema schemas) : EngineFollowerTests, IClassFixture<PostgresSchema>
{
    private string? _schema;

    /// <summary>Why the tests are skipped (read by <see cref="Support.StoreFactDiscoverer"/>).</summary>
    public static string? SkipReason => PostgresTestEnvironment.SkipReason;

    protected override ValueTask<IStore> OpenProviderAsync()
    {
        _schema ??= schemas.NewSchemaName();
        return ValueTask.FromResult<IStore>(new PostgreSqlStore(Options()));
    }

    // owned by the fixture, which disposes it at the end of the class
    protected override ValueTask<IStore> OpenSecondProviderAsync(IStore first) =>
        ValueTask.FromResult<IStore>(schemas.CreateStore(o => o.PollInterval = TimeSpan.FromMilliseconds(200), _schema));

    private PostgreSqlStoreOptions Options() => new()
    {
        ConnectionString = PostgresTestEnvironment.RequireConnectionString(),
        Schema = _schema!,
        PollInterval = TimeSpan.FromMilliseconds(200),
    };
}
