using System.CommandLine;

namespace Arbiter.Cli.Commands;

/// <summary>Options every command has.</summary>
internal static class Options
{
    public static Option<bool> Json() => new("--json")
    {
        Description = "Write the result as JSON on standard output (for scripts); errors too.",
    };
}
