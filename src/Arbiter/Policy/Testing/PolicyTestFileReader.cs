using Arbiter.Model;
using Arbiter.Policy.Compilation;
using Arbiter.Policy.Yaml;

namespace Arbiter.Policy.Testing;

/// <summary>
/// Reads a <c>*.policytest.yaml</c> file: <c>policy: path</c> (relative to the test file) and <c>tests:</c> in the
/// format of a policy's own tests. The tests are checked against the policy's resource types and actions.
/// </summary>
internal static class PolicyTestFileReader
{
    private static readonly string[] Keys = ["description", "policy", "tests"];

    public static (PolicyDocument Policy, IReadOnlyList<PolicyTestCase> Tests) Load(string path) =>
        Read(File.ReadAllText(path), path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");

    /// <summary>Reads test file text; the <c>policy:</c> path is taken relative to <paramref name="baseDirectory"/>.</summary>
    public static (PolicyDocument Policy, IReadOnlyList<PolicyTestCase> Tests) Read(string text, string? sourceName, string baseDirectory)
    {
        var diagnostics = new DiagnosticBag(sourceName);
        var top = YamlShape.AsMapping(YamlTreeReader.Read(text, diagnostics), "the test file", diagnostics);
        PolicyDocument? policy = null;
        IReadOnlyList<TestSyntax> entries = [];
        IReadOnlyList<PolicyTestCase> tests = [];
        if (top is not null)
        {
            YamlShape.CheckKeys(top, "the test file", diagnostics, Keys);
            YamlShape.AsString(top.Get("description"), "'description'", diagnostics);
            entries = PolicyReader.ReadTests(top.Get("tests"), diagnostics);
            var policyPath = YamlShape.AsString(top.Get("policy"), "'policy'", diagnostics);
            if (policyPath is not null)
            {
                var full = Path.Combine(baseDirectory, policyPath.Value);
                if (File.Exists(full))
                {
                    policy = PolicyDocument.Load(full);
                    var cache = new Dictionary<YMapping, Dictionary<string, object?>>(ReferenceEqualityComparer.Instance);
                    tests = entries.Where(t => Check(t.Case, policy, diagnostics)).Select(t => WithValues(t, policy, cache, diagnostics)).ToArray();
                }
                else
                {
                    diagnostics.Add(YamlCodes.MissingKey, $"the policy file '{policyPath.Value}' does not exist", policyPath.Span, policyPath.Value);
                }
            }
            else if (top.Get("policy") is null)
            {
                diagnostics.Add(YamlCodes.MissingKey, "a policy test file needs 'policy: <path of the policy file>'", top.Span, "policy");
            }
        }
        else
        {
            diagnostics.Add(YamlCodes.MissingKey, "a policy test file needs 'policy:' and 'tests:'", new SourceSpan(1, 1, 1, 1));
        }
        diagnostics.ThrowIfAny();
        return (policy!, tests);
    }

    /// <summary>Types the test's just-in-time values by the policy's attribute declarations.</summary>
    /// <remarks>The cases of one entry share its mappings, which are read (and reported) once through <paramref name="cache"/>.</remarks>
    private static PolicyTestCase WithValues(TestSyntax entry, PolicyDocument policy, Dictionary<YMapping, Dictionary<string, object?>> cache, DiagnosticBag diagnostics)
    {
        var test = entry.Case;
        var resource = policy.Resources[ObjectRef.Parse(test.Resource).Type];
        return test with
        {
            UserAttributes = entry.UserAttributes is { } u
                ? Once(u, m => AttributeValues.Read(m, PolicyDocument.UserType, Declared(policy.UserAttributes), $"'userAttributes' of the test of {test.User}", diagnostics))
                : null,
            ResourceAttributes = entry.ResourceAttributes is { } r
                ? Once(r, m => AttributeValues.Read(m, resource.Name, Declared(resource.Attributes), $"'resourceAttributes' of the test of {test.Resource}", diagnostics))
                : null,
            Context = entry.Context is { } c ? Once(c, AttributeValues.ReadContext) : null,
        };

        Dictionary<string, object?> Once(YMapping mapping, Func<YMapping, Dictionary<string, object?>> reader)
        {
            if (!cache.TryGetValue(mapping, out var values))
            {
                cache[mapping] = values = reader(mapping);
            }
            return values;
        }
    }

    private static Dictionary<string, ConditionParameterType> Declared(IReadOnlyList<AttributeDefinition> attributes) =>
        attributes.ToDictionary(a => a.Name, a => a.Type, StringComparer.Ordinal);

    private static bool Check(PolicyTestCase test, PolicyDocument policy, DiagnosticBag diagnostics)
    {
        if (!ObjectRef.TryParse(test.Resource, out var obj, out var error))
        {
            diagnostics.Add(YamlCodes.InvalidName, "a resource must be 'type:id': " + error, test.Span, test.Resource);
            return false;
        }
        if (!policy.Resources.TryGetValue(obj.Type, out var resource))
        {
            diagnostics.Add(PolicyCodes.UnknownResource, $"'{obj}' is of unknown resource type '{obj.Type}'", test.Span, obj.Type);
            return false;
        }
        if (!resource.Actions.Contains(test.Action, StringComparer.Ordinal))
        {
            diagnostics.Add(PolicyCodes.UnknownAction, $"'{obj.Type}' has no action '{test.Action}'; its actions are {string.Join(", ", resource.Actions)}", test.Span, test.Action);
            return false;
        }
        return true;
    }
}
