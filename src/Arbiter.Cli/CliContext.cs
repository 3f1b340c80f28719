namespace Arbiter.Cli;

/// <summary>Where a command writes (standard output for results, standard error for problems) and the environment it reads.</summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr, Func<string, string?>? environment = null)
{
    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    /// <summary>An environment variable, or <see langword="null"/> when unset or empty.</summary>
    public string? Variable(string name) => _environment(name) is { Length: > 0 } value ? value : null;
}
