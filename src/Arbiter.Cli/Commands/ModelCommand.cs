using System.CommandLine;

namespace Arbiter.Cli.Commands;

/// <summary><c>arbiter model</c>: <c>validate</c> and <c>transform</c>.</summary>
internal static class ModelCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("model", "Work with model files: validate them, or transform between OpenFGA DSL and JSON.");
        command.Subcommands.Add(ModelValidateCommand.Create(context));
        command.Subcommands.Add(ModelTransformCommand.Create(context));
        return command;
    }
}
