using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Arbiter.Cli.Commands;
using Arbiter.Cli.Input;
using Arbiter.Cli.Output;
using Arbiter.Testing;

namespace Arbiter.Cli.Store;

/// <summary><c>arbiter model write FILE</c>: validates a model and stores it as the store's newest version (creating the store when needed).</summary>
internal static class ModelWriteCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The model: OpenFGA DSL (.fga) or OpenFGA JSON (.json)." };
        var location = new StoreLocationOption();
        var json = Options.Json();
        var command = new Command("write",
            "Validate a model and store it as the newest model version of the store (the store is created if it does not exist).\n" +
            "Prints the version id and the revision. Example: arbiter model write model.fga --store sqlite:arbiter.db")
        {
            file,
        };
        location.AddTo(command);
        command.Options.Add(json);
        CommandAction.Set(command, context, json, async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            var loaded = ModelSource.LoadFile(path);
            if (!loaded.Success)
            {
                throw new CliInputException($"cannot load model {path}", loaded.Diagnostics);
            }
            // compile it once, so a model the engine refuses never reaches the store
            _ = AuthorizationEngine.Create(loaded.Model!);
            await using var session = await StoreSession.OpenAsync(location, parseResult, context, cancellationToken, create: true).ConfigureAwait(false);
            var created = false;
            if (await session.Store.GetStoreAsync(session.StoreId, cancellationToken).ConfigureAwait(false) is null)
            {
                await session.Store.CreateStoreAsync(session.StoreId, cancellationToken: cancellationToken).ConfigureAwait(false);
                created = true;
            }
            var stored = await session.Store.WriteModelAsync(session.StoreId, loaded.Model!, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, new JsonObject
                {
                    ["store"] = session.StoreId,
                    ["storeCreated"] = created,
                    ["modelId"] = stored.Id,
                    ["revision"] = stored.Revision,
                }).ConfigureAwait(false);
            }
            else
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{(created ? $"created store '{session.StoreId}' in {session.Location}; " : string.Empty)}model {stored.Id} written at revision {stored.Revision}")).ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
