using Arbiter.Engine;
using Arbiter.Model;

namespace Arbiter;

/// <summary>
/// The embedded authorization engine: one current model version, the relationships in memory (immutable per revision,
/// swapped atomically on every write), and OpenFGA-compatible check, batch check and list-actions.
/// Thread-safe: any number of concurrent readers; writes are serialized.
/// </summary>
public sealed partial class AuthorizationEngine : IAuthorizer
{
    private readonly AuthorizationEngineOptions _options;
    private readonly EngineTables _tables = new();
    private readonly ModelIdGenerator _ids;
    private readonly Lock _writeLock = new();
    private EngineState _state;

    private AuthorizationEngine(AuthorizationModel model, AuthorizationEngineOptions options)
    {
        _options = options;
        _ids = new ModelIdGenerator(options.TimeProvider);
        _state = new EngineState(Compile(model), RelationshipIndex.Empty);
    }

    /// <summary>An engine for a stored model version: it keeps the version's id.</summary>
    private AuthorizationEngine(AuthorizationModel model, string modelId, AuthorizationEngineOptions options)
    {
        _options = options;
        _ids = new ModelIdGenerator(options.TimeProvider);
        _state = new EngineState(Compile(model, modelId), RelationshipIndex.Empty);
    }

    /// <summary>Creates an engine for a model, with no relationships.</summary>
    /// <param name="model">The model; it is validated and compiled.</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ModelValidationException">The model has problems; every one is listed.</exception>
    public static AuthorizationEngine Create(AuthorizationModel model, AuthorizationEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var settings = (options ?? new AuthorizationEngineOptions()).Clone();
        settings.Validate();
        return new AuthorizationEngine(model, settings);
    }

    /// <summary>The current model version (its <see cref="AuthorizationModel.Id"/> is <see cref="ModelId"/>).</summary>
    public AuthorizationModel Model => State.Model.Source;

    /// <summary>The id of the current model version.</summary>
    public string ModelId => State.Model.Id;

    /// <summary>The revision of the relationships; every successful <see cref="Write"/> increments it.</summary>
    public long Revision => State.Index.Revision;

    /// <summary>The number of stored relationships.</summary>
    public int TupleCount => State.Index.Count;

    internal EngineState State => Volatile.Read(ref _state);

    internal EngineTables Tables => _tables;

    internal AuthorizationEngineOptions Options => _options;

    /// <summary>
    /// Makes <paramref name="model"/> the current model version and returns its id. Stored relationships are kept;
    /// those the new model no longer allows are ignored when read.
    /// </summary>
    /// <exception cref="ModelValidationException">The model has problems; the current version stays.</exception>
    public string SetModel(AuthorizationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ThrowIfBound();
        lock (_writeLock)
        {
            var compiled = Compile(model);
            Publish(new EngineState(compiled, State.Index, State.Attributes, State.ReverseIfBuilt));
            return compiled.Id;
        }
    }

    private CompiledModel Compile(AuthorizationModel model, string? id = null) =>
        CompiledModel.Compile(model, id ?? _ids.Next(), _tables.Types, _tables.Relations, _options.Cel);
}
