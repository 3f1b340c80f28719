using System.CommandLine;

namespace Arbiter.Cli.Commands;

/// <summary><c>arbiter model</c>: <c>validate</c> and <c>transform</c>.</summary>
internal static class ModelCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("model", "Work with models: validate files, transform between OpenFGA DSL and JSON, write one to the store.");
        command.Subcommands.Add(ModelValidateCommand.Create(context));
        command.Subcommands.Add(ModelTransformCommand.Create(context));
        command.Subcommands.Add(Store.ModelWriteCommand.Create(context));
        return command;
    }
}
