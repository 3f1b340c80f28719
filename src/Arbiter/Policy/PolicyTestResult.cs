using Arbiter.Model;

namespace Arbiter.Policy;

/// <summary>The result of one policy test assertion.</summary>
/// <param name="Case">The assertion.</param>
/// <param name="Actual">What the check decided (<see cref="PolicyOutcome.Deny"/> when it failed with an error).</param>
/// <param name="Error">The error that stopped the check, if any; the assertion then fails.</param>
public sealed record PolicyTestResult(PolicyTestCase Case, PolicyOutcome Actual, string? Error = null)
{
    /// <summary>What the assertion expected.</summary>
    public PolicyOutcome Expected => Case.Expected;

    /// <summary><see langword="true"/> when the check ran and decided as expected.</summary>
    public bool Passed => Error is null && Actual == Case.Expected;

    /// <summary>Where the assertion is written.</summary>
    public SourceSpan? Span => Case.Span;

    /// <summary>Where the assertion is written as <c>file:line:column</c> (parts left out when unknown).</summary>
    public string Location
    {
        get
        {
            var where = Span is { } s ? $"{s.Line}:{s.Column}" : string.Empty;
            return Case.Source is null ? where : where.Length == 0 ? Case.Source : Case.Source + ":" + where;
        }
    }

    /// <summary>A one-line summary: <c>PASS anne read document:1: allow</c> or <c>FAIL ... (got deny)</c>.</summary>
    public override string ToString() =>
        Passed ? $"PASS {Case}" : $"FAIL {Case} (got {(Error is null ? Actual.ToString().ToLowerInvariant() : "error: " + Error)}) at {Location}";
}
