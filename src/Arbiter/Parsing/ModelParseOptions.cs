namespace Arbiter.Parsing;

/// <summary>Settings for reading model text (<see cref="ModelParser"/>, ModelJson).</summary>
public sealed record ModelParseOptions
{
    /// <summary>The default limit on the length of model text: 1 MiB of characters.</summary>
    public const int DefaultMaxLength = 1024 * 1024;

    /// <summary>The options used when none are given.</summary>
    public static ModelParseOptions Default { get; } = new();

    /// <summary>The longest model text accepted, in characters; longer text is refused with an <c>input-too-large</c> problem.</summary>
    /// <value>Defaults to <see cref="DefaultMaxLength"/> (1 MiB).</value>
    public int MaxLength { get; init; } = DefaultMaxLength;

    /// <summary>The file or source name put on every problem (<see cref="Model.ModelDiagnostic.Source"/>).</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public string? SourceName { get; init; }
}
