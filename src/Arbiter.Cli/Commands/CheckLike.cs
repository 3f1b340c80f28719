using System.CommandLine;
using System.Text.Json.Nodes;
using Arbiter.Cli.Input;
using Arbiter.Cli.Output;

namespace Arbiter.Cli.Commands;

/// <summary>What <c>check</c> and <c>explain</c> share: the arguments, loading and the decision's exit code.</summary>
internal static class CheckLike
{
    public static Command Create(CliContext context, string name, string description, bool explain)
    {
        var user = new Argument<string>("user") { Description = "The user (subject): 'type:id', 'type:*' or a userset 'type:id#relation', e.g. user:anne." };
        var relation = new Argument<string>("relation") { Description = "The relation or permission, e.g. viewer." };
        var @object = new Argument<string>("object") { Description = "The object: 'type:id', e.g. document:1." };
        var input = new StoreInput();
        var json = Options.Json();
        var command = new Command(name, description) { user, relation, @object };
        input.AddTo(command);
        command.Options.Add(json);
        var showValues = new Option<bool>("--show-values")
        {
            Description = "Show the values of condition inputs and tuple contexts in the explanation (redacted as *** by default).",
        };
        if (explain)
        {
            command.Options.Add(showValues);
        }
        CommandAction.Set(command, context, json, async (parseResult, cancellationToken) =>
        {
            var subject = RequestParser.Subject(parseResult.GetValue(user)!);
            var relationName = parseResult.GetValue(relation)!;
            var target = RequestParser.Object(parseResult.GetValue(@object)!);
            var extras = input.ReadRequestExtras(parseResult);
            await using var store = await input.LoadAsync(parseResult, context, cancellationToken).ConfigureAwait(false);
            RequestParser.Validate(store.Model, subject, relationName, target);
            var request = new CheckRequest(subject, relationName, target)
            {
                Context = extras.Context,
                ContextualTuples = extras.ContextualTuples,
                SubjectAttributes = extras.SubjectAttributes,
                ObjectAttributes = extras.ObjectAttributes,
                Explain = explain,
                ExplainValues = explain && parseResult.GetValue(showValues),
            };
            var decision = await store.Authorizer.CheckAsync(request, cancellationToken).ConfigureAwait(false);
            EvaluationErrors.ThrowIfBadInput(decision.Error);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, DecisionOutput.ToJson(request, decision, explain)).ConfigureAwait(false);
            }
            else
            {
                await DecisionOutput.WriteHumanAsync(context, request, decision, explain).ConfigureAwait(false);
            }
            return decision.Allowed ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
