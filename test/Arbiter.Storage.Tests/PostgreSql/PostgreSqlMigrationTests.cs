using Arbiter.Storage.PostgreSql;
using Arbiter.Storage.Tests.Support;

namespace Arbiter.Storage.Tests.PostgreSql;

public sealed class PostgreSqlMigrationTests(PostgresSchema schema) : IClassFixture<PostgresSchema>
{
    [PostgresFact]
    public async Task FirstUse_CreatesSchemaAndRecordsVersion()
    {
        await using var store = schema.CreateStore();

        await store.ListStoresAsync();

        (await PostgresSchema.ScalarAsync($"SELECT max(version) FROM \"{schema.Name}\".schema_migrations")).ShouldBe(PostgreSqlMigrations.All.Count);
    }

    [PostgresFact]
    public async Task ManyServersStartingAtOnce_MigrateOnce()
    {
        var name = schema.Name + "_race";
        try
        {
            var stores = Enumerable.Range(0, 8).Select(_ => schema.CreateStore(schema: name)).ToList();

            await Task.WhenAll(stores.Select(s => s.ListStoresAsync().AsTask()));

            (await PostgresSchema.ScalarAsync($"SELECT count(*) FROM \"{name}\".schema_migrations")).ShouldBe((long)PostgreSqlMigrations.All.Count);
        }
        finally
        {
            await PostgresSchema.DropAsync(name);
        }
    }

    [PostgresFact]
    public async Task Version1_IdempotencyKeys_GetTheUpgradeTime_AndPruneByAge()
    {
        var name = schema.Name + "_v1";
        var s = PostgreSqlMigrations.Quote(name);
        try
        {
            await PostgresSchema.ScalarAsync(
                $"CREATE SCHEMA {s}; CREATE TABLE {s}.schema_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());\n"
                + PostgreSqlMigrations.All[0].Replace("{s}", s, StringComparison.Ordinal)
                + $";\nINSERT INTO {s}.schema_migrations (version) VALUES (1);"
                + $"INSERT INTO {s}.stores (id, name, created_at, revision) VALUES ('s', 's', now(), 1);"
                + $"INSERT INTO {s}.idempotency (store, key, fingerprint, revision) VALUES ('s', 'old', 'x', 1);");
            var clock = new ManualClock(DateTimeOffset.UtcNow.AddDays(1));
            await using var store = schema.CreateStore(o => o.TimeProvider = clock, schema: name);

            (await store.WriteAsync("s", new StoreWrite { Writes = [RelationshipTuple.Parse("document:1#viewer@user:anne")], IdempotencyKey = "new" })).Revision.ShouldBe(2);
            (await PostgresSchema.ScalarAsync($"SELECT max(version) FROM {s}.schema_migrations")).ShouldBe(PostgreSqlMigrations.All.Count);
            (await store.PruneAsync("s", new StorePrune { KeysOlderThan = TimeSpan.FromHours(12) })).KeysRemoved.ShouldBe(1);

            (await PostgresSchema.ScalarAsync($"SELECT string_agg(key, ',') FROM {s}.idempotency")).ShouldBe("new");
        }
        finally
        {
            await PostgresSchema.DropAsync(name);
        }
    }

    [PostgresFact]
    public async Task NewerSchemaVersion_IsRefusedAsNotTransient()
    {
        var name = schema.Name + "_new";
        try
        {
            await using (var first = schema.CreateStore(schema: name))
            {
                await first.ListStoresAsync();
            }
            await PostgresSchema.ScalarAsync($"INSERT INTO \"{name}\".schema_migrations (version) VALUES ({PostgreSqlMigrations.All.Count + 1})");
            await using var store = schema.CreateStore(schema: name);

            var error = await Should.ThrowAsync<ArbiterStorageException>(() => store.ListStoresAsync().AsTask());

            error.IsTransient.ShouldBeFalse();
            error.Message.ShouldContain("upgrade Arbiter");
        }
        finally
        {
            await PostgresSchema.DropAsync(name);
        }
    }

    [PostgresFact]
    public async Task DatabaseDown_IsTransientStorageError_WithoutPassword()
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(PostgresTestEnvironment.RequireConnectionString()) { Port = 1, Timeout = 2 };
        await using var store = new PostgreSqlStore(new PostgreSqlStoreOptions { ConnectionString = builder.ConnectionString });
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = await Should.ThrowAsync<ArbiterStorageException>(() => store.ReadRevisionAsync("s").AsTask());

        error.IsTransient.ShouldBeTrue();
        error.Code.ShouldBe(ArbiterErrorCode.StorageError);
        error.Message.ShouldNotContain(builder.Password!);
        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Options_AreValidated()
    {
        Should.Throw<ArgumentException>(() => new PostgreSqlStore(new PostgreSqlStoreOptions()));
        Should.Throw<ArgumentException>(() => new PostgreSqlStore(new PostgreSqlStoreOptions { ConnectionString = "Host=x", Schema = "Bad-Name" }));
        Should.Throw<ArgumentException>(() => new PostgreSqlStore(new PostgreSqlStoreOptions { ConnectionString = "Host=x", PollInterval = TimeSpan.Zero }));
        Should.Throw<ArgumentException>(() => new PostgreSqlStore(new PostgreSqlStoreOptions { ConnectionString = "Host=x", CopyThreshold = 0 }));
        Should.Throw<ArgumentException>(() => new PostgreSqlStore(new PostgreSqlStoreOptions { ConnectionString = "Host=x", MaxWriteOperations = 0 }));
    }

    [Fact]
    public async Task Description_NamesServerWithoutPassword()
    {
        await using var store = new PostgreSqlStore(new PostgreSqlStoreOptions { ConnectionString = "Host=db;Port=5433;Username=u;Password=secret;Database=d" });

        store.Description.ShouldBe("postgresql:host=db;port=5433;database=d;schema=arbiter");
    }
}
