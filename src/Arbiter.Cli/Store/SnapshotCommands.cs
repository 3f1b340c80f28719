using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Arbiter.Cli.Commands;
using Arbiter.Cli.Input;
using Arbiter.Cli.Output;
using Arbiter.Storage;

namespace Arbiter.Cli.Store;

/// <summary><c>arbiter export</c> and <c>arbiter import</c>: a store's whole state at one revision as a snapshot file.</summary>
internal static class SnapshotCommands
{
    public static Command CreateExport(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The snapshot file to write (replaced atomically when it exists)." };
        var compact = new Option<bool>("--compact") { Description = "Write the JSON on one line instead of one tuple per line." };
        var location = new StoreLocationOption();
        var json = Options.Json();
        var command = new Command("export",
            "Write the store's whole state at one revision (model, tuples, attributes, revision, content hash) to a JSON snapshot.\n" +
            "Example: arbiter export backup.json --store sqlite:arbiter.db")
        {
            file, compact,
        };
        location.AddTo(command);
        command.Options.Add(json);
        CommandAction.Set(command, context, json, async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            await using var session = await StoreSession.OpenAsync(location, parseResult, context, cancellationToken).ConfigureAwait(false);
            await session.RequireStoreAsync(cancellationToken).ConfigureAwait(false);
            SnapshotInfo info;
            try
            {
                info = await StoreSnapshot.ExportAsync(session.Store, session.StoreId, path,
                    new SnapshotExportOptions { Indented = !parseResult.GetValue(compact) }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliInputException($"cannot write {path}: {ex.Message}");
            }
            await WriteAsync(context, parseResult.GetValue(json), info, $"exported store '{info.StoreId}' to {path}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateImport(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The snapshot file." };
        var verifyOnly = new Option<bool>("--verify-only") { Description = "Check the file (format, counts, content hash) and import nothing." };
        var location = new StoreLocationOption();
        var json = Options.Json();
        var command = new Command("import",
            "Import a snapshot into an empty store (created when missing; default id: the snapshot's). A damaged or tampered\n" +
            "file is refused and nothing is imported. Example: arbiter import backup.json --store postgres:'Host=...'")
        {
            file, verifyOnly,
        };
        location.AddTo(command);
        command.Options.Add(json);
        CommandAction.Set(command, context, json, async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliInputException($"snapshot file not found: {path}");
            }
            var info = await StoreSnapshot.VerifyAsync(path, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(verifyOnly))
            {
                await WriteAsync(context, parseResult.GetValue(json), info, $"{path} is a valid snapshot of store '{info.StoreId}'").ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var storeId = parseResult.GetValue(location.Id) ?? info.StoreId;
            await using var store = await StoreLocations.OpenAsync(location.LocationOf(parseResult, context), create: true, cancellationToken).ConfigureAwait(false);
            var created = false;
            if (await store.GetStoreAsync(storeId, cancellationToken).ConfigureAwait(false) is null)
            {
                await store.CreateStoreAsync(storeId, info.StoreName, cancellationToken).ConfigureAwait(false);
                created = true;
            }
            try
            {
                info = await StoreSnapshot.ImportAsync(store, storeId, path, cancellationToken).ConfigureAwait(false);
            }
            catch when (created)
            {
                await store.DeleteStoreAsync(storeId, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
            await WriteAsync(context, parseResult.GetValue(json), info, $"imported {path} into store '{storeId}'").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task WriteAsync(CliContext context, bool json, SnapshotInfo info, string headline)
    {
        if (json)
        {
            await JsonOutput.WriteAsync(context, new JsonObject
            {
                ["store"] = info.StoreId,
                ["revision"] = info.Revision,
                ["modelId"] = info.ModelId,
                ["tuples"] = info.TupleCount,
                ["attributes"] = info.AttributeCount,
                ["hash"] = info.Hash,
                ["formatVersion"] = info.FormatVersion,
            }).ConfigureAwait(false);
            return;
        }
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{headline}: revision {info.Revision}, model {info.ModelId ?? "(none)"}, {info.TupleCount} tuples, {info.AttributeCount} attribute entries, {info.Hash}")).ConfigureAwait(false);
    }
}
