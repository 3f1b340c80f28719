using Arbiter.Model;

namespace Arbiter.Policy;

/// <summary>
/// One assertion of a policy test: may <see cref="User"/> do <see cref="Action"/> on <see cref="Resource"/>
/// (in <see cref="Tenant"/>)? A test entry with <c>allow:</c>/<c>deny:</c> lists gives one case per action.
/// </summary>
/// <param name="User">The user id (<c>anne</c>).</param>
/// <param name="Action">The action (<c>read</c>).</param>
/// <param name="Resource">The resource instance (<c>document:roadmap</c>).</param>
/// <param name="Tenant">The tenant the check names, or <see langword="null"/> for the default tenant.</param>
/// <param name="Expected">The expected outcome.</param>
public sealed record PolicyTestCase(string User, string Action, string Resource, string? Tenant, PolicyOutcome Expected)
{
    /// <summary>The test's name, when it has one.</summary>
    public string? Name { get; init; }

    /// <summary>Where the assertion is written.</summary>
    public SourceSpan? Span { get; init; }

    /// <summary>The file the assertion is written in, when known.</summary>
    public string? Source { get; init; }

    /// <summary>Attribute values of the user for this check only (<c>userAttributes:</c>); each overrides the stored value.</summary>
    public IReadOnlyDictionary<string, object?>? UserAttributes { get; init; }

    /// <summary>Attribute values of the resource for this check only (<c>resourceAttributes:</c>); each overrides the stored value.</summary>
    public IReadOnlyDictionary<string, object?>? ResourceAttributes { get; init; }

    /// <summary>The request context of the check (<c>context:</c>), read by conditions as <c>context.name</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Context { get; init; }

    /// <summary>A one-line description: <c>anne read document:roadmap in acme: allow</c>.</summary>
    public override string ToString() =>
        $"{User} {Action} {Resource}{(Tenant is null ? string.Empty : " in " + Tenant)}: {(Expected == PolicyOutcome.Allow ? "allow" : "deny")}";
}
