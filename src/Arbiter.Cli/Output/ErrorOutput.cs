using System.Text.Json.Nodes;
using Arbiter.Model;

namespace Arbiter.Cli.Output;

/// <summary>Writes bad-input errors: human lines on standard error, and with <c>--json</c> a JSON document on standard output.</summary>
internal static class ErrorOutput
{
    public static async Task WriteAsync(CliContext context, bool json, string message, IReadOnlyList<ModelDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            await context.Error.WriteLineAsync(DiagnosticText.Format(diagnostic)).ConfigureAwait(false);
        }
        await context.Error.WriteLineAsync("arbiter: " + message).ConfigureAwait(false);
        if (json)
        {
            var document = new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["message"] = message,
                    ["diagnostics"] = Diagnostics(diagnostics),
                },
            };
            await JsonOutput.WriteAsync(context, document).ConfigureAwait(false);
        }
    }

    public static JsonArray Diagnostics(IReadOnlyList<ModelDiagnostic> diagnostics) =>
        new(diagnostics.Select(static d => (JsonNode)new JsonObject
        {
            ["file"] = d.Source,
            ["line"] = d.Span?.Line,
            ["column"] = d.Span?.Column,
            ["code"] = d.Code,
            ["message"] = d.Message,
        }).ToArray());
}
