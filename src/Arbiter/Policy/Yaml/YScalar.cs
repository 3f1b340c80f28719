using Arbiter.Model;

namespace Arbiter.Policy.Yaml;

/// <summary>A scalar: <c>anne</c>, <c>"Doe, John"</c>, or a null (<c>~</c>, <c>null</c>, or nothing at all).</summary>
internal sealed class YScalar : YNode
{
    public YScalar(string value, bool isNull, SourceSpan span, bool isPlain = true, SourceSpan? contentStart = null) : base(span)
    {
        Value = value;
        IsNull = isNull;
        IsPlain = isPlain;
        ContentStart = contentStart ?? span;
    }

    /// <summary>The text of the scalar; empty for a null.</summary>
    public string Value { get; }

    /// <summary><see langword="true"/> for a plain <c>null</c>, <c>~</c> or an empty value.</summary>
    public bool IsNull { get; }

    /// <summary>
    /// <see langword="true"/> for a plain (unquoted, non-block) scalar, whose kind YAML infers from its text
    /// (<c>3</c> is a number, <c>true</c> a bool); <see langword="false"/> for quoted and block scalars, which are strings.
    /// </summary>
    public bool IsPlain { get; }

    /// <summary>
    /// Where the scalar's text starts: the scalar's start for a plain scalar, one column after the quote for a quoted
    /// one, the first line of content for a block scalar (<c>|</c>, <c>&gt;</c>). Used to place errors found inside the text.
    /// </summary>
    public SourceSpan ContentStart { get; }

    public override string KindName => IsNull ? "empty" : "a single value";
}
