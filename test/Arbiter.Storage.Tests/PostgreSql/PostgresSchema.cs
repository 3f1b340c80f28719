using Arbiter.Storage.PostgreSql;
using Npgsql;

namespace Arbiter.Storage.Tests.PostgreSql;

/// <summary>
/// A fresh schema for one test class (a class fixture): a unique name, dropped with everything in it at the end, so that
/// test classes never see each other's stores. Without a server it does nothing (the tests skip).
/// </summary>
public sealed class PostgresSchema : IAsyncLifetime
{
    private readonly List<PostgreSqlStore> _stores = [];

    /// <summary>The schema's name.</summary>
    public string Name { get; } = "test_" + Guid.NewGuid().ToString("N")[..20];

    private readonly List<string> _extraSchemas = [];

    /// <summary>A further unique schema name, dropped with the fixture.</summary>
    public string NewSchemaName()
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..20];
        lock (_extraSchemas)
        {
            _extraSchemas.Add(name);
        }
        return name;
    }

    /// <summary>A store provider on this schema; disposed with the fixture.</summary>
    public PostgreSqlStore CreateStore(Action<PostgreSqlStoreOptions>? configure = null, string? schema = null)
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = PostgresTestEnvironment.RequireConnectionString(), Schema = schema ?? Name };
        configure?.Invoke(options);
        var store = new PostgreSqlStore(options);
        lock (_stores)
        {
            _stores.Add(store);
        }
        return store;
    }

    /// <summary>Runs SQL as the test role (for tests that look at or tamper with the tables).</summary>
    public static async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresTestEnvironment.RequireConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Drops a schema if it exists.</summary>
    public static Task DropAsync(string schema) => ScalarAsync($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
        if (PostgresTestEnvironment.ConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var name in _extraSchemas.Append(Name))
            {
                await DropAsync(name);
            }
        }
    }
}
