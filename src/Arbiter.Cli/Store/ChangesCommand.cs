using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Arbiter.Cli.Commands;
using Arbiter.Cli.Input;
using Arbiter.Cli.Output;
using Arbiter.Storage;

namespace Arbiter.Cli.Store;

/// <summary><c>arbiter changes</c>: the store's change feed.</summary>
internal static class ChangesCommand
{
    public static Command Create(CliContext context)
    {
        var after = new Option<string?>("--after") { Description = "Only changes after this revision (default 0: from the start).", HelpName = "REVISION" };
        var limit = new Option<string?>("--limit") { Description = "At most this many revisions (default 100).", HelpName = "N" };
        var location = new StoreLocationOption();
        var json = Options.Json();
        var command = new Command("changes",
            "Print the store's committed writes in revision order: '+' a tuple written, '-' deleted, attributes set or cleared, a model version.\n" +
            "Example: arbiter changes --after 10")
        {
            after, limit,
        };
        location.AddTo(command);
        command.Options.Add(json);
        CommandAction.Set(command, context, json, async (parseResult, cancellationToken) =>
        {
            var from = Number(parseResult.GetValue(after), "--after", 0, 0);
            var most = (int)Number(parseResult.GetValue(limit), "--limit", 100, 1);
            await using var session = await StoreSession.OpenAsync(location, parseResult, context, cancellationToken).ConfigureAwait(false);
            await session.RequireStoreAsync(cancellationToken).ConfigureAwait(false);
            var changes = await session.Store.ReadChangesAsync(session.StoreId, from, most, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, new JsonObject { ["changes"] = new JsonArray([.. changes.Select(Json)]) }).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            foreach (var change in changes)
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"revision {change.Revision}  {change.CommittedAt:yyyy-MM-dd'T'HH:mm:ss.fffZ}")).ConfigureAwait(false);
                if (change.ModelId is { } model)
                {
                    await context.Out.WriteLineAsync($"  model {model}").ConfigureAwait(false);
                }
                foreach (var t in change.Written)
                {
                    await context.Out.WriteLineAsync("  + " + StoreJson.Text(t)).ConfigureAwait(false);
                }
                foreach (var t in change.Deleted)
                {
                    await context.Out.WriteLineAsync("  - " + StoreJson.Text(t)).ConfigureAwait(false);
                }
                foreach (var a in change.AttributesSet)
                {
                    await context.Out.WriteLineAsync($"  attributes of {a.Entity} set").ConfigureAwait(false);
                }
                foreach (var e in change.AttributesCleared)
                {
                    await context.Out.WriteLineAsync($"  attributes of {e} cleared").ConfigureAwait(false);
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static JsonNode Json(StoreChange change) => new JsonObject
    {
        ["revision"] = change.Revision,
        ["committedAt"] = change.CommittedAt.ToString("O", CultureInfo.InvariantCulture),
        ["modelId"] = change.ModelId,
        ["written"] = new JsonArray([.. change.Written.Select(StoreJson.Tuple)]),
        ["deleted"] = new JsonArray([.. change.Deleted.Select(StoreJson.Tuple)]),
        ["attributesSet"] = new JsonArray([.. change.AttributesSet.Select(static a => (JsonNode)new JsonObject { ["entity"] = a.Entity.ToString(), ["values"] = JsonOutput.Object(a.Values) })]),
        ["attributesCleared"] = JsonOutput.Strings(change.AttributesCleared.Select(static e => e.ToString())),
    };

    private static long Number(string? text, string option, long fallback, long min)
    {
        if (text is null)
        {
            return fallback;
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= int.MaxValue
            ? n : throw new CliInputException($"invalid {option} '{text}': give a whole number of at least {min}");
    }
}
