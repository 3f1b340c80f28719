using System.Diagnostics.CodeAnalysis;
using Arbiter.Engine;

namespace Arbiter;

public sealed partial class AuthorizationEngine
{
    private TaskCompletionSource _published = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Makes <paramref name="next"/> the state every new request sees, and wakes requests waiting for a revision.</summary>
    private void Publish(EngineState next)
    {
        Volatile.Write(ref _state, next);
        var published = Interlocked.Exchange(ref _published, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        published.TrySetResult();
    }

    /// <summary>Whether a request with this consistency must wait before it is answered.</summary>
    private bool MustWait([NotNullWhen(true)] Consistency? consistency) =>
        consistency is { Mode: not ConsistencyMode.MinimizeLatency } c
        && (c.Mode == ConsistencyMode.Latest ? _follower is not null : c.Revision > State.Index.Revision);

    /// <summary>Waits as <paramref name="consistency"/> asks, then answers with <paramref name="answer"/>.</summary>
    private async ValueTask<T> AfterAsync<T, TRequest>(Consistency consistency, TRequest request, Func<TRequest, CancellationToken, ValueTask<T>> answer, CancellationToken cancellationToken)
    {
        await WaitForConsistencyAsync(consistency, cancellationToken).ConfigureAwait(false);
        return await answer(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until this engine has reached the revision <paramref name="consistency"/> asks for: at once for
    /// <see cref="Consistency.MinimizeLatency"/>; for <see cref="Consistency.Latest"/>, the store's revision now.
    /// </summary>
    /// <exception cref="ArbiterException"><see cref="ArbiterErrorCode.ConsistencyTimeout"/> after <see cref="AuthorizationEngineOptions.ConsistencyTimeout"/>.</exception>
    /// <exception cref="ArbiterStorageException">For <see cref="Consistency.Latest"/>: the store's revision cannot be read.</exception>
    public async ValueTask WaitForConsistencyAsync(Consistency consistency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(consistency);
        var target = consistency.Mode switch
        {
            ConsistencyMode.AtLeast => consistency.Revision,
            ConsistencyMode.Latest when _follower is { } f => await f.ReadStoreRevisionAsync(cancellationToken).ConfigureAwait(false),
            _ => 0,
        };
        await WaitForRevisionAsync(target, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask WaitForRevisionAsync(long target, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var started = time.GetTimestamp();
        while (true)
        {
            var signal = Volatile.Read(ref _published).Task;
            var reached = State.Index.Revision;
            if (reached >= target)
            {
                return;
            }
            var left = _options.ConsistencyTimeout - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                throw ConsistencyTimeout(target, reached);
            }
            try
            {
                await signal.WaitAsync(left, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                if (State.Index.Revision < target)
                {
                    throw ConsistencyTimeout(target, State.Index.Revision);
                }
            }
        }
    }

    private ArbiterException ConsistencyTimeout(long target, long reached)
    {
        var cause = _follower?.LastError is { } error ? $"; the store fails: {error.Message}" : _follower is null ? " (this engine follows no store: only its own writes raise its revision)" : string.Empty;
        return new ArbiterException(ArbiterErrorCode.ConsistencyTimeout,
            $"the engine is at revision {reached} but the request needs at least revision {target}, and it did not get there within {_options.ConsistencyTimeout.TotalSeconds:0.###} s{cause}");
    }
}
