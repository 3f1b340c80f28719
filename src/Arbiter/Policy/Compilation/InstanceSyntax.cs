namespace Arbiter.Policy.Compilation;

/// <summary>A resource instance under <c>instances:</c>: its tenant and its relations to other instances.</summary>
internal sealed record InstanceSyntax(Named Object, Named? Tenant, IReadOnlyList<InstanceRelationSyntax> Relations);
