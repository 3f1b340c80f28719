using Arbiter.Model;

namespace Arbiter.Policy.Yaml;

/// <summary>A sequence (<c>[a, b]</c> or a block list).</summary>
internal sealed class YSequence : YNode
{
    public YSequence(IReadOnlyList<YNode> items, SourceSpan span) : base(span) => Items = items;

    /// <summary>The items, in source order.</summary>
    public IReadOnlyList<YNode> Items { get; }

    public override string KindName => "a list";
}
