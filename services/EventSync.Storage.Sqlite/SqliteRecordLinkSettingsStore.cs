using EventSync.Core.Links;

namespace EventSync.Storage.Sqlite;

/// <summary>Record link settings, one row per tenant in <c>record_link_settings</c>, replaced whole.</summary>
public sealed class SqliteRecordLinkSettingsStore(SqliteStoreContext context) : IRecordLinkSettingsStore
{
    private const string Save = """
        INSERT INTO record_link_settings (tenant_id, hubspot_portal_id, hubspot_app_url, salesforce_instance_url) VALUES (@tenant, @portal, @app, @instance)
        ON CONFLICT DO UPDATE SET hubspot_portal_id = excluded.hubspot_portal_id, hubspot_app_url = excluded.hubspot_app_url,
            salesforce_instance_url = excluded.salesforce_instance_url
        """;

    private const string Select = "SELECT hubspot_portal_id, hubspot_app_url, salesforce_instance_url FROM record_link_settings WHERE tenant_id = @tenant";

    public Task<RecordLinkSettings> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        context.ReadAsync(
            session => session.Command(Select)
                .With("@tenant", tenantId)
                .ReadFirst(r => new RecordLinkSettings(tenantId, r.NullableString(0), r.NullableString(1), r.NullableString(2)))
                ?? RecordLinkSettings.None(tenantId),
            cancellationToken);

    public Task SaveAsync(RecordLinkSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return context.WriteAsync(
            session => session.Command(Save)
                .With("@tenant", settings.TenantId)
                .With("@portal", settings.HubSpotPortalId)
                .With("@app", settings.HubSpotAppUrl)
                .With("@instance", settings.SalesforceInstanceUrl)
                .ExecuteNonQuery(),
            cancellationToken);
    }
}
