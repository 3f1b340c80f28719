namespace Arbiter.Filtering;

/// <summary>The kinds of values a filter compares: a value of one kind never satisfies a comparison with another.</summary>
internal enum FilterValueKind
{
    /// <summary>No value, or a value of a type filters do not compare (enums, <see cref="Guid"/>, <see cref="char"/>, ...).</summary>
    Other,

    /// <summary><see cref="string"/>, compared ordinally.</summary>
    String,

    /// <summary>Every integral and floating-point type and <see cref="decimal"/>, compared by value.</summary>
    Number,

    /// <summary><see cref="bool"/>: equality only.</summary>
    Bool,

    /// <summary><see cref="DateTimeOffset"/> and <see cref="DateTime"/> (local times converted to UTC, unspecified ones taken as UTC).</summary>
    Timestamp,

    /// <summary><see cref="TimeSpan"/>.</summary>
    Duration,
}
