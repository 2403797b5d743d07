using System.Diagnostics.Metrics;

namespace EventSync.Api.Monitoring;

/// <summary>
/// The API's own instruments (meter <c>EventSync.Api</c>; on Prometheus <c>eventsync_api_*</c>); request counts and
/// durations per route come from the ASP.NET Core metrics. No labels: nothing about tenants. Registered by <c>AddApi</c> and
/// injected where something is counted, as every service's metrics are.
/// </summary>
internal sealed class ApiMetrics
{
    public const string MeterName = "EventSync.Api";

    // One meter per process, never disposed (see ClassifierMetrics: a disposed meter retires same-named streams).
    private static readonly Meter Meter = new(MeterName);

    private readonly Counter<long> _failuresAcceptedCounter =
        Meter.CreateCounter<long>("eventsync.api.failures.accepted", "{event}", "Failure events accepted on POST /api/failures and published.");

    private readonly Counter<long> _resyncErrorsRequested =
        Meter.CreateCounter<long>("eventsync.api.resync.requested", "{error}", "Errors moved to resync-pending and sent for resync.");

    public void FailuresAccepted(int count) => _failuresAcceptedCounter.Add(count);

    public void ResyncRequested(int errorCount) => _resyncErrorsRequested.Add(errorCount);
}
