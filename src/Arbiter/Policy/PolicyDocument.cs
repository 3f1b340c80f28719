using Arbiter.Model;
using Arbiter.Parsing;
using Arbiter.Policy.Compilation;
using Arbiter.Policy.Yaml;

namespace Arbiter.Policy;

/// <summary>
/// A compiled policy file (see <c>docs/policy-yaml.md</c>): the <see cref="AuthorizationModel"/> it compiles to (the same
/// form the OpenFGA DSL gives), the relationships its <c>users:</c> and <c>instances:</c> sections imply, and its
/// embedded tests. Immutable; build a <see cref="PolicyAuthorizer"/> from it to answer checks.
/// </summary>
public sealed class PolicyDocument
{
    /// <summary>The type of users in the compiled model: <c>user</c>.</summary>
    public const string UserType = "user";

    /// <summary>The type of tenants in the compiled model: <c>tenant</c>.</summary>
    public const string TenantType = "tenant";

    /// <summary>The relation from a resource to its tenant: <c>document:1#tenant@tenant:acme</c>.</summary>
    public const string TenantRelation = "tenant";

    /// <summary>
    /// The relation of a tenant that holds every user with a role in it (<c>tenant_member from tenant</c>): an allow rule
    /// without <c>roles:</c> in a policy with tenants admits only those users. A user listed in a tenant with no roles
    /// (<c>tenants: {acme: []}</c>) is a member too.
    /// </summary>
    public const string TenantMemberRelation = "tenant_member";

    /// <summary>The tenant of top-level role assignments, of instances declared without a tenant, and of checks that name none.</summary>
    public const string DefaultTenant = "default";

    /// <summary>In a grant, stands for every action of the resource type.</summary>
    public const string AllActions = "*";

    private PolicyDocument(AuthorizationModel model, PolicyPlan plan, string? sourceName)
    {
        Model = model;
        Tuples = plan.Tuples;
        Attributes = plan.Attributes;
        UserAttributes = plan.UserAttributes;
        Tests = plan.Tests;
        Roles = plan.Roles.Select(r => r.Name.Name).ToArray();
        Tenants = plan.Tenants;
        SourceName = sourceName;
        Resources = plan.Resources.ToDictionary(
            r => r.Name,
            r => new PolicyResource(
                r.Name,
                r.Syntax.Actions.Select(a => a.Name).ToArray(),
                r.Roles,
                r.Syntax.Relations.ToDictionary(x => x.Name.Name, x => x.Target.Name, StringComparer.Ordinal).AsReadOnly())
            {
                Attributes = r.Attributes,
            },
            StringComparer.Ordinal).AsReadOnly();
    }

    /// <summary>The compiled model: types <c>user</c>, <c>tenant</c> and one per resource type.</summary>
    public AuthorizationModel Model { get; }

    /// <summary>The relationships implied by the <c>users:</c> and <c>instances:</c> sections.</summary>
    public IReadOnlyList<RelationshipTuple> Tuples { get; }

    /// <summary>The attribute values given in the <c>users:</c> and <c>instances:</c> sections (one entry per entity).</summary>
    public IReadOnlyList<EntityAttributes> Attributes { get; }

    /// <summary>The attributes of the built-in <c>user</c> type (<c>userAttributes:</c>), in policy order.</summary>
    public IReadOnlyList<AttributeDefinition> UserAttributes { get; }

    /// <summary>The assertions of the <c>tests:</c> section, one per action.</summary>
    public IReadOnlyList<PolicyTestCase> Tests { get; }

    /// <summary>The resource types by name.</summary>
    public IReadOnlyDictionary<string, PolicyResource> Resources { get; }

    /// <summary>The roles, in policy order.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>The declared tenants, <see cref="DefaultTenant"/> first.</summary>
    public IReadOnlyList<string> Tenants { get; }

    /// <summary>The file or source name given when parsing, if any.</summary>
    public string? SourceName { get; }

    /// <summary>Compiles policy YAML.</summary>
    /// <param name="yaml">The policy text.</param>
    /// <param name="sourceName">The file name to put in diagnostics and test results, if any.</param>
    /// <exception cref="ModelValidationException">The policy has mistakes; every one is listed with line:column. Nothing is built.</exception>
    public static PolicyDocument Parse(string yaml, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var diagnostics = new DiagnosticBag(sourceName);
        var root = YamlTreeReader.Read(yaml, diagnostics);
        var syntax = PolicyReader.Read(root, diagnostics);
        var plan = PolicyBinder.Bind(syntax, diagnostics);
        diagnostics.ThrowIfAny();
        var model = PolicyModelBuilder.Build(plan);

        // The engine's own validation: CEL syntax and type errors in when: and the sets, undeclared attributes. Their
        // positions are in the policy text (each condition's ExpressionSpan is where its YAML scalar's text starts).
        foreach (var diagnostic in ModelValidator.Validate(model))
        {
            diagnostics.Add(diagnostic);
        }
        diagnostics.ThrowIfAny();
        return new PolicyDocument(model, plan, sourceName);
    }

    /// <summary>Compiles a policy file.</summary>
    /// <exception cref="ModelValidationException">The policy has mistakes; every one is listed with line:column.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PolicyDocument Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary><see langword="true"/> when <paramref name="resourceType"/> is a resource type with action <paramref name="action"/>.</summary>
    public bool HasAction(string resourceType, string action) =>
        Resources.TryGetValue(resourceType, out var resource) && resource.Actions.Contains(action, StringComparer.Ordinal);
}
