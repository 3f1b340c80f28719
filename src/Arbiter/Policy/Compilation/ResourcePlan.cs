using Arbiter.Model;

namespace Arbiter.Policy.Compilation;

/// <summary>A checked resource type, ready to become a type definition.</summary>
/// <param name="Syntax">The resource as written.</param>
/// <param name="Roles">The roles that are relations of this type, in <c>roles:</c> order.</param>
/// <param name="ActionRoles">For each action, the roles that grant it directly, in <c>roles:</c> order.</param>
/// <param name="Derivations">For each role, the <c>(relation, role on the related resource)</c> pairs it is derived from.</param>
internal sealed record ResourcePlan(
    ResourceSyntax Syntax,
    IReadOnlyList<string> Roles,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ActionRoles,
    IReadOnlyDictionary<string, IReadOnlyList<(string Relation, string FromRole)>> Derivations)
{
    public string Name => Syntax.Name.Name;

    /// <summary>The declared attributes, in file order.</summary>
    public IReadOnlyList<AttributeDefinition> Attributes { get; init; } = [];

    /// <summary>For each action, the rules that allow or deny it, in <c>rules:</c> order (actions without rules are absent).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RulePlan>> ActionRules { get; init; } = new Dictionary<string, IReadOnlyList<RulePlan>>();
}
