using Arbiter.Model;

namespace Arbiter.Policy.Compilation;

/// <summary>A name as written in the policy, with where it is.</summary>
internal sealed record Named(string Name, SourceSpan Span)
{
    public static Named From(Yaml.YScalar scalar) => new(scalar.Value, scalar.Span);

    public override string ToString() => Name;
}
