namespace EventSync.Storage.MongoDb;

internal static class MongoCollectionNames
{
    public const string SyncErrors = "sync_errors";

    public const string ApiUsage = "api_usage";

    public const string NotificationSettings = "notification_settings";

    public const string Views = "views";

    public const string RecordLinkSettings = "record_link_settings";

    public const string AuditEntries = "audit_entries";

    public const string DigestClaims = "digest_claims";

    public const string AlertWindows = "alert_windows";

    public const string ResyncRequests = "resync_requests";

    public const string ResyncBudgets = "resync_budgets";

    public const string TransientRetries = "transient_retries";

    public const string ErrorCardCounts = "error_card_counts";

    public const string ErrorCardRecords = "error_card_records";

    public const string StoreMeta = "store_meta";

    public const string WebhookEndpoints = "webhook_endpoints";

    public const string WebhookDeliveries = "webhook_deliveries";
}
