using System.Collections.Concurrent;

namespace EventSync.Resync.Tests.Infrastructure;

/// <summary>What the host's test consumers received: a MassTransit engine's resyncs and the surfaced transient errors.</summary>
public sealed class ReceivedMessages
{
    public ConcurrentQueue<EventSync.Contracts.ResyncRecord> Resyncs { get; } = new();

    public ConcurrentQueue<EventSync.Contracts.TransientErrorSurfaced> Surfaced { get; } = new();

    /// <summary>The message id of each surfaced error received, in the order of <see cref="Surfaced"/>.</summary>
    public ConcurrentQueue<Guid?> SurfacedMessageIds { get; } = new();
}
