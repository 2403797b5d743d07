using System.Diagnostics.Metrics;

namespace EventSync.Api.Monitoring;

/// <summary>
/// The API's own instruments (meter <c>EventSync.Api</c>; on Prometheus <c>eventsync_api_*</c>); request counts and
/// durations per route come from the ASP.NET Core metrics. No labels: nothing about tenants.
/// </summary>
internal static class ApiMetrics
{
    public const string MeterName = "EventSync.Api";

    // One meter per process, never disposed (see the classifier's metrics: a disposed meter retires same-named streams).
    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> FailuresAcceptedCounter =
        Meter.CreateCounter<long>("eventsync.api.failures.accepted", "{event}", "Failure events accepted on POST /api/failures and published.");

    private static readonly Counter<long> ResyncErrorsRequested =
        Meter.CreateCounter<long>("eventsync.api.resync.requested", "{error}", "Errors moved to resync-pending and sent for resync.");

    public static void FailuresAccepted(int count) => FailuresAcceptedCounter.Add(count);

    public static void ResyncRequested(int errorCount) => ResyncErrorsRequested.Add(errorCount);
}
