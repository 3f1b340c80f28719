using Arbiter.Storage;

namespace Arbiter.Engine;

/// <summary>
/// Keeps an engine current with its store: reads the change feed after the engine's revision, applies each page of
/// changes as one new state, then waits for the store's next commit. A failing store is retried with a growing pause
/// while the engine goes on answering from its last revision; a feed that lost the engine's revision (the store was
/// re-imported, or its feed pruned past the engine) makes it load the whole state again.
/// </summary>
internal sealed class StoreFollower : IAsyncDisposable
{
    private const int PageSize = 1000;
    private readonly AuthorizationEngine _engine;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private Exception? _lastError;

    /// <summary>Creates a follower; <paramref name="store"/> is written through too when it is an <see cref="IStoreWriter"/>.</summary>
    public StoreFollower(AuthorizationEngine engine, IStoreReader store, string storeId)
    {
        _engine = engine;
        Store = store;
        Writer = store as IStoreWriter;
        StoreId = storeId;
    }

    /// <summary>The store read from.</summary>
    public IStoreReader Store { get; }

    /// <summary>The same store's write side, or <see langword="null"/> when the engine follows it read-only.</summary>
    public IStoreWriter? Writer { get; }

    /// <summary>The store's description for messages.</summary>
    public string Description => Store is IStore s ? s.Description : "a read-only store";

    public string StoreId { get; }

    /// <summary>The last failure of the store, or <see langword="null"/> once the follower read from it again.</summary>
    public Exception? LastError => Volatile.Read(ref _lastError);

    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    public async ValueTask<long> ReadStoreRevisionAsync(CancellationToken cancellationToken) =>
        await Store.ReadRevisionAsync(StoreId, cancellationToken).ConfigureAwait(false);

    private async Task RunAsync(CancellationToken stop)
    {
        var options = _engine.Options;
        var delay = TimeSpan.FromMilliseconds(50);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var changes = await Store.ReadChangesAsync(StoreId, _engine.Revision, PageSize, stop).ConfigureAwait(false);
                if (changes.Count > 0)
                {
                    await _engine.ApplyChangesAsync(Store, StoreId, changes, stop).ConfigureAwait(false);
                }
                Volatile.Write(ref _lastError, null);
                delay = TimeSpan.FromMilliseconds(50);
                if (changes.Count < PageSize)
                {
                    await Store.WaitForRevisionAsync(StoreId, _engine.Revision, options.FollowWaitTimeout, stop).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (ArbiterException ex) when (ex.Code == ArbiterErrorCode.ChangesUnavailable)
            {
                await RetryAsync(async () => await _engine.ReloadAsync(Store, StoreId, stop).ConfigureAwait(false), stop).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // fail closed: the engine keeps its last complete revision; requests that need a later one time out
                Volatile.Write(ref _lastError, ex);
                try
                {
                    await Task.Delay(delay, options.TimeProvider, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.FollowMaxRetryDelay.Ticks));
            }
        }
    }

    private async Task RetryAsync(Func<Task> action, CancellationToken stop)
    {
        try
        {
            await action().ConfigureAwait(false);
            Volatile.Write(ref _lastError, null);
        }
        catch (Exception ex) when (!stop.IsCancellationRequested)
        {
            Volatile.Write(ref _lastError, ex);
            await Task.Delay(_engine.Options.FollowMaxRetryDelay, _engine.Options.TimeProvider, stop).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
        _stop.Dispose();
    }
}
