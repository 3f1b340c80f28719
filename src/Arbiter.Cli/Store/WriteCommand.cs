using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Arbiter.Cli.Commands;
using Arbiter.Cli.Input;
using Arbiter.Cli.Output;
using Arbiter.Storage;
using Arbiter.Testing;

namespace Arbiter.Cli.Store;

/// <summary><c>arbiter write</c> and <c>arbiter delete</c>: one atomic write to the persistent store, checked against its model.</summary>
internal static class WriteCommand
{
    public static Command CreateWrite(CliContext context)
    {
        var tuples = new TupleInputs("write");
        var attributes = new Option<string[]>("--attributes")
        {
            Description = "A file of entity attribute values (YAML or JSON: a list of {entity|user|object, values|attributes}); each entry replaces that entity's values. Repeatable.",
            HelpName = "FILE",
        };
        var clear = new Option<string[]>("--clear-attributes")
        {
            Description = "An entity whose attribute values are removed, 'type:id'. Repeatable.",
            HelpName = "ENTITY",
        };
        var onDuplicate = new Option<string?>("--on-duplicate")
        {
            Description = "What writing a tuple that exists does: fail (the default: nothing is written) or ignore (it is skipped).",
            HelpName = "fail|ignore",
        };
        var command = new Command("write",
            "Write tuples and attribute values to the store in one atomic write, checked against the store's model; prints the\n" +
            "revision (the consistency token). Example: arbiter write -t 'document:1#viewer@user:anne' --store sqlite:arbiter.db");
        tuples.AddTo(command);
        command.Options.Add(attributes);
        command.Options.Add(clear);
        command.Options.Add(onDuplicate);
        return Build(context, command, (parseResult, write) =>
        {
            var sets = new List<EntityAttributes>();
            foreach (var path in parseResult.GetValue(attributes) ?? [])
            {
                var (entries, diagnostics) = AttributeFileLoader.Load(path);
                if (diagnostics.Count > 0)
                {
                    throw new CliInputException($"cannot load attribute file {path}", diagnostics);
                }
                sets.AddRange(entries.Select(static e => new EntityAttributes(e.Entity, e.Values)));
            }
            var cleared = (parseResult.GetValue(clear) ?? []).Select(static text => RequestParser.Object(text)).ToList();
            return write with
            {
                Writes = tuples.Read(parseResult),
                SetAttributes = sets,
                ClearAttributes = cleared,
                OnDuplicate = Behavior(parseResult.GetValue(onDuplicate), "--on-duplicate"),
            };
        });
    }

    public static Command CreateDelete(CliContext context)
    {
        var tuples = new TupleInputs("delete");
        var onMissing = new Option<string?>("--on-missing")
        {
            Description = "What deleting a tuple that does not exist does: fail (the default: nothing is deleted) or ignore.",
            HelpName = "fail|ignore",
        };
        var command = new Command("delete",
            "Delete tuples from the store in one atomic write; prints the revision.\n" +
            "Example: arbiter delete -t 'document:1#viewer@user:anne'");
        tuples.AddTo(command);
        command.Options.Add(onMissing);
        return Build(context, command, (parseResult, write) => write with
        {
            Deletes = tuples.Read(parseResult),
            OnMissing = Behavior(parseResult.GetValue(onMissing), "--on-missing"),
        });
    }

    private static Command Build(CliContext context, Command command, Func<ParseResult, StoreWrite, StoreWrite> read)
    {
        var key = new Option<string?>("--idempotency-key")
        {
            Description = "Makes a retry safe: a write whose key the store has seen with the same content changes nothing and prints the first revision.",
            HelpName = "KEY",
        };
        var location = new StoreLocationOption();
        var json = Options.Json();
        command.Options.Add(key);
        location.AddTo(command);
        command.Options.Add(json);
        CommandAction.Set(command, context, json, async (parseResult, cancellationToken) =>
        {
            var write = read(parseResult, new StoreWrite { IdempotencyKey = parseResult.GetValue(key) });
            if (write.OperationCount == 0)
            {
                throw new CliInputException($"nothing to {command.Name}: give --tuple or --tuples" + (command.Name == "write" ? ", --attributes or --clear-attributes" : string.Empty));
            }
            await using var session = await StoreSession.OpenAsync(location, parseResult, context, cancellationToken).ConfigureAwait(false);
            // the write is checked against the store's newest model only: no need to load the store's tuples
            (await session.ModelEngineAsync(cancellationToken).ConfigureAwait(false)).ValidateWrite(write);
            var result = await session.Store.WriteAsync(session.StoreId, write, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, new JsonObject
                {
                    ["store"] = session.StoreId,
                    ["revision"] = result.Revision,
                    ["replayed"] = result.Replayed,
                }).ConfigureAwait(false);
            }
            else
            {
                var what = string.Join(", ", new[]
                {
                    Count(write.Writes.Count, "tuple", "written"), Count(write.Deletes.Count, "tuple", "deleted"),
                    Count(write.SetAttributes.Count, "attribute entry", "set"), Count(write.ClearAttributes.Count, "attribute entry", "cleared"),
                }.Where(static s => s.Length > 0));
                await context.Out.WriteLineAsync(result.Replayed
                    ? string.Create(CultureInfo.InvariantCulture, $"already written at revision {result.Revision} (same idempotency key): nothing changed")
                    : string.Create(CultureInfo.InvariantCulture, $"{what}: store '{session.StoreId}' at revision {result.Revision}")).ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Count(int n, string noun, string verb) => n switch
    {
        0 => string.Empty,
        1 => $"1 {noun} {verb}",
        _ => string.Create(CultureInfo.InvariantCulture, $"{n} {(noun.EndsWith('y') ? noun[..^1] + "ies" : noun + "s")} {verb}"),
    };

    private static ConflictBehavior Behavior(string? text, string option) => text switch
    {
        null or "fail" => ConflictBehavior.Fail,
        "ignore" => ConflictBehavior.Ignore,
        _ => throw new CliInputException($"invalid {option} '{text}': use fail or ignore"),
    };
}
