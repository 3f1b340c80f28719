using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Arbiter.Cli.Commands;
using Arbiter.Cli.Input;
using Arbiter.Cli.Output;
using Arbiter.Storage;

namespace Arbiter.Cli.Store;

/// <summary><c>arbiter store create|list|delete|prune</c>: the stores in a database.</summary>
internal static class StoreCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("store", "Create, list, delete and prune stores (isolated sets of models, tuples and attributes) in a database.");
        command.Subcommands.Add(CreateCreate(context));
        command.Subcommands.Add(CreateList(context));
        command.Subcommands.Add(CreateDelete(context));
        command.Subcommands.Add(CreatePrune(context));
        return command;
    }

    private static Command CreateCreate(CliContext context)
    {
        var id = new Argument<string?>("id") { Description = "The store id (A-Z a-z 0-9 _ -); default: the --store-id, or 'default'.", Arity = ArgumentArity.ZeroOrOne };
        var name = new Option<string?>("--name") { Description = "A display name (default: the id).", HelpName = "NAME" };
        var location = new StoreLocationOption();
        var json = Options.Json();
        var command = new Command("create", "Create a store. Example: arbiter store create tenant-a --store sqlite:arbiter.db") { id, name };
        command.Options.Add(location.Location);
        command.Options.Add(json);
        CommandAction.Set(command, context, json, async (parseResult, cancellationToken) =>
        {
            var storeId = parseResult.GetValue(id) ?? location.IdOf(parseResult, context);
            await using var store = await location.OpenAsync(parseResult, context, create: true, cancellationToken).ConfigureAwait(false);
            var info = await store.CreateStoreAsync(storeId, parseResult.GetValue(name), cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, new JsonObject { ["id"] = info.Id, ["name"] = info.Name }).ConfigureAwait(false);
            }
            else
            {
                await context.Out.WriteLineAsync($"created store '{info.Id}'").ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateList(CliContext context)
    {
        var location = new StoreLocationOption();
        var json = Options.Json();
        var command = new Command("list", "List the stores in the database with their revisions.");
        command.Options.Add(location.Location);
        command.Options.Add(json);
        CommandAction.Set(command, context, json, async (parseResult, cancellationToken) =>
        {
            await using var store = await location.OpenAsync(parseResult, context, create: false, cancellationToken).ConfigureAwait(false);
            var rows = new JsonArray();
            foreach (var info in await store.ListStoresAsync(cancellationToken).ConfigureAwait(false))
            {
                var revision = await store.ReadRevisionAsync(info.Id, cancellationToken).ConfigureAwait(false);
                rows.Add(new JsonObject { ["id"] = info.Id, ["name"] = info.Name, ["revision"] = revision, ["createdAt"] = info.CreatedAt.ToString("O", CultureInfo.InvariantCulture) });
                if (!parseResult.GetValue(json))
                {
                    await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{info.Id}\trevision {revision}\t{info.Name}")).ConfigureAwait(false);
                }
            }
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, new JsonObject { ["stores"] = rows }).ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateDelete(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The store to delete, with all its models, tuples, attributes and changes." };
        var location = new StoreLocationOption();
        var json = Options.Json();
        var command = new Command("delete", "Delete a store and everything in it.") { id };
        command.Options.Add(location.Location);
        command.Options.Add(json);
        CommandAction.Set(command, context, json, async (parseResult, cancellationToken) =>
        {
            var storeId = parseResult.GetValue(id)!;
            await using var store = await location.OpenAsync(parseResult, context, create: false, cancellationToken).ConfigureAwait(false);
            if (!await store.DeleteStoreAsync(storeId, cancellationToken).ConfigureAwait(false))
            {
                throw new CliInputException($"store '{storeId}' does not exist");
            }
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, new JsonObject { ["deleted"] = storeId }).ConfigureAwait(false);
            }
            else
            {
                await context.Out.WriteLineAsync($"deleted store '{storeId}'").ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreatePrune(CliContext context)
    {
        var changesThrough = new Option<string?>("--changes-through")
        {
            Description = "Drop the change feed up to and including this revision (at most the store's revision). Engines behind it reload the whole state.",
            HelpName = "REVISION",
        };
        var keysOlderThan = new Option<string?>("--keys-older-than")
        {
            Description = "Forget idempotency keys recorded longer ago than this: 7d, 12h, 30m or 45s. A retry with a forgotten key writes again.",
            HelpName = "DURATION",
        };
        var location = new StoreLocationOption();
        var json = Options.Json();
        var command = new Command("prune",
            "Remove the oldest changes of the store's feed and old idempotency keys; the tuples, attributes, models and revision stay as they are.\n" +
            "Example: arbiter store prune --changes-through 1000 --keys-older-than 7d")
        {
            changesThrough, keysOlderThan,
        };
        location.AddTo(command);
        command.Options.Add(json);
        CommandAction.Set(command, context, json, async (parseResult, cancellationToken) =>
        {
            var prune = new StorePrune
            {
                ChangesThrough = parseResult.GetValue(changesThrough) is { } revision ? Revision(revision) : null,
                KeysOlderThan = parseResult.GetValue(keysOlderThan) is { } age ? Durations.Parse(age, "--keys-older-than") : null,
            };
            if (prune.ChangesThrough is null && prune.KeysOlderThan is null)
            {
                throw new CliInputException("nothing to prune: give --changes-through REVISION, --keys-older-than DURATION or both");
            }
            await using var session = await StoreSession.OpenAsync(location, parseResult, context, cancellationToken).ConfigureAwait(false);
            await session.RequireStoreAsync(cancellationToken).ConfigureAwait(false);
            var result = await session.Store.PruneAsync(session.StoreId, prune, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, new JsonObject
                {
                    ["store"] = session.StoreId,
                    ["changesRemoved"] = result.ChangesRemoved,
                    ["keysRemoved"] = result.KeysRemoved,
                    ["firstRevision"] = result.FirstRevision,
                }).ConfigureAwait(false);
            }
            else
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"pruned store '{session.StoreId}': {result.ChangesRemoved} changes removed (the feed starts at revision {result.FirstRevision}), {result.KeysRemoved} idempotency keys forgotten")).ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static long Revision(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : throw new CliInputException($"invalid --changes-through '{text}': give a revision, a whole number of at least 0");
}
