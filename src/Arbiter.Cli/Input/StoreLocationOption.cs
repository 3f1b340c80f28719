using System.CommandLine;
using Arbiter.Storage;

namespace Arbiter.Cli.Input;

/// <summary>
/// <c>--store</c> and <c>--store-id</c>: where the persistent store lives and which store in it. The default location is
/// <c>$ARBITER_STORE</c>, else <c>sqlite:arbiter.db</c> (a file in the current directory); the default id is
/// <c>$ARBITER_STORE_ID</c>, else <c>default</c>.
/// </summary>
internal sealed class StoreLocationOption
{
    public const string DefaultLocation = "sqlite:arbiter.db";

    public const string DefaultId = "default";

    public Option<string?> Location { get; } = new("--store")
    {
        Description = "The store's database: sqlite:PATH (the default is sqlite:arbiter.db, or $ARBITER_STORE), postgres:CONNECTION-STRING, or memory.",
        HelpName = "LOCATION",
    };

    public Option<string?> Id { get; } = new("--store-id")
    {
        Description = "The store inside that database (default: 'default', or $ARBITER_STORE_ID).",
        HelpName = "ID",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Location);
        command.Options.Add(Id);
    }

    /// <summary>Whether the command line names a store location.</summary>
    public bool IsGiven(ParseResult parseResult) => parseResult.GetValue(Location) is not null;

    public string LocationOf(ParseResult parseResult, CliContext context) =>
        parseResult.GetValue(Location) ?? context.Variable("ARBITER_STORE") ?? DefaultLocation;

    public string IdOf(ParseResult parseResult, CliContext context)
    {
        var id = parseResult.GetValue(Id) ?? context.Variable("ARBITER_STORE_ID") ?? DefaultId;
        return StoreIds.IsValidStoreId(id, out var error) ? id : throw new CliInputException($"invalid --store-id: {error}");
    }

    /// <summary>Opens the store provider the options name.</summary>
    /// <param name="parseResult">The command line.</param>
    /// <param name="context">The environment.</param>
    /// <param name="create">Whether a missing SQLite file is created (commands that write a model or create a store) or is an error.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public Task<IStore> OpenAsync(ParseResult parseResult, CliContext context, bool create, CancellationToken cancellationToken) =>
        StoreLocations.OpenAsync(LocationOf(parseResult, context), create, cancellationToken);
}
