using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Arbiter.Cli.Input;
using Arbiter.Cli.Output;

namespace Arbiter.Cli.Commands;

/// <summary><c>arbiter list-objects USER RELATION TYPE</c>: every object of TYPE that USER has RELATION to, sorted and paged.</summary>
internal static class ListObjectsCommand
{
    public static Command Create(CliContext context)
    {
        var user = new Argument<string>("user") { Description = "The user (subject): 'type:id', 'type:*' or a userset 'type:id#relation', e.g. user:anne." };
        var relation = new Argument<string>("relation") { Description = "The relation or permission, e.g. can_view." };
        var type = new Argument<string>("type") { Description = "The type of the objects to list, e.g. document." };
        var pageSize = new Option<string?>("--page-size")
        {
            Description = "At most this many objects; the rest follow with --continuation-token. Default: all.",
            HelpName = "N",
        };
        var continuationToken = new Option<string?>("--continuation-token")
        {
            Description = "Continue an earlier listing after its last page: the token it printed (same user, relation and type).",
            HelpName = "TOKEN",
        };
        var input = new StoreInput();
        var json = Options.Json();
        var command = new Command("list-objects",
            "List every object of TYPE that USER has RELATION to, one per line, sorted by id. Exit code 0 (even when there are none),\n" +
            "1 when the listing failed during evaluation, 2 for bad input.\n" +
            "Example: arbiter list-objects user:anne can_view document --store-file samples/documents/store.fga.yaml")
        {
            user, relation, type,
        };
        command.Options.Add(pageSize);
        command.Options.Add(continuationToken);
        input.AddTo(command, objectAttributes: false);
        command.Options.Add(json);
        CommandAction.Set(command, context, json, async (parseResult, cancellationToken) =>
        {
            var subject = RequestParser.Subject(parseResult.GetValue(user)!);
            var relationName = parseResult.GetValue(relation)!;
            var objectType = parseResult.GetValue(type)!;
            var size = PageSize(parseResult.GetValue(pageSize));
            var token = parseResult.GetValue(continuationToken);
            if (token is { Length: 0 })
            {
                throw new CliInputException("invalid --continuation-token: it is empty");
            }
            var extras = input.ReadRequestExtras(parseResult);
            await using var store = await input.LoadAsync(parseResult, context, cancellationToken).ConfigureAwait(false);
            RequestParser.Validate(store.Model, subject, relationName, objectType);
            var request = new ListObjectsRequest(subject, relationName, objectType)
            {
                Context = extras.Context,
                ContextualTuples = extras.ContextualTuples,
                SubjectAttributes = extras.SubjectAttributes,
                PageSize = size,
                ContinuationToken = token,
            };
            var result = await store.Authorizer.ListObjectsAsync(request, cancellationToken).ConfigureAwait(false);
            EvaluationErrors.ThrowIfBadInput(result.Error);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, new JsonObject
                {
                    ["user"] = subject.ToString(),
                    ["relation"] = relationName,
                    ["type"] = objectType,
                    ["objects"] = JsonOutput.Strings(result.Objects.Select(static o => o.ToString())),
                    ["complete"] = result.IsComplete,
                    ["stopped"] = ListingOutput.Stopped(result.Stopped),
                    ["continuationToken"] = result.ContinuationToken,
                    ["modelId"] = result.ModelId,
                    ["revision"] = result.Revision,
                    ["error"] = ListingOutput.Error(result.Error),
                }).ConfigureAwait(false);
            }
            else if (result.Error is { } error)
            {
                await ListingOutput.WriteFailureAsync(context, error).ConfigureAwait(false);
            }
            else
            {
                var objects = result.Objects.Select(static o => o.ToString()).ToList();
                await ListingOutput.WriteHumanAsync(context, objects, "object", result.Stopped, result.ContinuationToken).ConfigureAwait(false);
            }
            return result.Error is null ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static int? PageSize(string? text)
    {
        if (text is null)
        {
            return null;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= 1
            ? size
            : throw new CliInputException($"invalid --page-size '{text}': expected a whole number of at least 1");
    }
}
