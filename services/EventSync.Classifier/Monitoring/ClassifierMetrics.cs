using System.Diagnostics.Metrics;
using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Core.Errors;
using MassTransit;

namespace EventSync.Classifier.Monitoring;

/// <summary>
/// The classifier's instruments (meter <c>EventSync.Classifier</c>; on Prometheus <c>eventsync_*</c>). Labels name the
/// event kind, category, error type or occurrence, never a tenant: they stay few and hold no tenant data. Registered by
/// <c>AddClassifier</c> and injected where something is counted, as every service's metrics are.
/// </summary>
public sealed class ClassifierMetrics
{
    public const string MeterName = "EventSync.Classifier";

    public const string SyncFailureEvent = "sync-failure-reported";
    public const string RecordSyncedEvent = "record-synced";
    public const string ApiUsageEvent = "api-usage-reported";

    // One meter per process, never disposed, as MassTransit keeps its own: the OpenTelemetry SDK retires a metric stream when
    // any meter of that name is disposed (open-telemetry/opentelemetry-dotnet#6412), so a meter per host container would
    // end the figures of every other host in the process when one stops (tests run several).
    private static readonly Meter Meter = new(MeterName);

    private readonly Counter<long> _receivedEvents = Meter.CreateCounter<long>("eventsync.events.received", "{event}", "Events taken from the bus, by kind.");

    private readonly Counter<long> _classifiedErrors =
        Meter.CreateCounter<long>("eventsync.errors.classified", "{error}", "Reported errors classified and stored, by category and error type.");

    private readonly Counter<long> _unknownErrors = Meter.CreateCounter<long>("eventsync.errors.unknown", "{error}", "Reported errors no rule recognised (error type unknown).");

    private readonly Counter<long> _invalidEvents =
        Meter.CreateCounter<long>("eventsync.events.invalid", "{event}", "Events that could not be read or failed validation, moved to the error queue, by endpoint.");

    private readonly Counter<long> _publishedEvents =
        Meter.CreateCounter<long>("eventsync.classified.published", "{event}", "SyncErrorClassified events published, by category and occurrence.");

    private readonly Counter<long> _resolvedErrors = Meter.CreateCounter<long>("eventsync.errors.resolved", "{error}", "Errors resolved because their record synced.");

    private readonly Histogram<int> _batchSize = Meter.CreateHistogram(
        "eventsync.batch.size",
        "{event}",
        "Failure events classified and written together.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500] });

    private readonly Histogram<double> _processingDuration = Meter.CreateHistogram(
        "eventsync.processing.duration",
        "s",
        "From an event's receipt to its effect being stored, by kind.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    /// <summary>Counts what <paramref name="context"/> brought, once: retries of a failed attempt are not new events.</summary>
    public void Received(ConsumeContext context, string kind, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetRetryAttempt() == 0)
        {
            _receivedEvents.Add(count, new KeyValuePair<string, object?>("event", kind));
        }
    }

    /// <summary>A batch of failure events is stored: its size, and each event's time since receipt.</summary>
    public void BatchStored(Batch<SyncFailureReported> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _batchSize.Record(batch.Length);
        Processed(SyncFailureEvent, batch);
    }

    public void Processed<T>(string kind, Batch<T> batch)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var message in batch)
        {
            Processed(kind, message.ReceiveContext.ElapsedTime);
        }
    }

    public void Processed(string kind, TimeSpan sinceReceipt) => _processingDuration.Record(sinceReceipt.TotalSeconds, new KeyValuePair<string, object?>("event", kind));

    public void Stored(IEnumerable<FailureOccurrence> occurrences)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        foreach (var classification in occurrences.Select(o => o.Classification))
        {
            _classifiedErrors.Add(1, new("category", classification.Category), new("error_type", classification.ErrorType));
            if (classification.ErrorType == ErrorCatalog.UnknownType)
            {
                _unknownErrors.Add(1);
            }
        }
    }

    public void Published(IEnumerable<SyncErrorClassified> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            _publishedEvents.Add(1, new("category", e.Category), new("occurrence", e.Occurrence.ToString().ToLowerInvariant()));
        }
    }

    public void Resolved(int count) => _resolvedErrors.Add(count);

    public void Invalid(string endpoint) => _invalidEvents.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint));
}
