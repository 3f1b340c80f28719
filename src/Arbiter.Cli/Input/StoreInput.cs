using System.CommandLine;
using Arbiter.Model;
using Arbiter.Testing;

namespace Arbiter.Cli.Input;

/// <summary>
/// The options that say where the model and relationships come from (until stores exist): <c>--model</c> with
/// <c>--tuples</c> / <c>--tuple</c>, or <c>--store-file</c>; and the request extras <c>--context</c>, <c>--contextual-tuple</c>,
/// <c>--subject-attributes</c> and <c>--object-attributes</c>.
/// </summary>
internal sealed class StoreInput
{
    public Option<string?> Model { get; } = new("--model", "-m")
    {
        Description = "The model file: OpenFGA DSL (.fga) or OpenFGA JSON (.json).",
        HelpName = "FILE",
    };

    public Option<string?> StoreFile { get; } = new("--store-file", "-s")
    {
        Description = "An OpenFGA store file (.fga.yaml): its model, its top-level tuples and its top-level attributes are used.",
        HelpName = "FILE",
    };

    public Option<string[]> TupleFiles { get; } = new("--tuples")
    {
        Description = "A tuple file: YAML, JSON or JSON lines ({user, relation, object, condition}) or CSV (fga's columns). Repeatable.",
        HelpName = "FILE",
    };

    public Option<string[]> Tuples { get; } = new("--tuple", "-t")
    {
        Description = "A relationship tuple 'object#relation@user', e.g. 'document:1#viewer@user:anne'. Repeatable.",
        HelpName = "TUPLE",
    };

    public Option<string?> Context { get; } = new("--context", "-c")
    {
        Description = "Request context for conditions, as a JSON object, e.g. '{\"ip\": \"10.0.0.1\"}'.",
        HelpName = "JSON",
    };

    public Option<string[]> ContextualTuples { get; } = new("--contextual-tuple")
    {
        Description = "A tuple that counts for this request only, 'object#relation@user'. Repeatable.",
        HelpName = "TUPLE",
    };

    public Option<string?> SubjectAttributes { get; } = new("--subject-attributes")
    {
        Description = "Attribute values of the user for this request only, as a JSON object overriding stored values, e.g. '{\"department\": \"eng\"}'.",
        HelpName = "JSON",
    };

    public Option<string?> ObjectAttributes { get; } = new("--object-attributes")
    {
        Description = "Attribute values of the object for this request only, as a JSON object overriding stored values, e.g. '{\"classification\": 2}'.",
        HelpName = "JSON",
    };

    /// <summary>Adds the options to a command; a listing leaves out the attributes of the side it lists.</summary>
    /// <summary><c>--store</c>/<c>--store-id</c>: decide against the persistent store when no model file is given.</summary>
    public StoreLocationOption Persistent { get; } = new();

    public void AddTo(Command command, bool subjectAttributes = true, bool objectAttributes = true)
    {
        Persistent.AddTo(command);
        command.Options.Add(Model);
        command.Options.Add(StoreFile);
        command.Options.Add(TupleFiles);
        command.Options.Add(Tuples);
        command.Options.Add(Context);
        command.Options.Add(ContextualTuples);
        if (subjectAttributes)
        {
            command.Options.Add(SubjectAttributes);
        }
        if (objectAttributes)
        {
            command.Options.Add(ObjectAttributes);
        }
    }

    /// <summary>Loads the model and the tuples and makes an authorizer over them.</summary>
    /// <exception cref="CliInputException">A file is missing or malformed, or a tuple is malformed or does not fit the model.</exception>
    /// <summary>
    /// The engine a command decides with: over the model file (<c>--model</c>) or store file (<c>--store-file</c>) with
    /// the tuples given on the command line, or else over the persistent store (<c>--store</c>, by default sqlite:arbiter.db).
    /// </summary>
    public async Task<LoadedStore> LoadAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken)
    {
        var modelPath = parseResult.GetValue(Model);
        var storePath = parseResult.GetValue(StoreFile);
        if (modelPath is not null && storePath is not null)
        {
            throw new CliInputException("give either --model or --store-file, not both");
        }
        if (modelPath is null && storePath is null)
        {
            if ((parseResult.GetValue(Tuples) ?? []).Length > 0 || (parseResult.GetValue(TupleFiles) ?? []).Length > 0)
            {
                throw new CliInputException("--tuple and --tuples add tuples to a model file's engine (--model or --store-file); to add them to the store, use 'arbiter write'");
            }
            var session = await Store.StoreSession.OpenAsync(Persistent, parseResult, context, cancellationToken).ConfigureAwait(false);
            try
            {
                var engine = await session.OpenEngineAsync(cancellationToken).ConfigureAwait(false);
                return new LoadedStore(engine.Model, engine, session);
            }
            catch
            {
                await session.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        if (Persistent.IsGiven(parseResult))
        {
            throw new CliInputException("give either --store or a model file (--model, --store-file), not both");
        }
        return Load(parseResult);
    }

    private LoadedStore Load(ParseResult parseResult)
    {
        var modelPath = parseResult.GetValue(Model);
        var storePath = parseResult.GetValue(StoreFile);
        AuthorizationModel model;
        var tuples = new List<RelationshipTuple>();
        IReadOnlyList<StoreAttributes> attributes = [];
        if (storePath is not null)
        {
            var store = StoreFileLoader.Load(storePath);
            if (!store.Success)
            {
                throw new CliInputException($"cannot load store file {storePath}", store.Diagnostics);
            }
            model = store.File!.Model;
            tuples.AddRange(store.File.Tuples);
            attributes = store.File.Attributes;
        }
        else
        {
            var loaded = ModelSource.LoadFile(modelPath!);
            if (!loaded.Success)
            {
                throw new CliInputException($"cannot load model {modelPath}", loaded.Diagnostics);
            }
            model = loaded.Model!;
        }
        foreach (var path in parseResult.GetValue(TupleFiles) ?? [])
        {
            var file = TupleFileLoader.Load(path);
            if (!file.Success)
            {
                throw new CliInputException($"cannot load tuple file {path}", file.Diagnostics);
            }
            tuples.AddRange(file.Tuples);
        }
        tuples.AddRange(ParseTuples(parseResult.GetValue(Tuples), "--tuple"));
        AuthorizationEngine engine;
        try
        {
            engine = EngineAuthorizerFactory.Create(model, tuples.Distinct().ToList());
        }
        catch (ArbiterException ex) when (ex is not ModelValidationException)
        {
            throw new CliInputException("a tuple does not fit the model: " + ex.Message);
        }
        try
        {
            EngineAuthorizerFactory.WriteAttributes(engine, model, attributes);
        }
        catch (ArbiterException ex) when (ex is not ModelValidationException)
        {
            throw new CliInputException($"cannot load store file {storePath}: {ex.Message}");
        }
        return new LoadedStore(model, engine);
    }

    /// <summary>Reads <c>--context</c>, <c>--contextual-tuple</c>, <c>--subject-attributes</c> and <c>--object-attributes</c>.</summary>
    /// <exception cref="CliInputException">A JSON option is not valid JSON or not an object, or a tuple is malformed.</exception>
    public RequestExtras ReadRequestExtras(ParseResult parseResult) => new(
        JsonObjectOption(parseResult, Context),
        ParseTuples(parseResult.GetValue(ContextualTuples), "--contextual-tuple"),
        JsonObjectOption(parseResult, SubjectAttributes),
        JsonObjectOption(parseResult, ObjectAttributes));

    private static IReadOnlyDictionary<string, object?>? JsonObjectOption(ParseResult parseResult, Option<string?> option)
    {
        if (parseResult.GetValue(option) is not { } json)
        {
            return null;
        }
        return JsonValues.TryParseObject(json, out var values, out var error) ? values : throw new CliInputException($"invalid {option.Name}: {error}");
    }

    private static List<RelationshipTuple> ParseTuples(string[]? texts, string option)
    {
        var tuples = new List<RelationshipTuple>();
        foreach (var text in texts ?? [])
        {
            if (!RelationshipTuple.TryParse(text, out var tuple, out var error))
            {
                throw new CliInputException(error.Contains($"'{text}'", StringComparison.Ordinal) ? $"{option}: {error}" : $"invalid {option} '{text}': {error}");
            }
            tuples.Add(tuple);
        }
        return tuples;
    }
}
