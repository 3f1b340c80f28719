namespace Arbiter.Storage.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Wakes when this process commits to the store or the listening connection hears another server's <c>NOTIFY</c>;
    /// otherwise reads the revision every <see cref="PostgreSqlStoreOptions.PollInterval"/>.
    /// </remarks>
    public async ValueTask<long> WaitForRevisionAsync(string storeId, long afterRevision, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "the timeout must not be negative");
        }
        EnsureListener();
        var start = _time.GetTimestamp();
        while (true)
        {
            var signal = _signals.Next(storeId);
            var known = _signals.Known(storeId);
            var revision = known > afterRevision ? known : await ReadRevisionAsync(storeId, cancellationToken).ConfigureAwait(false);
            if (revision > afterRevision)
            {
                return revision;
            }
            var remaining = timeout == Timeout.InfiniteTimeSpan ? _pollInterval : timeout - _time.GetElapsedTime(start);
            if (remaining <= TimeSpan.Zero)
            {
                return revision;
            }
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(remaining < _pollInterval ? remaining : _pollInterval, _time, wake.Token);
            await Task.WhenAny(signal, delay).ConfigureAwait(false);
            await wake.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Starts the listening connection on first use (unless turned off).</summary>
    private void EnsureListener()
    {
        if (!_listen || _listener is not null)
        {
            return;
        }
        lock (_listenerLock)
        {
            if (_listener is null && _disposed == 0)
            {
                _listener = new ChangeListener(_dataSource, _channel, _signals, _pollInterval, _time);
            }
        }
    }

    /// <summary>Starts the listener and completes when it listens (for tests).</summary>
    internal Task ListeningAsync()
    {
        EnsureListener();
        return _listener?.Listening ?? Task.CompletedTask;
    }
}
