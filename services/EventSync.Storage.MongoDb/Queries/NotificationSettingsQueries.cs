using EventSync.Contracts;
using EventSync.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb.Queries;

/// <summary>The filters, order and index of <c>notification_settings</c>: one document per tenant, <c>_id</c> = tenant id.</summary>
internal static class NotificationSettingsQueries
{
    private static readonly FilterDefinitionBuilder<NotificationSettingsDocument> Filter = Builders<NotificationSettingsDocument>.Filter;

    public static SortDefinition<NotificationSettingsDocument> ByTenantOrder { get; } = Builders<NotificationSettingsDocument>.Sort.Ascending(d => d.TenantId);

    public static FilterDefinition<NotificationSettingsDocument> ByTenant(string tenantId) => Filter.Eq(d => d.TenantId, tenantId);

    public static FilterDefinition<NotificationSettingsDocument> Enabled(DigestFrequency frequency) =>
        Filter.Eq(d => d.Frequency, frequency) & Filter.Eq(d => d.Enabled, true);

    public static CreateIndexModel<NotificationSettingsDocument> Index() =>
        new(
            Builders<NotificationSettingsDocument>.IndexKeys.Ascending(d => d.Frequency).Ascending(d => d.Enabled),
            new CreateIndexOptions<NotificationSettingsDocument> { Name = "enabled_by_frequency" });
}
