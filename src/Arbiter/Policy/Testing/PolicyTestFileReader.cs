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
        IReadOnlyList<PolicyTestCase> tests = [];
        if (top is not null)
        {
            YamlShape.CheckKeys(top, "the test file", diagnostics, Keys);
            YamlShape.AsString(top.Get("description"), "'description'", diagnostics);
            tests = PolicyReader.ReadTests(top.Get("tests"), diagnostics);
            var policyPath = YamlShape.AsString(top.Get("policy"), "'policy'", diagnostics);
            if (policyPath is not null)
            {
                var full = Path.Combine(baseDirectory, policyPath.Value);
                if (File.Exists(full))
                {
                    policy = PolicyDocument.Load(full);
                    tests = tests.Where(t => Check(t, policy, diagnostics)).ToArray();
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
