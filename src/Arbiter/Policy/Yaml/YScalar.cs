using Arbiter.Model;

namespace Arbiter.Policy.Yaml;

/// <summary>A scalar: <c>anne</c>, <c>"Doe, John"</c>, or a null (<c>~</c>, <c>null</c>, or nothing at all).</summary>
internal sealed class YScalar : YNode
{
    public YScalar(string value, bool isNull, SourceSpan span) : base(span)
    {
        Value = value;
        IsNull = isNull;
    }

    /// <summary>The text of the scalar; empty for a null.</summary>
    public string Value { get; }

    /// <summary><see langword="true"/> for a plain <c>null</c>, <c>~</c> or an empty value.</summary>
    public bool IsNull { get; }

    public override string KindName => IsNull ? "empty" : "a single value";
}
