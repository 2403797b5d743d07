namespace EventSync.Storage.Sqlite.Schema;

/// <summary>
/// The schema as forward migrations: migration n (1-based) takes a file at version n-1 to version n, kept in
/// <c>PRAGMA user_version</c>. Migrations are only ever appended; a released one never changes.
/// </summary>
internal static class SqliteSchema
{
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 1: every table and the indexes that serve the store's queries.
        """
        CREATE TABLE sync_errors (
            id TEXT NOT NULL PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            object_type TEXT NOT NULL,
            record_key TEXT NOT NULL,
            hubspot_id TEXT,
            salesforce_id TEXT,
            category TEXT NOT NULL,
            error_type TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            state INTEGER NOT NULL,
            last_seen INTEGER NOT NULL,
            status_code TEXT,
            message TEXT,
            body TEXT NOT NULL);
        -- Pages and exports: keyset (last seen, id), newest first.
        CREATE INDEX sync_errors_by_last_seen ON sync_errors (tenant_id, last_seen DESC, id);
        -- Affected records: current errors by record.
        CREATE INDEX sync_errors_current_by_record ON sync_errors (tenant_id, record_key, id) WHERE state < 2;
        -- RecordSynced: a record's current errors by either id.
        CREATE INDEX sync_errors_current_by_hubspot_id ON sync_errors (tenant_id, object_type, hubspot_id) WHERE state < 2 AND hubspot_id IS NOT NULL;
        CREATE INDEX sync_errors_current_by_salesforce_id ON sync_errors (tenant_id, object_type, salesforce_id) WHERE state < 2 AND salesforce_id IS NOT NULL;

        -- The sync-health cards as counters, changed in the transaction of every write of sync_errors.
        CREATE TABLE error_card_counts (
            tenant_id TEXT NOT NULL,
            category TEXT NOT NULL,
            error_type TEXT NOT NULL,
            errors INTEGER NOT NULL,
            records INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, category, error_type)) WITHOUT ROWID;
        CREATE TABLE error_card_records (
            tenant_id TEXT NOT NULL,
            category TEXT NOT NULL,
            error_type TEXT NOT NULL,
            record_key TEXT NOT NULL,
            errors INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, category, error_type, record_key)) WITHOUT ROWID;

        CREATE TABLE api_usage (
            tenant_id TEXT NOT NULL PRIMARY KEY,
            used_last_24h INTEGER NOT NULL,
            salesforce_limit INTEGER NOT NULL,
            allocated_to_hubspot INTEGER,
            reported_at INTEGER) WITHOUT ROWID;
        CREATE TABLE api_budgets (
            tenant_id TEXT NOT NULL PRIMARY KEY,
            spends TEXT NOT NULL) WITHOUT ROWID;

        CREATE TABLE resync_requests (
            id TEXT NOT NULL PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            not_before INTEGER NOT NULL,
            waiting INTEGER NOT NULL,
            body TEXT NOT NULL);
        -- Parts waiting to go out, by due time.
        CREATE INDEX resync_requests_waiting ON resync_requests (tenant_id, not_before, id) WHERE waiting = 1;
        CREATE TABLE resync_sent_records (
            tenant_id TEXT NOT NULL,
            object_type TEXT NOT NULL,
            record_id TEXT NOT NULL,
            request_id TEXT NOT NULL,
            PRIMARY KEY (tenant_id, object_type, record_id, request_id)) WITHOUT ROWID;
        CREATE INDEX resync_sent_records_by_request ON resync_sent_records (request_id);
        CREATE TABLE resync_sent_errors (
            tenant_id TEXT NOT NULL,
            error_id TEXT NOT NULL,
            request_id TEXT NOT NULL,
            PRIMARY KEY (tenant_id, error_id, request_id)) WITHOUT ROWID;
        CREATE INDEX resync_sent_errors_by_request ON resync_sent_errors (request_id);
        CREATE TABLE transient_retries (
            error_id TEXT NOT NULL PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            failures INTEGER NOT NULL,
            recent_event_ids TEXT NOT NULL) WITHOUT ROWID;

        CREATE TABLE notification_settings (
            tenant_id TEXT NOT NULL PRIMARY KEY,
            enabled INTEGER NOT NULL,
            frequency TEXT NOT NULL,
            body TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX notification_settings_enabled ON notification_settings (frequency, tenant_id) WHERE enabled = 1;
        CREATE TABLE digest_claims (
            tenant_id TEXT NOT NULL,
            frequency TEXT NOT NULL,
            period_start INTEGER NOT NULL,
            period_end INTEGER NOT NULL,
            token TEXT NOT NULL,
            lease_until INTEGER NOT NULL,
            sent_at INTEGER,
            skipped INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, frequency, period_start)) WITHOUT ROWID;
        CREATE INDEX digest_claims_sent ON digest_claims (tenant_id, period_end) WHERE sent_at IS NOT NULL;
        CREATE TABLE alert_windows (
            id TEXT NOT NULL PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            sending INTEGER NOT NULL,
            opened_at INTEGER NOT NULL,
            closes_at INTEGER NOT NULL,
            token TEXT,
            lease_until INTEGER,
            body TEXT NOT NULL);
        -- At most one window per tenant collects alerts.
        CREATE UNIQUE INDEX alert_windows_open ON alert_windows (tenant_id) WHERE sending = 0;
        CREATE INDEX alert_windows_by_close ON alert_windows (closes_at);

        CREATE TABLE views (
            id TEXT NOT NULL PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            body TEXT NOT NULL);
        CREATE INDEX views_by_expiry ON views (expires_at);
        """,

        // 2: the unknown errors grouped by fingerprint, and lists of one group.
        """
        CREATE INDEX sync_errors_current_by_fingerprint ON sync_errors (tenant_id, error_type, fingerprint, last_seen) WHERE state < 2;
        """,

        // 3: the outbox, messages written in the transaction of the change they announce, in the order written.
        """
        CREATE TABLE outbox (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            message_id TEXT NOT NULL UNIQUE,
            message_type TEXT NOT NULL,
            body TEXT NOT NULL,
            lease_until INTEGER);
        """,

        // 4: a tenant's resync requests newest first; the time of the requests stored before is read from their body.
        """
        ALTER TABLE resync_requests ADD COLUMN requested_at INTEGER NOT NULL DEFAULT 0;
        UPDATE resync_requests
            SET requested_at = CAST(round(unixepoch(json_extract(body, '$.requestedAt'), 'subsec') * 1000) AS INTEGER) * 10000 + 621355968000000000;
        CREATE INDEX resync_requests_by_time ON resync_requests (tenant_id, requested_at DESC, id DESC);
        """,

        // 5: where each tenant's records live in HubSpot and in Salesforce, for links to them.
        """
        CREATE TABLE record_link_settings (
            tenant_id TEXT NOT NULL PRIMARY KEY,
            hubspot_portal_id TEXT,
            hubspot_app_url TEXT,
            salesforce_instance_url TEXT) WITHOUT ROWID;
        """,

        // 6: the audit trail: who changed what, when; a tenant's entries newest first (all, by action, by principal), and the oldest for the pruning.
        """
        CREATE TABLE audit_entries (
            id TEXT NOT NULL PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            principal TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT,
            before_value TEXT,
            after_value TEXT);
        CREATE INDEX audit_entries_by_time ON audit_entries (tenant_id, at DESC, id DESC);
        CREATE INDEX audit_entries_by_action ON audit_entries (tenant_id, action, at DESC, id DESC);
        CREATE INDEX audit_entries_by_principal ON audit_entries (tenant_id, principal, at DESC, id DESC);
        CREATE INDEX audit_entries_by_age ON audit_entries (at);
        """,

        // 7: ignored errors (state 3): a sync of their record still resolves them, and those with a date reopen when it
        // comes; errors assigned to people, listed by assignee and counted per card.
        """
        ALTER TABLE sync_errors ADD COLUMN ignored_until INTEGER;
        ALTER TABLE sync_errors ADD COLUMN assignee TEXT;
        CREATE INDEX sync_errors_by_assignee ON sync_errors (tenant_id, assignee, last_seen DESC, id) WHERE assignee IS NOT NULL;
        CREATE INDEX sync_errors_assigned_current ON sync_errors (tenant_id, error_type) WHERE assignee IS NOT NULL AND state < 2;
        DROP INDEX sync_errors_current_by_hubspot_id;
        DROP INDEX sync_errors_current_by_salesforce_id;
        CREATE INDEX sync_errors_unresolved_by_hubspot_id ON sync_errors (tenant_id, object_type, hubspot_id) WHERE state <> 2 AND hubspot_id IS NOT NULL;
        CREATE INDEX sync_errors_unresolved_by_salesforce_id ON sync_errors (tenant_id, object_type, salesforce_id) WHERE state <> 2 AND salesforce_id IS NOT NULL;
        CREATE INDEX sync_errors_ignored_until ON sync_errors (ignored_until, id) WHERE state = 3 AND ignored_until IS NOT NULL;
        """,

        // 8: each tenant's webhook endpoints (the list as one body), and its latest deliveries newest first (one row per delivery).
        """
        CREATE TABLE webhook_endpoints (
            tenant_id TEXT NOT NULL PRIMARY KEY,
            body TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE webhook_deliveries (
            tenant_id TEXT NOT NULL,
            delivery_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (tenant_id, delivery_id));
        CREATE INDEX webhook_deliveries_by_time ON webhook_deliveries (tenant_id, at DESC, delivery_id DESC);
        """,
    ];
}
