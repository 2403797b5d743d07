using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace EventSync.Notifications.Tests.Infrastructure;

/// <summary>Listens to the <c>eventsync.emails.*</c> counters of the meters one host's meter factory created.</summary>
public sealed class EmailCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Name, string Kind), long> _totals = new();

    public EmailCounters(IMeterFactory hostMeters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == NotificationMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, hostMeters))
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
