using System.Text.Json.Nodes;

namespace Arbiter.Cli.Output;

/// <summary>Writes a check decision, with its explanation tree when asked for.</summary>
internal static class DecisionOutput
{
    public static async Task WriteHumanAsync(CliContext context, CheckRequest request, Decision decision, bool explain)
    {
        var verdict = decision.Allowed ? "allowed" : "denied";
        await context.Out.WriteLineAsync($"{verdict}: {request.Subject} {request.Relation} {request.Object}").ConfigureAwait(false);
        if (decision.Error is { } error)
        {
            await context.Out.WriteLineAsync($"error: {error.Message} ({error.Code})").ConfigureAwait(false);
        }
        if (explain)
        {
            if (decision.Explanation is { } explanation)
            {
                await WriteTreeAsync(context.Out, explanation, string.Empty).ConfigureAwait(false);
            }
            else
            {
                await context.Out.WriteLineAsync("(no explanation was returned)").ConfigureAwait(false);
            }
        }
    }

    public static JsonObject ToJson(CheckRequest request, Decision decision, bool explain)
    {
        var result = new JsonObject
        {
            ["allowed"] = decision.Allowed,
            ["user"] = request.Subject.ToString(),
            ["relation"] = request.Relation,
            ["object"] = request.Object.ToString(),
            ["modelId"] = decision.ModelId,
            ["revision"] = decision.Revision,
            ["error"] = decision.Error is { } error ? new JsonObject { ["code"] = error.Code.ToString(), ["message"] = error.Message } : null,
        };
        if (explain)
        {
            result["explanation"] = decision.Explanation is { } explanation ? ToJson(explanation) : null;
        }
        return result;
    }

    private static JsonObject ToJson(Explanation node) => new()
    {
        ["kind"] = node.Kind,
        ["description"] = node.Description,
        ["result"] = node.Result,
        ["tuple"] = node.Tuple?.ToString(),
        ["condition"] = node.Condition is { } c ? ToJson(c) : null,
        ["children"] = new JsonArray(node.Children.Select(static c => (JsonNode)ToJson(c)).ToArray()),
    };

    private static JsonObject ToJson(ConditionEvaluation condition) => new()
    {
        ["name"] = condition.Name,
        ["status"] = condition.Status.ToString(),
        ["inputs"] = new JsonArray(condition.Inputs.Select(static i => (JsonNode)new JsonObject
        {
            ["name"] = i.Name,
            ["source"] = i.Source,
            ["value"] = i.Value,
        }).ToArray()),
        ["missingParameters"] = new JsonArray(condition.MissingParameters.Select(static m => (JsonNode)JsonValue.Create(m)).ToArray()),
        ["error"] = condition.Error,
    };

    private static async Task WriteTreeAsync(TextWriter writer, Explanation node, string indent)
    {
        var mark = node.Result ? "+" : "-";
        var tuple = node.Tuple is { } t && node.Condition is null && !node.Description.Contains(t.ToString(), StringComparison.Ordinal) ? $" [{t}]" : string.Empty;
        await writer.WriteLineAsync($"{indent}{mark} {node.Kind} {node.Description}{tuple}: {(node.Result ? "true" : "false")}").ConfigureAwait(false);
        foreach (var child in node.Children)
        {
            await WriteTreeAsync(writer, child, indent + "  ").ConfigureAwait(false);
        }
    }
}
