using Arbiter.Storage;
using Arbiter.Storage.PostgreSql;
using Arbiter.Storage.Sqlite;

namespace Arbiter.Cli.Input;

/// <summary>Turns a store location (<c>sqlite:PATH</c>, <c>postgres:CONNECTION-STRING</c>, <c>memory</c>) into a provider.</summary>
internal static class StoreLocations
{
    /// <summary>Opens the provider; with <paramref name="create"/> <see langword="false"/> a SQLite file must exist (reading never creates one).</summary>
    public static async Task<IStore> OpenAsync(string location, bool create, CancellationToken cancellationToken)
    {
        if (string.Equals(location, "memory", StringComparison.Ordinal))
        {
            return new InMemoryStore();
        }
        var colon = location.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon < 0 ? location : location[..colon];
        var rest = colon < 0 ? string.Empty : location[(colon + 1)..];
        switch (scheme)
        {
            case "sqlite" when rest.Length > 0 && !create && !File.Exists(rest):
                throw new CliInputException(
                    $"there is no store database at {rest}: create one with 'arbiter model write FILE' (--store {location}), or decide from files with --model FILE or --store-file FILE");
            case "sqlite" when rest.Length > 0:
                return await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = rest }, cancellationToken).ConfigureAwait(false);
            case "postgres" or "postgresql" when rest.Length > 0:
                try
                {
                    return new PostgreSqlStore(new PostgreSqlStoreOptions { ConnectionString = rest });
                }
                catch (ArgumentException ex)
                {
                    throw new CliInputException($"invalid --store '{Redact(location)}': {ex.Message}");
                }
            case "sqlite" or "postgres" or "postgresql":
                throw new CliInputException($"invalid --store '{scheme}:': give {(scheme == "sqlite" ? "a file path, e.g. sqlite:arbiter.db" : "a connection string, e.g. 'postgres:Host=127.0.0.1;Username=arbiter;Password=...;Database=arbiter'")}");
            default:
                throw new CliInputException($"invalid --store '{Redact(location)}': use sqlite:PATH, postgres:CONNECTION-STRING or memory");
        }
    }

    /// <summary>A location safe to print: a PostgreSQL password is replaced by ***.</summary>
    public static string Redact(string location) =>
        System.Text.RegularExpressions.Regex.Replace(location, "(?i)(password|pwd)=[^;]*", "$1=***");
}
