using System.Diagnostics.Metrics;

namespace EventSync.Resync;

/// <summary>
/// The resync worker's meter, <c>EventSync.Resync</c>: resyncs sent and deferred per engine, and API calls reserved. No
/// tenant ids as labels (unbounded, and tenant data).
/// </summary>
public sealed class ResyncMetrics
{
    public const string MeterName = "EventSync.Resync";

    // One meter per process, never disposed, as every product meter (see the ServiceDefaults README, Observability).
    private static readonly Meter Meter = new(MeterName);

    private readonly Counter<long> _sent = Meter.CreateCounter<long>("eventsync.resyncs.sent", "{resync}", "Records sent to their engine for a resync");
    private readonly Counter<long> _deferred = Meter.CreateCounter<long>("eventsync.resyncs.deferred", "{resync}", "Resyncs held back (API budget or back-off)");
    private readonly Counter<long> _reserved = Meter.CreateCounter<long>("eventsync.budget.calls.reserved", "{call}", "Salesforce API calls reserved for resyncs");

    public void Sent(string engineId) => _sent.Add(1, new KeyValuePair<string, object?>("engine", engineId));

    public void Deferred(string engineId) => _deferred.Add(1, new KeyValuePair<string, object?>("engine", engineId));

    public void Reserved(long calls) => _reserved.Add(calls);
}
