using System.Diagnostics.Metrics;

namespace EventSync.Resync;

/// <summary>
/// The resync worker's meter, <c>EventSync.Resync</c>: resyncs sent and deferred per engine, and API calls reserved. No
/// tenant ids as labels (unbounded, and tenant data).
/// </summary>
public sealed class ResyncMetrics : IDisposable
{
    public const string MeterName = "EventSync.Resync";

    private readonly Meter _meter;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _deferred;
    private readonly Counter<long> _reserved;

    public ResyncMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _sent = _meter.CreateCounter<long>("eventsync.resyncs.sent", "{resync}", "Records sent to their engine for a resync");
        _deferred = _meter.CreateCounter<long>("eventsync.resyncs.deferred", "{resync}", "Resyncs held back (API budget or back-off)");
        _reserved = _meter.CreateCounter<long>("eventsync.budget.calls.reserved", "{call}", "Salesforce API calls reserved for resyncs");
    }

    public void Sent(string engineId) => _sent.Add(1, new KeyValuePair<string, object?>("engine", engineId));

    public void Deferred(string engineId) => _deferred.Add(1, new KeyValuePair<string, object?>("engine", engineId));

    public void Reserved(long calls) => _reserved.Add(calls);

    public void Dispose() => _meter.Dispose();
}
