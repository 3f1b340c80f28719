using Arbiter.Policy.Yaml;

namespace Arbiter.Policy.Compilation;

internal static partial class PolicyReader
{
    /// <summary>The key of an instance that holds its attribute values (so it cannot be a relation name).</summary>
    internal const string AttributesKey = "attributes";

    private static readonly string[] UserSetKeys = ["description", "when"];
    private static readonly string[] ResourceSetKeys = ["description", "resource", "when"];
    private static readonly string[] RuleKeys = ["description", "resource", "allow", "deny", "when", "userSet", "resourceSet", "roles"];

    /// <summary>Reads <c>{department: string, tags: list&lt;string&gt;}</c>.</summary>
    private static List<AttributeSyntax> ReadAttributeDeclarations(YNode? node, string what, DiagnosticBag diagnostics)
    {
        var result = new List<AttributeSyntax>();
        foreach (var entry in YamlShape.AsMapping(node, what, diagnostics)?.Entries ?? [])
        {
            if (entry.Value is YScalar { IsNull: true })
            {
                diagnostics.Add(YamlCodes.MissingKey, $"attribute '{entry.Key.Value}' needs a type (string, int, bool, double, timestamp, duration, list<string>...)", entry.Key.Span, entry.Key.Value);
            }
            else if (YamlShape.AsString(entry.Value, $"the type of attribute '{entry.Key.Value}'", diagnostics) is { } type)
            {
                result.Add(new AttributeSyntax(Named.From(entry.Key), Named.From(type)));
            }
        }
        return result;
    }

    /// <summary>Reads <c>name: CEL</c> or <c>name: {description, when}</c> (user sets), or <c>name: {resource, when}</c> (resource sets).</summary>
    private static List<SetSyntax> ReadSets(YNode? node, bool resourceSets, DiagnosticBag diagnostics)
    {
        var result = new List<SetSyntax>();
        var section = resourceSets ? "'resourceSets'" : "'userSets'";
        foreach (var entry in YamlShape.AsMapping(node, section, diagnostics)?.Entries ?? [])
        {
            var what = $"{(resourceSets ? "resource" : "user")} set '{entry.Key.Value}'";
            if (!resourceSets && entry.Value is YScalar { IsNull: false } shortWhen)
            {
                result.Add(new SetSyntax(Named.From(entry.Key), null, shortWhen));
                continue;
            }
            if (entry.Value is not YMapping body)
            {
                var expected = resourceSets ? "a mapping with 'resource' and 'when'" : "a condition or a mapping with 'when'";
                diagnostics.Add(YamlCodes.WrongShape, $"{what} must be {expected} but is {entry.Value.KindName}", entry.Value.Span);
                continue;
            }
            YamlShape.CheckKeys(body, what, diagnostics, resourceSets ? ResourceSetKeys : UserSetKeys);
            YamlShape.AsString(body.Get("description"), $"the description of {what}", diagnostics);
            Named? resource = null;
            if (resourceSets)
            {
                resource = YamlShape.AsString(body.Get("resource"), $"the resource of {what}", diagnostics) is { } r ? Named.From(r) : null;
                if (body.Get("resource") is null)
                {
                    diagnostics.Add(YamlCodes.MissingKey, $"{what} needs 'resource: <type>'", entry.Key.Span, entry.Key.Value);
                }
            }
            var when = ReadWhen(body, what, diagnostics);
            if (when is null && body.Get("when") is null)
            {
                diagnostics.Add(YamlCodes.MissingKey, $"{what} needs 'when: <condition>'", entry.Key.Span, entry.Key.Value);
            }
            if (when is not null && (!resourceSets || resource is not null))
            {
                result.Add(new SetSyntax(Named.From(entry.Key), resource, when));
            }
        }
        return result;
    }

    private static List<RuleSyntax> ReadRules(YNode? node, DiagnosticBag diagnostics)
    {
        var result = new List<RuleSyntax>();
        var number = 0;
        foreach (var item in YamlShape.AsSequence(node, "'rules'", diagnostics))
        {
            number++;
            var what = $"rule {number}";
            if (item is not YMapping body)
            {
                diagnostics.Add(YamlCodes.WrongShape, $"{what} must be a mapping with 'resource' and 'allow' or 'deny' but is {item.KindName}", item.Span);
                continue;
            }
            YamlShape.CheckKeys(body, what, diagnostics, RuleKeys);
            YamlShape.AsString(body.Get("description"), $"the description of {what}", diagnostics);
            var resource = YamlShape.AsString(body.Get("resource"), $"the resource of {what}", diagnostics);
            if (body.Get("resource") is null)
            {
                diagnostics.Add(YamlCodes.MissingKey, $"{what} needs 'resource: <type>'", body.Span, "resource");
            }
            var allow = body.Get("allow");
            var deny = body.Get("deny");
            if (allow is not null && deny is not null)
            {
                diagnostics.Add(YamlCodes.WrongShape, $"{what} has both 'allow' and 'deny'; write two rules", body.GetKey("deny")!.Span, "deny");
                continue;
            }
            if (allow is null && deny is null)
            {
                diagnostics.Add(YamlCodes.MissingKey, $"{what} needs 'allow: [actions]' or 'deny: [actions]'", body.Span);
                continue;
            }
            var isDeny = deny is not null;
            var actions = YamlShape.AsStringList(allow ?? deny, $"'{(isDeny ? "deny" : "allow")}' of {what}", diagnostics);
            if (actions.Count == 0 && (allow ?? deny) is YScalar { IsNull: true } or YSequence { Items.Count: 0 })
            {
                diagnostics.Add(YamlCodes.MissingKey, $"'{(isDeny ? "deny" : "allow")}' of {what} lists no action", (allow ?? deny)!.Span);
            }
            result.Add(new RuleSyntax(
                number,
                body.Span,
                resource is null ? null : Named.From(resource),
                isDeny,
                actions.Select(Named.From).ToArray(),
                ReadWhen(body, what, diagnostics),
                YamlShape.AsStringList(body.Get("userSet"), $"'userSet' of {what}", diagnostics).Select(Named.From).ToArray(),
                YamlShape.AsStringList(body.Get("resourceSet"), $"'resourceSet' of {what}", diagnostics).Select(Named.From).ToArray(),
                YamlShape.AsStringList(body.Get("roles"), $"'roles' of {what}", diagnostics).Select(Named.From).ToArray()));
        }
        return result;
    }

    /// <summary>Reads <c>when:</c>, which must be one string (the CEL expression).</summary>
    private static YScalar? ReadWhen(YMapping body, string what, DiagnosticBag diagnostics)
    {
        var node = body.Get("when");
        if (node is YScalar { IsNull: true })
        {
            diagnostics.Add(YamlCodes.WrongShape, $"'when' of {what} is empty; write a condition such as subject.department == object.department", node.Span);
            return null;
        }
        return YamlShape.AsString(node, $"'when' of {what} (a CEL condition; quote it if it starts with a YAML character such as '[' or '{{')", diagnostics);
    }
}
