using Arbiter.Directory;
using Arbiter.Model;
using Arbiter.Policy;
using FsCheck;
using FsCheck.Fluent;

namespace Arbiter.Tests.Policy;

/// <summary>Any text, however broken, gives a document or a <see cref="ModelValidationException"/> with positions: never another exception.</summary>
public class YamlRobustnessTests
{
    private static readonly string[] Tokens =
    [
        "roles:", "users:", "resources:", "tests:", "tenants:", "instances:", "unique_claims:", "grants:", "includes:", "derive:",
        "actions: [read]", "relations:", "parent:", "tenant:", "scopes:", "email:", "action:", "expect:", "allow", "deny",
        "\n", "\n  ", "\n    ", "  ", "- ", "{", "}", "[", "]", ": ", ":", ", ", "a", "b", "doc", "doc:1", "read", "\"", "'", "&x ", "*x",
        "---\n", "# c\n", "\t", "~", "? ", "!!str ", "|\n", ">\n", "%YAML 1.2\n", "*", "@", "`", "\\", "\r\n",
    ];

    private static Arbitrary<string> YamlishText() =>
        Arb.From(Gen.Elements(Tokens).ArrayOf().Select(parts => string.Concat(parts)));

    [Fact]
    public void PolicyDocumentParse_AnyText_ThrowsOnlyModelValidationExceptionWithPositions() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), Prop.ForAll(YamlishText(), text => Survives(() => PolicyDocument.Parse(text))));

    [Fact]
    public void UserDirectoryFromYaml_AnyText_ThrowsOnlyModelValidationExceptionWithPositions() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), Prop.ForAll(YamlishText(), text => Survives(() => UserDirectory.FromYaml(text))));

    private static bool Survives(Action load)
    {
        try
        {
            load();
            return true;
        }
        catch (ModelValidationException ex)
        {
            return ex.Diagnostics.Count > 0 && ex.Diagnostics.All(d => d.Span is { Line: > 0, Column: > 0 });
        }
    }
}
