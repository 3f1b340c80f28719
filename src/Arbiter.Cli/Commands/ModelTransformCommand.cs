using System.CommandLine;
using System.Text.Json.Nodes;
using Arbiter.Cli.Output;
using Arbiter.Parsing;
using Arbiter.Testing;

namespace Arbiter.Cli.Commands;

/// <summary><c>arbiter model transform FILE</c>: OpenFGA DSL to JSON and back.</summary>
internal static class ModelTransformCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The model file: OpenFGA DSL (.fga) or OpenFGA JSON (.json)." };
        var to = new Option<string?>("--to")
        {
            Description = "The output format: 'json' or 'dsl'. Default: the other one (a .json file becomes DSL, anything else JSON).",
            HelpName = "FORMAT",
        };
        to.AcceptOnlyFromAmong("json", "dsl");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output.", HelpName = "FILE" };
        var json = Options.Json();
        var command = new Command("transform",
            "Transform a model between OpenFGA DSL and OpenFGA JSON. The input format comes from the file extension.\n" +
            "Example: arbiter model transform model.fga --to json -o model.json")
        {
            file,
        };
        command.Options.Add(to);
        command.Options.Add(output);
        command.Options.Add(json);
        CommandAction.Set(command, context, json, async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            var inputIsJson = ModelSource.IsJsonPath(path);
            var format = parseResult.GetValue(to) ?? (inputIsJson ? "dsl" : "json");
            var loaded = ModelSource.LoadFile(path);
            if (!loaded.Success)
            {
                throw new CliInputException($"cannot load model {path}", loaded.Diagnostics);
            }
            var text = string.Equals(format, "json", StringComparison.Ordinal) ? ModelJson.Write(loaded.Model!) : ModelPrinter.ToDsl(loaded.Model!);
            if (parseResult.GetValue(output) is { } outputPath)
            {
                try
                {
                    await File.WriteAllTextAsync(outputPath, text, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new CliInputException($"cannot write {outputPath}: {ex.Message}");
                }
            }
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, new JsonObject
                {
                    ["file"] = path,
                    ["format"] = format,
                    ["output"] = parseResult.GetValue(output),
                    ["text"] = parseResult.GetValue(output) is null ? text : null,
                }).ConfigureAwait(false);
            }
            else if (parseResult.GetValue(output) is null)
            {
                await context.Out.WriteAsync(text.EndsWith('\n') ? text : text + "\n").ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
