using Arbiter.Policy.Yaml;

namespace Arbiter.Policy.Compilation;

/// <summary>A resource instance under <c>instances:</c>: its tenant, its relations to other instances and its attribute values.</summary>
internal sealed record InstanceSyntax(Named Object, Named? Tenant, IReadOnlyList<InstanceRelationSyntax> Relations, YMapping? Attributes);
