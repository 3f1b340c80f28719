using Npgsql;

namespace Arbiter.Storage.PostgreSql;

/// <summary>
/// A background connection that <c>LISTEN</c>s on the schema's channel and turns each notification (<c>storeId:revision</c>)
/// into a wake-up. It reconnects after failures (waking everyone, since notifications may have been missed meanwhile);
/// waiters poll anyway, so a lost listener only makes them slower.
/// </summary>
internal sealed class ChangeListener : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _channel;
    private readonly RevisionSignals _signals;
    private readonly TimeSpan _retryDelay;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;

    public ChangeListener(NpgsqlDataSource dataSource, string channel, RevisionSignals signals, TimeSpan retryDelay, TimeProvider time)
    {
        _dataSource = dataSource;
        _channel = channel;
        _signals = signals;
        _retryDelay = retryDelay;
        _time = time;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Completes when the first <c>LISTEN</c> has been accepted (for tests).</summary>
    public Task Listening => _listening.Task;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                var connection = await _dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    connection.Notification += OnNotification;
                    await using (var listen = new NpgsqlCommand($"LISTEN \"{_channel}\"", connection))
                    {
                        await listen.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                    }
                    _listening.TrySetResult();
                    _signals.WakeAll();
                    while (!token.IsCancellationRequested)
                    {
                        await connection.WaitAsync(token).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the listener must survive any failure: it reconnects, and waiters poll meanwhile
            catch (Exception)
#pragma warning restore CA1031
            {
                try
                {
                    await Task.Delay(_retryDelay, _time, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        var payload = e.Payload;
        var colon = payload.LastIndexOf(':');
        if (colon > 0 && long.TryParse(payload.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision))
        {
            _signals.Signal(payload[..colon], revision);
        }
    }
}
