namespace Arbiter.Storage.Tests.Sqlite;

/// <summary>A clock that stands still unless moved; timers run in real time (waits are not faked).</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
