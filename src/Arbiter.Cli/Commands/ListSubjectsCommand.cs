using System.CommandLine;
using System.Text.Json.Nodes;
using Arbiter.Cli.Input;
using Arbiter.Cli.Output;

namespace Arbiter.Cli.Commands;

/// <summary><c>arbiter list-subjects OBJECT RELATION --filter KIND</c>: the subjects of the filters' kinds that have RELATION to OBJECT.</summary>
internal static class ListSubjectsCommand
{
    public static Command Create(CliContext context)
    {
        var @object = new Argument<string>("object") { Description = "The object: 'type:id', e.g. document:roadmap." };
        var relation = new Argument<string>("relation") { Description = "The relation or permission, e.g. can_view." };
        var filter = new Option<string[]>("--filter", "-f")
        {
            Description = "The kind of subjects to list: a type ('user': users, and 'user:*' for public access) or a userset ('group#member'). " +
                "Repeatable, or comma-separated ('user,group#member'); at least one is needed.",
            HelpName = "KIND",
        };
        var input = new StoreInput();
        var json = Options.Json();
        var command = new Command("list-subjects",
            "List the subjects of the --filter kinds that have RELATION to OBJECT, one per line (users and 'type:*' by type and id,\n" +
            "then usersets). Exit code 0 (even when there are none), 1 when the listing failed during evaluation, 2 for bad input.\n" +
            "Example: arbiter list-subjects document:roadmap can_view --filter user --store-file samples/documents/store.fga.yaml")
        {
            @object, relation,
        };
        command.Options.Add(filter);
        input.AddTo(command, subjectAttributes: false);
        command.Options.Add(json);
        CommandAction.Set(command, context, json, async (parseResult, cancellationToken) =>
        {
            var target = RequestParser.Object(parseResult.GetValue(@object)!);
            var relationName = parseResult.GetValue(relation)!;
            var filters = RequestParser.Filters(parseResult.GetValue(filter) ?? []);
            var extras = input.ReadRequestExtras(parseResult);
            await using var store = await input.LoadAsync(parseResult, context, cancellationToken).ConfigureAwait(false);
            RequestParser.Validate(store.Model, relationName, target);
            RequestParser.Validate(store.Model, filters);
            var request = new ListSubjectsRequest(target, relationName, filters)
            {
                Context = extras.Context,
                ContextualTuples = extras.ContextualTuples,
                ObjectAttributes = extras.ObjectAttributes,
            };
            var result = await store.Authorizer.ListSubjectsAsync(request, cancellationToken).ConfigureAwait(false);
            EvaluationErrors.ThrowIfBadInput(result.Error);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, new JsonObject
                {
                    ["object"] = target.ToString(),
                    ["relation"] = relationName,
                    ["filters"] = JsonOutput.Strings(filters.Select(static f => f.ToString())),
                    ["subjects"] = JsonOutput.Strings(result.Subjects.Select(static s => s.ToString())),
                    ["complete"] = result.IsComplete,
                    ["stopped"] = ListingOutput.Stopped(result.Stopped),
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
                var subjects = result.Subjects.Select(static s => s.ToString()).ToList();
                await ListingOutput.WriteHumanAsync(context, subjects, "subject", result.Stopped, continuationToken: null).ConfigureAwait(false);
            }
            return result.Error is null ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
