using Arbiter.Engine;
using Arbiter.Model;
using Arbiter.Storage;

namespace Arbiter;

public sealed partial class AuthorizationEngine : IAsyncDisposable
{
    private StoreFollower? _follower;

    /// <summary>
    /// Opens an engine over a store: loads the store's newest model, tuples and attributes at one revision, then follows
    /// the store's change feed in the background so that every write (from this engine or any other on the same store)
    /// reaches its index. Each request sees one revision. Write through <see cref="WriteAsync"/> and
    /// <see cref="WriteModelAsync"/>; dispose the engine to stop following.
    /// </summary>
    /// <param name="store">The store provider (in-memory, SQLite or PostgreSQL).</param>
    /// <param name="storeId">The store.</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <exception cref="ArbiterException">
    /// The store does not exist (<see cref="ArbiterErrorCode.StoreNotFound"/>) or has no model yet (<see cref="ArbiterErrorCode.ModelNotFound"/>).
    /// </exception>
    /// <exception cref="ArbiterStorageException">The store cannot be read.</exception>
    public static async Task<AuthorizationEngine> OpenAsync(IStore store, string storeId, AuthorizationEngineOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(storeId);
        var settings = (options ?? new AuthorizationEngineOptions()).Clone();
        settings.Validate();
        AuthorizationEngine? engine = null;
        await using (var state = await store.OpenStateAsync(storeId, cancellationToken).ConfigureAwait(false))
        {
            var model = state.Model ?? throw new ArbiterException(ArbiterErrorCode.ModelNotFound,
                $"store '{storeId}' has no model yet: write one first (arbiter model write, or IStoreWriter.WriteModelAsync)");
            engine = new AuthorizationEngine(model.Model, model.Id, settings);
            await engine.LoadAsync(state, cancellationToken).ConfigureAwait(false);
        }
        engine._follower = new StoreFollower(engine, store, storeId);
        engine._follower.Start();
        return engine;
    }

    /// <summary>
    /// The store this engine follows, or <see langword="null"/> for an engine that follows none (created with <see cref="Create"/>
    /// or from a snapshot) or follows a store that is only an <see cref="IStoreReader"/> (see <see cref="StoreReader"/>).
    /// </summary>
    public IStore? Store => _follower?.Store as IStore;

    /// <summary>The store this engine follows (read side), or <see langword="null"/>.</summary>
    public IStoreReader? StoreReader => _follower?.Store;

    /// <summary>The id of the store this engine follows, or <see langword="null"/>.</summary>
    public string? StoreId => _follower?.StoreId;

    /// <summary>
    /// The store's last failure while following it, or <see langword="null"/> when the last read succeeded. While the store
    /// fails the engine answers from its last revision and retries.
    /// </summary>
    public Exception? LastStoreError => _follower?.LastError;

    /// <summary>
    /// Writes to the store this engine follows, after checking every tuple and attribute entry against the current model,
    /// and returns when this engine has applied the write (or after <see cref="AuthorizationEngineOptions.ConsistencyTimeout"/>).
    /// The result's revision is the consistency token for <see cref="Consistency.AtLeast"/> on any engine of the store.
    /// </summary>
    /// <exception cref="InvalidOperationException">The engine follows no store (use <see cref="Write"/> and <see cref="WriteAttributes"/>), or follows one read-only (<see cref="Follow"/> with a store that is not an <see cref="IStoreWriter"/>).</exception>
    /// <exception cref="ArbiterException">A tuple or attribute entry does not fit the model, or the store refuses the write (see <see cref="IStoreWriter.WriteAsync"/>); nothing is written.</exception>
    public async ValueTask<WriteResult> WriteAsync(StoreWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var follower = _follower ?? throw new InvalidOperationException(NotBound);
        ValidateWrite(write);
        var result = await Writer(follower).WriteAsync(follower.StoreId, write, cancellationToken).ConfigureAwait(false);
        await CatchUpAsync(result.Revision, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Checks a write against the current model as <see cref="WriteAsync"/> does before it sends the write to the store:
    /// its shape (<see cref="StoreWrites.Validate"/>, without a size limit: the store applies its own), every tuple to write
    /// (types, relations, conditions and their contexts), every attribute entry (declared attributes, convertible values)
    /// and every entity to clear. Whether tuples exist is the store's check, inside its transaction.
    /// Works on any engine, bound or not, e.g. one created from a store's newest model to validate a write cheaply.
    /// </summary>
    /// <exception cref="ArbiterException">The first problem, naming the tuple or the entity and the attribute.</exception>
    public void ValidateWrite(StoreWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        StoreWrites.Validate(write, int.MaxValue);
        var state = State;
        foreach (var tuple in write.Writes)
        {
            if (!TupleValidator.TryValidate(state.Model, _options.ContextLimits, tuple, out _, out var code, out var error))
            {
                throw new ArbiterException(code, error);
            }
        }
        var seen = new HashSet<(string, string)>();
        foreach (var entry in write.SetAttributes)
        {
            _ = ValidateAttributes(state, entry, seen);
        }
        foreach (var entity in write.ClearAttributes)
        {
            _ = ValidateEntity(state, entity, seen);
        }
    }

    /// <summary>
    /// Validates <paramref name="model"/>, stores it as the store's newest model version and returns it once this engine
    /// uses it (or after <see cref="AuthorizationEngineOptions.ConsistencyTimeout"/>). Stored tuples are kept; those the new
    /// model no longer allows are ignored when read.
    /// </summary>
    /// <exception cref="InvalidOperationException">The engine follows no store (use <see cref="SetModel"/>), or follows one read-only.</exception>
    /// <exception cref="ModelValidationException">The model has problems; nothing is stored.</exception>
    public async ValueTask<StoredModel> WriteModelAsync(AuthorizationModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var follower = _follower ?? throw new InvalidOperationException(NotBound);
        _ = CompiledModel.Compile(model, "validation", _tables.Types, _tables.Relations, _options.Cel);
        var stored = await Writer(follower).WriteModelAsync(follower.StoreId, model, cancellationToken).ConfigureAwait(false);
        await CatchUpAsync(stored.Revision, cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>Stops following the store (an engine created with <see cref="Create"/> has nothing to stop). The store itself is not disposed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _follower, null) is { } follower)
        {
            await follower.DisposeAsync().ConfigureAwait(false);
        }
    }

    private const string NotBound = "this engine follows no store: use Write, WriteAttributes and SetModel, or open an engine over a store with AuthorizationEngine.OpenAsync (InMemoryStore keeps a store in memory)";

    private static IStoreWriter Writer(StoreFollower follower) => follower.Writer
        ?? throw new InvalidOperationException($"this engine follows store '{follower.StoreId}' read-only (its IStoreReader is not an IStoreWriter): write through the store's own writer; the engine sees the write from the change feed");

    private void ThrowIfBound()
    {
        if (_follower is { } f)
        {
            throw new InvalidOperationException($"this engine follows store '{f.StoreId}' in {f.Description}: write through WriteAsync / WriteModelAsync so the store records the write");
        }
    }

    /// <summary>Waits (bounded) until this engine has applied <paramref name="revision"/>; a write that committed is not failed by a slow follower.</summary>
    private async ValueTask CatchUpAsync(long revision, CancellationToken cancellationToken)
    {
        try
        {
            await WaitForRevisionAsync(revision, cancellationToken).ConfigureAwait(false);
        }
        catch (ArbiterException ex) when (ex.Code == ArbiterErrorCode.ConsistencyTimeout)
        {
            // committed in the store; this engine applies it when the store answers again
        }
    }
}
