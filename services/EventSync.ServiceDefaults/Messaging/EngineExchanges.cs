namespace EventSync.ServiceDefaults.Messaging;

/// <summary>The exchanges engines without MassTransit use (a public contract: see contracts/README.md).</summary>
public static class EngineExchanges
{
    public const string SyncFailures = "eventsync.sync-failures";
    public const string RecordSynced = "eventsync.record-synced";
    public const string ApiUsage = "eventsync.api-usage";
    public const string ResyncRequests = "eventsync.resync-requests";
    public const string ApiAllocation = "eventsync.api-allocation";
}
