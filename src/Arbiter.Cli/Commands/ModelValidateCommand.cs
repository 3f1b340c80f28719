using System.CommandLine;
using System.Text.Json.Nodes;
using Arbiter.Cli.Output;
using Arbiter.Model;
using Arbiter.Testing;

namespace Arbiter.Cli.Commands;

/// <summary><c>arbiter model validate FILES...</c>: every problem as <c>file:line:column: message</c>; exit 2 when any.</summary>
internal static class ModelValidateCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Model files: OpenFGA DSL (.fga), OpenFGA JSON (.json), or store files (.fga.yaml) whose model, tuples and tests are checked.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = Options.Json();
        var command = new Command("validate",
            "Validate models and report every problem with file:line:column on standard error.\n" +
            "Exit code 0 when all are valid, 2 otherwise.\n" +
            "Example: arbiter model validate model.fga")
        {
            files,
        };
        command.Options.Add(json);
        CommandAction.Set(command, context, json, async (parseResult, _) =>
        {
            var asJson = parseResult.GetValue(json);
            var reports = new JsonArray();
            var invalid = 0;
            foreach (var path in parseResult.GetValue(files) ?? [])
            {
                var (model, diagnostics) = Load(path);
                if (diagnostics.Count > 0)
                {
                    invalid++;
                    foreach (var diagnostic in diagnostics)
                    {
                        await context.Error.WriteLineAsync(DiagnosticText.Format(diagnostic)).ConfigureAwait(false);
                    }
                }
                var summary = model is null ? null : $"{Count(model.Types.Count, "type")}, {Count(model.Conditions.Count, "condition")}";
                if (!asJson)
                {
                    await context.Out.WriteLineAsync(diagnostics.Count == 0
                        ? $"{path}: valid ({summary})"
                        : $"{path}: invalid, {Count(diagnostics.Count, "problem")}").ConfigureAwait(false);
                }
                reports.Add(new JsonObject
                {
                    ["file"] = path,
                    ["valid"] = diagnostics.Count == 0,
                    ["types"] = model?.Types.Count,
                    ["conditions"] = model?.Conditions.Count,
                    ["diagnostics"] = ErrorOutput.Diagnostics(diagnostics),
                });
            }
            if (asJson)
            {
                await JsonOutput.WriteAsync(context, new JsonObject { ["valid"] = invalid == 0, ["files"] = reports }).ConfigureAwait(false);
            }
            return invalid == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
        });
        return command;
    }

    private static (AuthorizationModel? Model, IReadOnlyList<ModelDiagnostic> Diagnostics) Load(string path)
    {
        if (TestCommand.IsStoreFileName(path))
        {
            var store = StoreFileLoader.Load(path);
            return (store.File?.Model, store.Diagnostics);
        }
        var result = ModelSource.LoadFile(path);
        return (result.Model, result.Diagnostics);
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
