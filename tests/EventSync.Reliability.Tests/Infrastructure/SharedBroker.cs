namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>Tests on the broker other test runs share hold its <c>BrokerLock</c>; they wait this long for it at most.</summary>
public static class SharedBroker
{
    // Another test project may hold the lock for its whole run: wait longer than such a run takes.
    public static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(4);
}
