using System.Text.Json.Nodes;

namespace Arbiter.Cli.Output;

/// <summary>
/// Writes the answer of <c>list-objects</c> and <c>list-subjects</c>: the items one per line on standard output (so they
/// pipe cleanly), and on standard error the count, why the answer is not complete and how to continue it.
/// </summary>
internal static class ListingOutput
{
    public static async Task WriteHumanAsync(CliContext context, IReadOnlyList<string> items, string noun, ListStop? stopped, string? continuationToken)
    {
        foreach (var item in items)
        {
            await context.Out.WriteLineAsync(item).ConfigureAwait(false);
        }
        var count = items.Count == 1 ? $"1 {noun}" : $"{items.Count} {noun}s";
        var summary = stopped is { } stop ? $"{count}; not complete: {Describe(stop)}" : count;
        await context.Error.WriteLineAsync(summary).ConfigureAwait(false);
        if (continuationToken is not null)
        {
            await context.Error.WriteLineAsync($"more: run again with --continuation-token {continuationToken}").ConfigureAwait(false);
        }
    }

    /// <summary>The listing failed while evaluating (the resolution depth exceeded): one line on standard error.</summary>
    public static Task WriteFailureAsync(CliContext context, DecisionError error) =>
        context.Error.WriteLineAsync($"arbiter: the listing failed: {error.Message} ({error.Code})");

    public static string Describe(ListStop stop) => stop switch
    {
        ListStop.PageFull => "the page is full (--page-size)",
        ListStop.CandidateLimit => "the engine's limit of candidates to examine was reached",
        ListStop.Deadline => "the engine's listing deadline passed",
        _ => stop.ToString(),
    };

    public static JsonNode? Stopped(ListStop? stopped) => stopped is { } stop ? JsonValue.Create(stop.ToString()) : null;

    public static JsonObject? Error(DecisionError? error) =>
        error is null ? null : new JsonObject { ["code"] = error.Code.ToString(), ["message"] = error.Message };
}
