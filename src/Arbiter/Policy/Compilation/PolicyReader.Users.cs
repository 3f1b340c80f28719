using Arbiter.Policy.Yaml;

namespace Arbiter.Policy.Compilation;

internal static partial class PolicyReader
{
    private static readonly string[] UserKeys = ["roles", "tenants", "resources", "attributes"];
    private static readonly string[] TestKeys =
    [
        "name", "user", "action", "resource", "tenant", "expect", "allow", "deny", "userAttributes", "resourceAttributes", "context",
    ];

    private static List<UserSyntax> ReadUsers(YNode? node, DiagnosticBag diagnostics)
    {
        var result = new List<UserSyntax>();
        foreach (var entry in YamlShape.AsMapping(node, "'users'", diagnostics)?.Entries ?? [])
        {
            var what = $"user '{entry.Key.Value}'";
            var body = YamlShape.AsMapping(entry.Value, what, diagnostics);
            if (body is not null)
            {
                YamlShape.CheckKeys(body, what, diagnostics, UserKeys);
            }
            var roles = YamlShape.AsStringList(body?.Get("roles"), $"the roles of {what}", diagnostics);
            result.Add(new UserSyntax(
                Named.From(entry.Key),
                roles.Select(Named.From).ToArray(),
                ReadAssignments(body?.Get("tenants"), $"the tenants of {what}", "the roles of {0} in tenant '{1}'", what, diagnostics),
                ReadAssignments(body?.Get("resources"), $"the resources of {what}", "the roles of {0} on '{1}'", what, diagnostics),
                YamlShape.AsMapping(body?.Get("attributes"), $"the attributes of {what}", diagnostics)));
        }
        return result;
    }

    /// <summary>Reads <c>{scope: role}</c> or <c>{scope: [role, ...]}</c>.</summary>
    private static List<AssignmentSyntax> ReadAssignments(YNode? node, string what, string itemFormat, string owner, DiagnosticBag diagnostics)
    {
        var result = new List<AssignmentSyntax>();
        foreach (var entry in YamlShape.AsMapping(node, what, diagnostics)?.Entries ?? [])
        {
            var itemWhat = string.Format(System.Globalization.CultureInfo.InvariantCulture, itemFormat, owner, entry.Key.Value);
            var roles = YamlShape.AsStringList(entry.Value, itemWhat, diagnostics);
            result.Add(new AssignmentSyntax(Named.From(entry.Key), roles.Select(Named.From).ToArray()));
        }
        return result;
    }

    /// <summary>Reads <c>document:roadmap: {tenant: acme, parent: folder:plans}</c> entries.</summary>
    private static List<InstanceSyntax> ReadInstances(YNode? node, DiagnosticBag diagnostics)
    {
        var result = new List<InstanceSyntax>();
        foreach (var entry in YamlShape.AsMapping(node, "'instances'", diagnostics)?.Entries ?? [])
        {
            var what = $"instance '{entry.Key.Value}'";
            var body = YamlShape.AsMapping(entry.Value, what, diagnostics);
            Named? tenant = null;
            YMapping? attributes = null;
            var relations = new List<InstanceRelationSyntax>();
            foreach (var item in body?.Entries ?? [])
            {
                if (string.Equals(item.Key.Value, "tenant", StringComparison.Ordinal))
                {
                    tenant = YamlShape.AsString(item.Value, $"the tenant of {what}", diagnostics) is { } t ? Named.From(t) : null;
                    continue;
                }
                if (string.Equals(item.Key.Value, AttributesKey, StringComparison.Ordinal))
                {
                    attributes = YamlShape.AsMapping(item.Value, $"the attributes of {what}", diagnostics);
                    continue;
                }
                var targets = YamlShape.AsStringList(item.Value, $"relation '{item.Key.Value}' of {what}", diagnostics);
                relations.Add(new InstanceRelationSyntax(Named.From(item.Key), targets.Select(Named.From).ToArray()));
            }
            result.Add(new InstanceSyntax(Named.From(entry.Key), tenant, relations, attributes));
        }
        return result;
    }

    /// <summary>
    /// Reads <c>tests:</c>: each entry names a user, a resource and optionally a tenant, then either
    /// <c>action</c> + <c>expect: allow|deny</c>, or <c>allow: [actions]</c> and/or <c>deny: [actions]</c>.
    /// </summary>
    internal static List<TestSyntax> ReadTests(YNode? node, DiagnosticBag diagnostics)
    {
        var result = new List<TestSyntax>();
        var index = 0;
        foreach (var item in YamlShape.AsSequence(node, "'tests'", diagnostics))
        {
            index++;
            var what = $"test {index}";
            if (YamlShape.AsMapping(item, what, diagnostics) is not { } body)
            {
                if (item is YScalar { IsNull: true })
                {
                    diagnostics.Add(YamlCodes.WrongShape, $"{what} is empty", item.Span);
                }
                continue;
            }
            YamlShape.CheckKeys(body, what, diagnostics, TestKeys);
            var name = YamlShape.AsString(body.Get("name"), $"the name of {what}", diagnostics)?.Value;
            var user = Required(body, "user", what, diagnostics);
            var resource = Required(body, "resource", what, diagnostics);
            var tenant = YamlShape.AsString(body.Get("tenant"), $"the tenant of {what}", diagnostics)?.Value;
            var cases = new List<(YScalar Action, PolicyOutcome Expected)>();
            var action = body.Get("action");
            if (action is not null)
            {
                var expect = body.Get("expect");
                if (YamlShape.AsString(action, $"the action of {what}", diagnostics) is { } a && ReadExpect(expect, body, what, diagnostics) is { } outcome)
                {
                    cases.Add((a, outcome));
                }
            }
            else if (body.Get("expect") is { } stray)
            {
                diagnostics.Add(YamlCodes.MissingKey, $"{what} has 'expect' but no 'action'", stray.Span);
            }
            cases.AddRange(YamlShape.AsStringList(body.Get("allow"), $"'allow' of {what}", diagnostics).Select(a => (a, PolicyOutcome.Allow)));
            cases.AddRange(YamlShape.AsStringList(body.Get("deny"), $"'deny' of {what}", diagnostics).Select(a => (a, PolicyOutcome.Deny)));
            if (cases.Count == 0 && action is null)
            {
                diagnostics.Add(YamlCodes.MissingKey, $"{what} needs 'action' with 'expect', or 'allow'/'deny' lists", body.Span);
            }
            if (user is null || resource is null)
            {
                continue;
            }
            var userAttributes = YamlShape.AsMapping(body.Get("userAttributes"), $"'userAttributes' of {what}", diagnostics);
            var resourceAttributes = YamlShape.AsMapping(body.Get("resourceAttributes"), $"'resourceAttributes' of {what}", diagnostics);
            var context = YamlShape.AsMapping(body.Get("context"), $"'context' of {what}", diagnostics);
            foreach (var (a, expected) in cases)
            {
                var test = new PolicyTestCase(user.Value, a.Value, resource.Value, tenant, expected)
                {
                    Name = name,
                    Span = a.Span,
                    Source = diagnostics.SourceName,
                };
                result.Add(new TestSyntax(test, userAttributes, resourceAttributes, context));
            }
        }
        return result;
    }

    private static PolicyOutcome? ReadExpect(YNode? expect, YMapping body, string what, DiagnosticBag diagnostics)
    {
        if (expect is null)
        {
            diagnostics.Add(YamlCodes.MissingKey, $"{what} needs 'expect: allow' or 'expect: deny'", body.Span);
            return null;
        }
        switch (YamlShape.AsString(expect, $"'expect' of {what}", diagnostics)?.Value)
        {
            case null:
                return null;
            case "allow":
                return PolicyOutcome.Allow;
            case "deny":
                return PolicyOutcome.Deny;
            default:
                diagnostics.Add(YamlCodes.WrongShape, $"'expect' of {what} must be 'allow' or 'deny'", expect.Span);
                return null;
        }
    }

    private static YScalar? Required(YMapping body, string key, string what, DiagnosticBag diagnostics)
    {
        var node = body.Get(key);
        if (node is null)
        {
            diagnostics.Add(YamlCodes.MissingKey, $"{what} needs '{key}'", body.Span, key);
            return null;
        }
        return YamlShape.AsString(node, $"the {key} of {what}", diagnostics);
    }
}
