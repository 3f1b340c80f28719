using Arbiter.Engine;
using Arbiter.Storage;

namespace Arbiter;

public sealed partial class AuthorizationEngine
{
    /// <summary>
    /// Creates an engine from a snapshot alone (see <see cref="StoreSnapshot"/>): the snapshot's model version (same id),
    /// tuples and attributes, at the snapshot's revision. It decides with no store; call <see cref="Follow"/> to keep it
    /// current from the store's change feed. The snapshot is read once, forward (any stream), and checked whole (format,
    /// entries, counts, content hash) before the engine is returned.
    /// </summary>
    /// <param name="snapshot">The snapshot, from its current position.</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <exception cref="ArbiterException">
    /// <see cref="ArbiterErrorCode.SnapshotInvalid"/> (the message says what is wrong and where), or
    /// <see cref="ArbiterErrorCode.ModelNotFound"/> when the snapshot has no model.
    /// </exception>
    public static async Task<AuthorizationEngine> FromSnapshotAsync(Stream snapshot, AuthorizationEngineOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var settings = (options ?? new AuthorizationEngineOptions()).Clone();
        settings.Validate();
        using var reader = await SnapshotReader.OpenAsync(snapshot, cancellationToken).ConfigureAwait(false);
        var model = reader.Model ?? throw new ArbiterException(ArbiterErrorCode.ModelNotFound,
            $"the snapshot of store '{reader.StoreId}' at revision {reader.Revision} has no model: an engine needs one");
        var engine = new AuthorizationEngine(model.Model, model.Id, settings);
        await engine.LoadAsync(new SnapshotStoreState(reader), cancellationToken).ConfigureAwait(false);
        return engine;
    }

    /// <summary>Creates an engine from the snapshot file at <paramref name="path"/> (see <see cref="FromSnapshotAsync(Stream, AuthorizationEngineOptions?, CancellationToken)"/>).</summary>
    /// <inheritdoc cref="FromSnapshotAsync(Stream, AuthorizationEngineOptions?, CancellationToken)"/>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<AuthorizationEngine> FromSnapshotAsync(string path, AuthorizationEngineOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = StoreSnapshot.OpenRead(path);
        await using (file.ConfigureAwait(false))
        {
            return await FromSnapshotAsync(file, options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Starts following a store's change feed after this engine's revision, in the background: typically an engine from
    /// <see cref="FromSnapshotAsync(Stream, AuthorizationEngineOptions?, CancellationToken)"/> following the store the
    /// snapshot was taken from, so it goes on from the snapshot's revision. While the store cannot be reached the engine
    /// answers from its last revision and retries (<see cref="LastStoreError"/>); when the feed no longer reaches the
    /// engine's revision it loads the store's whole state. From then on the engine is written only through the store:
    /// <see cref="WriteAsync"/> and <see cref="WriteModelAsync"/> when <paramref name="store"/> is also an
    /// <see cref="IStoreWriter"/>. Dispose the engine to stop following.
    /// </summary>
    /// <param name="store">The store provider (an <see cref="IStoreReader"/> is enough).</param>
    /// <param name="storeId">The store.</param>
    /// <exception cref="InvalidOperationException">The engine follows a store already.</exception>
    public void Follow(IStoreReader store, string storeId)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(storeId);
        var follower = new StoreFollower(this, store, storeId);
        if (Interlocked.CompareExchange(ref _follower, follower, null) is { } existing)
        {
            throw new InvalidOperationException($"this engine follows store '{existing.StoreId}' already");
        }
        follower.Start();
    }
}
