using Arbiter.Conditions;
using Arbiter.Model;
using Arbiter.Policy.Yaml;

namespace Arbiter.Policy.Compilation;

internal sealed partial class PolicyBinder
{
    /// <summary>The prefix of the condition of a user set: <c>userset_in_england</c>.</summary>
    internal const string UserSetConditionPrefix = "userset_";

    /// <summary>The prefix of the condition of a resource set: <c>resourceset_approved_reports</c>.</summary>
    internal const string ResourceSetConditionPrefix = "resourceset_";

    /// <summary>The prefix of the condition of a rule's own <c>when:</c>: <c>rule_report_2_allow</c>.</summary>
    internal const string RuleConditionPrefix = "rule_";

    private readonly Dictionary<string, Dictionary<string, ConditionParameterType>> _attributes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SetSyntax> _userSets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SetSyntax> _resourceSets = new(StringComparer.Ordinal);

    /// <summary>Checks the attribute declarations of the user type and of each resource type.</summary>
    private List<AttributeDefinition> BindAttributes(string typeName, IReadOnlyList<AttributeSyntax> declarations)
    {
        var declared = new Dictionary<string, ConditionParameterType>(StringComparer.Ordinal);
        var result = new List<AttributeDefinition>();
        foreach (var attribute in declarations)
        {
            if (!IsCelIdentifier(attribute.Name.Name))
            {
                Error(YamlCodes.InvalidName, $"invalid attribute '{attribute.Name}' of '{typeName}': use letters, digits and '_', not starting with a digit (conditions read it as subject.{attribute.Name}/object.{attribute.Name})", attribute.Name);
                continue;
            }
            if (AttributeValues.ParseType(attribute.Type.Name) is not { } type)
            {
                Error(PolicyCodes.UnknownAttributeType, $"attribute '{attribute.Name}' of '{typeName}' has unknown type '{attribute.Type}'; use {string.Join(", ", AttributeValues.ScalarTypes)}, list<T> or map<T>", attribute.Type);
                continue;
            }
            declared[attribute.Name.Name] = type;
            result.Add(new AttributeDefinition(attribute.Name.Name, type) { Span = attribute.Name.Span });
        }
        _attributes[typeName] = declared;
        return result;
    }

    /// <summary>A user set is defined by the user alone (and the context), a resource set by the resource alone: refuses a set reading the other side's attributes.</summary>
    private void ReadsOnly(SetSyntax set, string kind, string own, string other)
    {
        var probe = new ConditionDefinition(set.Name.Name, set.When.Value ?? string.Empty, []);
        var wrong = ConditionCompiler.ReadAttributes(probe, CelOptions.Default).FirstOrDefault(r => r.StartsWith(other + ".", StringComparison.Ordinal));
        if (wrong is not null)
        {
            _diagnostics.Add(PolicyCodes.SetReadsOtherSide,
                $"the {kind} '{set.Name.Name}' reads '{wrong}': a {kind} is defined by {own}.* (and context.*) alone; compare the two in a rule's 'when:'",
                set.When.Span, set.Name.Name);
        }
    }

    private void BindSets()
    {
        foreach (var set in _syntax.UserSets)
        {
            if (CheckConditionName(set.Name, UserSetConditionPrefix, "user set"))
            {
                ReadsOnly(set, "user set", ConditionCompiler.Subject, ConditionCompiler.Object);
                _userSets[set.Name.Name] = set;
            }
        }
        foreach (var set in _syntax.ResourceSets)
        {
            if (!CheckConditionName(set.Name, ResourceSetConditionPrefix, "resource set"))
            {
                continue;
            }
            ReadsOnly(set, "resource set", ConditionCompiler.Object, ConditionCompiler.Subject);
            if (!_resources.ContainsKey(set.Resource!.Name))
            {
                Error(PolicyCodes.UnknownResource, $"resource set '{set.Name}' is of unknown resource type '{set.Resource}'; the resource types are {List(_resources.Keys)}", set.Resource);
                continue;
            }
            _resourceSets[set.Name.Name] = set;
        }
    }

    private bool CheckConditionName(Named name, string prefix, string kind)
    {
        if (!Identifiers.IsValidRelationName(prefix + name.Name, out _))
        {
            Error(YamlCodes.InvalidName, $"invalid {kind} '{name}': at most {Identifiers.MaxRelationNameLength - prefix.Length} characters, none of them ':', '#', '@', '*' or whitespace", name);
            return false;
        }
        return true;
    }

    /// <summary>
    /// Checks <c>rules:</c> and attaches each rule to the actions it names; returns the plans with their rules and the
    /// conditions to define (those of the used sets first, in file order, then those of the rules).
    /// </summary>
    private (List<ResourcePlan> Plans, List<ConditionDefinition> Conditions, bool TenantScoped) BindRules(List<ResourcePlan> plans, bool usesTenants)
    {
        var actionRules = plans.ToDictionary(p => p.Name, _ => new Dictionary<string, List<RulePlan>>(StringComparer.Ordinal), StringComparer.Ordinal);
        var usedUserSets = new HashSet<string>(StringComparer.Ordinal);
        var usedResourceSets = new HashSet<string>(StringComparer.Ordinal);
        var ruleConditions = new List<ConditionDefinition>();
        var tenantScoped = false;
        foreach (var rule in _syntax.Rules)
        {
            if (rule.Resource is null)
            {
                continue;
            }
            var what = $"rule {rule.Number}";
            if (!_resources.TryGetValue(rule.Resource.Name, out var resource))
            {
                Error(PolicyCodes.UnknownResource, $"{what} is on unknown resource type '{rule.Resource}'; the resource types are {List(_resources.Keys)}", rule.Resource);
                continue;
            }
            var type = resource.Name.Name;
            var ok = true;
            var actions = new List<string>();
            foreach (var action in rule.Actions)
            {
                if (action.Name == PolicyDocument.AllActions)
                {
                    actions.AddRange(resource.Actions.Select(a => a.Name));
                }
                else if (resource.Actions.Any(a => a.Name == action.Name))
                {
                    actions.Add(action.Name);
                }
                else
                {
                    Error(PolicyCodes.UnknownAction, $"{what} names unknown action '{action}' of '{type}'; its actions are {List(resource.Actions)}", action);
                    ok = false;
                }
            }
            var conditions = new List<string>();
            foreach (var set in rule.UserSets)
            {
                if (!_userSets.ContainsKey(set.Name))
                {
                    Error(PolicyCodes.UnknownUserSet, $"{what} names unknown user set '{set}'; the user sets are {List(_userSets.Keys)}", set);
                    ok = false;
                }
                else if (!conditions.Contains(UserSetConditionPrefix + set.Name, StringComparer.Ordinal))
                {
                    usedUserSets.Add(set.Name);
                    conditions.Add(UserSetConditionPrefix + set.Name);
                }
            }
            foreach (var set in rule.ResourceSets)
            {
                if (!_resourceSets.TryGetValue(set.Name, out var definition))
                {
                    Error(PolicyCodes.UnknownResourceSet, $"{what} names unknown resource set '{set}'; the resource sets are {List(_resourceSets.Keys)}", set);
                    ok = false;
                }
                else if (definition.Resource!.Name != type)
                {
                    Error(PolicyCodes.WrongType, $"resource set '{set}' is a set of '{definition.Resource}' but {what} is on '{type}'", set);
                    ok = false;
                }
                else if (!conditions.Contains(ResourceSetConditionPrefix + set.Name, StringComparer.Ordinal))
                {
                    usedResourceSets.Add(set.Name);
                    conditions.Add(ResourceSetConditionPrefix + set.Name);
                }
            }
            var roles = new List<string>();
            foreach (var role in rule.Roles)
            {
                if (!RequireRole(role, $"{what} names unknown role '{role}'"))
                {
                    ok = false;
                }
                else if (!AppliesTo(role.Name, type))
                {
                    Error(PolicyCodes.RoleNotApplicable, $"role '{role}' grants nothing on '{type}', so {what} cannot be limited to it", role);
                    ok = false;
                }
                else if (!roles.Contains(role.Name, StringComparer.Ordinal))
                {
                    roles.Add(role.Name);
                }
            }
            if (!ok)
            {
                continue;
            }
            // A rule with no condition and no roles applies to every user: its condition is then `true`.
            if (rule.When is not null || (conditions.Count == 0 && roles.Count == 0))
            {
                var name = RuleConditionName(type, rule);
                conditions.Add(name);
                ruleConditions.Add(new ConditionDefinition(name, rule.When?.Value ?? "true", [])
                {
                    Span = rule.When?.Span ?? rule.Span,
                    ExpressionSpan = rule.When?.ContentStart,
                });
            }
            var scoped = !rule.IsDeny && usesTenants && roles.Count == 0;
            tenantScoped |= scoped;
            var plan = new RulePlan(rule, roles, conditions, scoped);
            foreach (var action in actions.Distinct(StringComparer.Ordinal))
            {
                AddTo(actionRules[type], action, plan);
            }
        }
        var conditionsOut = new List<ConditionDefinition>();
        conditionsOut.AddRange(_syntax.UserSets.Where(s => usedUserSets.Contains(s.Name.Name)).Select(s => SetCondition(UserSetConditionPrefix, s)));
        conditionsOut.AddRange(_syntax.ResourceSets.Where(s => usedResourceSets.Contains(s.Name.Name)).Select(s => SetCondition(ResourceSetConditionPrefix, s)));
        conditionsOut.AddRange(ruleConditions);
        var withRules = plans.Select(p => p with
        {
            ActionRules = actionRules[p.Name].ToDictionary(e => e.Key, e => (IReadOnlyList<RulePlan>)e.Value, StringComparer.Ordinal),
        }).ToList();
        return (withRules, conditionsOut, tenantScoped);
    }

    /// <summary><c>rule_report_2_allow</c>, or <c>rule_2_allow</c> when the type name makes it too long or invalid.</summary>
    private static string RuleConditionName(string type, RuleSyntax rule)
    {
        var effect = rule.IsDeny ? "deny" : "allow";
        var name = $"{RuleConditionPrefix}{type}_{rule.Number}_{effect}";
        return Identifiers.IsValidRelationName(name, out _) ? name : $"{RuleConditionPrefix}{rule.Number}_{effect}";
    }

    private static ConditionDefinition SetCondition(string prefix, SetSyntax set) =>
        new(prefix + set.Name.Name, set.When.Value, []) { Span = set.Name.Span, ExpressionSpan = set.When.ContentStart };

    /// <summary>Reads stored or just-in-time attribute values of an entity of <paramref name="type"/>.</summary>
    private Dictionary<string, object?> ReadValues(YMapping values, string type, string owner) =>
        AttributeValues.Read(values, type, _attributes.GetValueOrDefault(type) ?? new Dictionary<string, ConditionParameterType>(StringComparer.Ordinal), owner, _diagnostics);

    private static bool IsCelIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
