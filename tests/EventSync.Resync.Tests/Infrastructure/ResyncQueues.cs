using EventSync.Testing.Broker;

namespace EventSync.Resync.Tests.Infrastructure;

/// <summary>The resync worker's queues and the test engines' queues, removed before each test so that none sees another's leftovers.</summary>
public static class ResyncQueues
{
    public const string ResyncErrors = "resync-errors";
    public const string ResyncErrorsError = "resync-errors_error";
    public const string MassTransitEngine = "test-masstransit-engine";

    private static readonly string[] Endpoints =
        [ResyncErrors, "resync-record-synced", "resync-api-usage-reported", "resync-sync-error-classified", MassTransitEngine, "test-surfaced-errors"];

    public static Task DeleteAllAsync(Uri broker, CancellationToken cancellationToken) => ClassifierQueues.DeleteEndpointsAsync(broker, Endpoints, cancellationToken);
}
