namespace Arbiter.Policy.Compilation;

/// <summary>Roles given in one scope: a tenant, or a resource instance (<c>document:roadmap</c>).</summary>
internal sealed record AssignmentSyntax(Named Scope, IReadOnlyList<Named> Roles);
