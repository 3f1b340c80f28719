using System.Text.Json.Nodes;
using Arbiter.Testing;

namespace Arbiter.Cli.Output;

/// <summary>One assertion of any kind of test file, ready to print: what was asked, expected and what came back.</summary>
/// <param name="Test">The test name.</param>
/// <param name="Kind">The kind of assertion: <c>check</c>, <c>list_objects</c>, <c>list_users</c>...</param>
/// <param name="Subject">What was asked, e.g. <c>user:anne viewer document:1</c>.</param>
/// <param name="Expected">The expected answer, as text.</param>
/// <param name="Actual">The answer that came back, as text, or <see langword="null"/>.</param>
/// <param name="Outcome">Passed, failed or not run.</param>
/// <param name="Error">The error or the reason it was not run.</param>
/// <param name="Json">The assertion as JSON for <c>--json</c>.</param>
internal sealed record AssertionReport(
    string Test, string Kind, string Subject, string Expected, string? Actual, AssertionOutcome Outcome, string? Error, JsonObject Json);
