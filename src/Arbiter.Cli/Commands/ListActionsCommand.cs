using System.CommandLine;
using System.Text.Json.Nodes;
using Arbiter.Cli.Input;
using Arbiter.Cli.Output;

namespace Arbiter.Cli.Commands;

/// <summary><c>arbiter list-actions USER OBJECT</c>: every relation of the object's type that the user has.</summary>
internal static class ListActionsCommand
{
    public static Command Create(CliContext context)
    {
        var user = new Argument<string>("user") { Description = "The user (subject): 'type:id', 'type:*' or 'type:id#relation'." };
        var @object = new Argument<string>("object") { Description = "The object: 'type:id'." };
        var input = new StoreInput();
        var json = Options.Json();
        var command = new Command("list-actions",
            "List every relation (action) of OBJECT's type that USER has, in model order.\n" +
            "Example: arbiter list-actions user:anne document:1 --store-file samples/documents/store.fga.yaml")
        {
            user, @object,
        };
        input.AddTo(command);
        command.Options.Add(json);
        CommandAction.Set(command, context, json, async (parseResult, cancellationToken) =>
        {
            var subject = RequestParser.Subject(parseResult.GetValue(user)!);
            var target = RequestParser.Object(parseResult.GetValue(@object)!);
            var extras = input.ReadRequestExtras(parseResult);
            await using var store = await input.LoadAsync(parseResult, context, cancellationToken).ConfigureAwait(false);
            RequestParser.Validate(store.Model, subject, relation: null, target);
            var request = new ListActionsRequest(subject, target)
            {
                Context = extras.Context,
                ContextualTuples = extras.ContextualTuples,
                SubjectAttributes = extras.SubjectAttributes,
                ObjectAttributes = extras.ObjectAttributes,
            };
            var actions = await store.Authorizer.ListActionsAsync(request, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, new JsonObject
                {
                    ["user"] = subject.ToString(),
                    ["object"] = target.ToString(),
                    ["actions"] = JsonOutput.Strings(actions),
                }).ConfigureAwait(false);
            }
            else
            {
                foreach (var action in actions)
                {
                    await context.Out.WriteLineAsync(action).ConfigureAwait(false);
                }
                if (actions.Count == 0)
                {
                    await context.Error.WriteLineAsync($"{subject} has no relation to {target}").ConfigureAwait(false);
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
