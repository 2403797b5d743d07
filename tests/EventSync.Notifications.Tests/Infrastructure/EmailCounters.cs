using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace EventSync.Notifications.Tests.Infrastructure;

/// <summary>Listens to the <c>eventsync.emails.*</c> counters of one host's <see cref="NotificationMetrics"/>.</summary>
public sealed class EmailCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Name, string Kind), long> _totals = new();

    public EmailCounters(NotificationMetrics hostMetrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (hostMetrics.Owns(instrument))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var kind = "";
            foreach (var tag in tags)
            {
                kind = tag.Key == "kind" ? tag.Value as string ?? "" : kind;
            }

            _totals.AddOrUpdate((instrument.Name, kind), value, (_, total) => total + value);
        });
        _listener.Start();
    }

    public long this[string name, string kind] => _totals.GetValueOrDefault((name, kind));

    public void Dispose() => _listener.Dispose();
}
