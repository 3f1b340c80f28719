using Arbiter.Model;

namespace Arbiter.Policy.Yaml;

/// <summary>
/// A node of a YAML document as read by <see cref="YamlTreeReader"/>: a scalar, a sequence or a mapping,
/// with where it is in the source. Arbiter's YAML formats read these instead of YamlDotNet's
/// representation model so that every problem (duplicate keys included) gets line:column.
/// </summary>
internal abstract class YNode
{
    protected YNode(SourceSpan span) => Span = span;

    /// <summary>Where the node is.</summary>
    public SourceSpan Span { get; }

    /// <summary>A short word for error messages: <c>a string</c>, <c>a list</c>, <c>a mapping</c>.</summary>
    public abstract string KindName { get; }
}
