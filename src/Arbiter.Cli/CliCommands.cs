using System.CommandLine;
using Arbiter.Cli.Commands;

namespace Arbiter.Cli;

/// <summary>Builds the command tree of <c>arbiter</c>.</summary>
internal static class CliCommands
{
    public static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand(
            "arbiter: check, explain, list, validate and test authorization models (OpenFGA-compatible), and keep models,\n" +
            "tuples and attributes in a store (SQLite by default: --store sqlite:arbiter.db; or postgres:CONNECTION-STRING).\n" +
            "Exit codes: 0 ok/allowed, 1 denied, test failures or a failed listing, 2 bad input, 3 unexpected error, 4 storage error.");
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(ExplainCommand.Create(context));
        root.Subcommands.Add(ListActionsCommand.Create(context));
        root.Subcommands.Add(ListObjectsCommand.Create(context));
        root.Subcommands.Add(ListSubjectsCommand.Create(context));
        root.Subcommands.Add(PlanCommand.Create(context));
        root.Subcommands.Add(ModelCommand.Create(context));
        root.Subcommands.Add(TestCommand.Create(context));
        root.Subcommands.Add(Store.WriteCommand.CreateWrite(context));
        root.Subcommands.Add(Store.WriteCommand.CreateDelete(context));
        root.Subcommands.Add(Store.ReadCommand.Create(context));
        root.Subcommands.Add(Store.ChangesCommand.Create(context));
        root.Subcommands.Add(Store.StoreCommand.Create(context));
        root.Subcommands.Add(Store.SnapshotCommands.CreateExport(context));
        root.Subcommands.Add(Store.SnapshotCommands.CreateImport(context));
        return root;
    }
}
