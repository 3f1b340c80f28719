namespace Arbiter.Cli;

/// <summary>Where a command writes: standard output for results, standard error for problems.</summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;
}
