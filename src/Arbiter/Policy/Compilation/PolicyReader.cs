using Arbiter.Policy.Yaml;

namespace Arbiter.Policy.Compilation;

/// <summary>
/// Reads the policy YAML format (see <c>docs/policy-yaml.md</c>) into <see cref="PolicySyntax"/>, reporting shape
/// mistakes with line:column. Names are checked later by <see cref="PolicyBinder"/>.
/// </summary>
internal static partial class PolicyReader
{
    private static readonly string[] TopLevelKeys = [
        "description", "resources", "userAttributes", "userSets", "resourceSets", "roles", "rules", "tenants", "users", "instances", "tests",
    ];
    private static readonly string[] ResourceKeys = ["description", "actions", "relations", "attributes"];
    private static readonly string[] RelationKeys = ["description", "resource", "derive"];
    private static readonly string[] RoleKeys = ["description", "includes", "grants"];

    public static PolicySyntax Read(YNode? root, DiagnosticBag diagnostics)
    {
        var top = YamlShape.AsMapping(root, "the policy", diagnostics);
        if (top is null)
        {
            return new PolicySyntax([], [], [], [], [], []);
        }
        YamlShape.CheckKeys(top, "the policy", diagnostics, TopLevelKeys);
        YamlShape.AsString(top.Get("description"), "'description'", diagnostics);
        return new PolicySyntax(
            ReadResources(top.Get("resources"), diagnostics),
            ReadRoles(top.Get("roles"), diagnostics),
            YamlShape.AsStringList(top.Get("tenants"), "'tenants'", diagnostics).Select(Named.From).ToArray(),
            ReadUsers(top.Get("users"), diagnostics),
            ReadInstances(top.Get("instances"), diagnostics),
            ReadTests(top.Get("tests"), diagnostics))
        {
            UserAttributes = ReadAttributeDeclarations(top.Get("userAttributes"), "'userAttributes'", diagnostics),
            UserSets = ReadSets(top.Get("userSets"), resourceSets: false, diagnostics),
            ResourceSets = ReadSets(top.Get("resourceSets"), resourceSets: true, diagnostics),
            Rules = ReadRules(top.Get("rules"), diagnostics),
        };
    }

    private static List<ResourceSyntax> ReadResources(YNode? node, DiagnosticBag diagnostics)
    {
        var result = new List<ResourceSyntax>();
        foreach (var entry in YamlShape.AsMapping(node, "'resources'", diagnostics)?.Entries ?? [])
        {
            var what = $"resource '{entry.Key.Value}'";
            var body = YamlShape.AsMapping(entry.Value, what, diagnostics);
            var relations = new List<RelationSyntax>();
            var attributes = ReadAttributeDeclarations(body?.Get("attributes"), $"the attributes of {what}", diagnostics);
            if (body is not null)
            {
                YamlShape.CheckKeys(body, what, diagnostics, ResourceKeys);
                YamlShape.AsString(body.Get("description"), $"the description of {what}", diagnostics);
                foreach (var relation in YamlShape.AsMapping(body.Get("relations"), $"the relations of {what}", diagnostics)?.Entries ?? [])
                {
                    if (ReadRelation(relation.Key, relation.Value, what, diagnostics) is { } r)
                    {
                        relations.Add(r);
                    }
                }
            }
            var actions = YamlShape.AsStringList(body?.Get("actions"), $"the actions of {what}", diagnostics);
            result.Add(new ResourceSyntax(Named.From(entry.Key), actions.Select(Named.From).ToArray(), relations, attributes));
        }
        return result;
    }

    /// <summary>Reads <c>parent: folder</c> or <c>parent: {resource: folder, derive: [viewer] | {viewer: member}}</c>.</summary>
    private static RelationSyntax? ReadRelation(YScalar name, YNode value, string owner, DiagnosticBag diagnostics)
    {
        var what = $"relation '{name.Value}' of {owner}";
        if (value is YScalar { IsNull: false } target)
        {
            return new RelationSyntax(Named.From(name), Named.From(target), []);
        }
        if (value is not YMapping body)
        {
            diagnostics.Add(YamlCodes.WrongShape, $"{what} must be a resource type or a mapping with 'resource' but is {value.KindName}", value.Span);
            return null;
        }
        YamlShape.CheckKeys(body, what, diagnostics, RelationKeys);
        YamlShape.AsString(body.Get("description"), $"the description of {what}", diagnostics);
        var resource = YamlShape.AsString(body.Get("resource"), $"the resource of {what}", diagnostics);
        if (resource is null)
        {
            if (body.Get("resource") is null)
            {
                diagnostics.Add(YamlCodes.MissingKey, $"{what} needs 'resource: <type>'", name.Span, name.Value);
            }
            return null;
        }
        var derivations = new List<DerivationSyntax>();
        var derive = body.Get("derive");
        if (derive is YMapping map)
        {
            // {viewer: member}: a member of the related resource is a viewer of this one.
            foreach (var entry in map.Entries)
            {
                foreach (var from in YamlShape.AsStringList(entry.Value, $"the roles that derive '{entry.Key.Value}' in {what}", diagnostics))
                {
                    derivations.Add(new DerivationSyntax(Named.From(entry.Key), Named.From(from)));
                }
            }
        }
        else
        {
            // [viewer, editor]: a viewer/editor of the related resource is a viewer/editor of this one.
            foreach (var role in YamlShape.AsStringList(derive, $"'derive' of {what}", diagnostics))
            {
                var named = Named.From(role);
                derivations.Add(new DerivationSyntax(named, named));
            }
        }
        return new RelationSyntax(Named.From(name), Named.From(resource), derivations);
    }

    private static List<RoleSyntax> ReadRoles(YNode? node, DiagnosticBag diagnostics)
    {
        var result = new List<RoleSyntax>();
        foreach (var entry in YamlShape.AsMapping(node, "'roles'", diagnostics)?.Entries ?? [])
        {
            var what = $"role '{entry.Key.Value}'";
            var body = YamlShape.AsMapping(entry.Value, what, diagnostics);
            var grants = new List<GrantSyntax>();
            if (body is not null)
            {
                YamlShape.CheckKeys(body, what, diagnostics, RoleKeys);
                YamlShape.AsString(body.Get("description"), $"the description of {what}", diagnostics);
                foreach (var grant in YamlShape.AsMapping(body.Get("grants"), $"the grants of {what}", diagnostics)?.Entries ?? [])
                {
                    var actions = YamlShape.AsStringList(grant.Value, $"the actions {what} grants on '{grant.Key.Value}'", diagnostics);
                    grants.Add(new GrantSyntax(Named.From(grant.Key), actions.Select(Named.From).ToArray()));
                }
            }
            var includes = YamlShape.AsStringList(body?.Get("includes"), $"the roles {what} includes", diagnostics);
            result.Add(new RoleSyntax(Named.From(entry.Key), includes.Select(Named.From).ToArray(), grants));
        }
        return result;
    }
}
