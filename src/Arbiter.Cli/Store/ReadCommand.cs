using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Arbiter.Cli.Commands;
using Arbiter.Cli.Input;
using Arbiter.Cli.Output;
using Arbiter.Storage;

namespace Arbiter.Cli.Store;

/// <summary><c>arbiter read</c>: the stored tuples that match filters, in key order.</summary>
internal static class ReadCommand
{
    public static Command Create(CliContext context)
    {
        var @object = new Option<string?>("--object") { Description = "Only tuples of this object, 'type:id'.", HelpName = "OBJECT" };
        var type = new Option<string?>("--type") { Description = "Only tuples of objects of this type.", HelpName = "TYPE" };
        var relation = new Option<string?>("--relation") { Description = "Only tuples of this relation.", HelpName = "RELATION" };
        var user = new Option<string?>("--user") { Description = "Only tuples of exactly this user: 'type:id', 'type:*' or 'type:id#relation'.", HelpName = "USER" };
        var limit = new Option<string?>("--limit") { Description = "At most this many tuples (the rest follow with --continuation-token). Default: all.", HelpName = "N" };
        var token = new Option<string?>("--continuation-token") { Description = "Continue after the last tuple an earlier read printed.", HelpName = "TOKEN" };
        var location = new StoreLocationOption();
        var json = Options.Json();
        var command = new Command("read", "Print the stored tuples that match the filters, one per line, in key order.\nExample: arbiter read --object document:1")
        {
            @object, type, relation, user, limit, token,
        };
        location.AddTo(command);
        command.Options.Add(json);
        CommandAction.Set(command, context, json, async (parseResult, cancellationToken) =>
        {
            var query = new TupleQuery { Relation = parseResult.GetValue(relation), ContinuationToken = parseResult.GetValue(token) };
            if (parseResult.GetValue(@object) is { } objectText)
            {
                var target = RequestParser.Object(objectText);
                query = query with { ObjectType = target.Type, ObjectId = target.Id };
            }
            if (parseResult.GetValue(type) is { } typeName)
            {
                query = query.ObjectType is null || query.ObjectType == typeName
                    ? query with { ObjectType = typeName }
                    : throw new CliInputException($"--type '{typeName}' contradicts --object of type '{query.ObjectType}'");
            }
            if (parseResult.GetValue(user) is { } userText)
            {
                query = query with { Subject = RequestParser.Subject(userText) };
            }
            int? max = null;
            if (parseResult.GetValue(limit) is { } limitText)
            {
                max = int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
                    ? n : throw new CliInputException($"invalid --limit '{limitText}': give a whole number of at least 1");
            }
            await using var session = await StoreSession.OpenAsync(location, parseResult, context, cancellationToken).ConfigureAwait(false);
            await session.RequireStoreAsync(cancellationToken).ConfigureAwait(false);
            var tuples = new List<RelationshipTuple>();
            string? next;
            while (true)
            {
                var page = await session.Store.ReadTuplesAsync(session.StoreId, query with { Limit = Math.Min(StoreQueries.MaxPageSize, max is { } m ? m - tuples.Count : StoreQueries.MaxPageSize) }, cancellationToken).ConfigureAwait(false);
                tuples.AddRange(page.Tuples);
                next = page.ContinuationToken;
                if (next is null || (max is { } most && tuples.Count >= most))
                {
                    break;
                }
                query = query with { ContinuationToken = next };
            }
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, new JsonObject
                {
                    ["tuples"] = new JsonArray([.. tuples.Select(StoreJson.Tuple)]),
                    ["continuationToken"] = next,
                }).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            foreach (var tuple in tuples)
            {
                await context.Out.WriteLineAsync(StoreJson.Text(tuple)).ConfigureAwait(false);
            }
            if (next is not null)
            {
                await context.Error.WriteLineAsync($"more tuples follow: --continuation-token {next}").ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
