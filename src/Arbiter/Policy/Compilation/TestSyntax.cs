using Arbiter.Policy.Yaml;

namespace Arbiter.Policy.Compilation;

/// <summary>One assertion of <c>tests:</c> as read, with its just-in-time values still as YAML (they are typed once the declarations are known).</summary>
internal sealed record TestSyntax(PolicyTestCase Case, YMapping? UserAttributes, YMapping? ResourceAttributes, YMapping? Context);
