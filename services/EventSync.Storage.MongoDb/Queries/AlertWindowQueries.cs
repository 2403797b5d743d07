using EventSync.Core.Notifications;
using EventSync.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb.Queries;

/// <summary>The filters, updates and indexes of <c>alert_windows</c>.</summary>
internal static class AlertWindowQueries
{
    private static readonly FilterDefinitionBuilder<AlertWindowDocument> Filter = Builders<AlertWindowDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<AlertWindowDocument> Update = Builders<AlertWindowDocument>.Update;

    public static SortDefinition<AlertWindowDocument> EarliestFirst { get; } = Builders<AlertWindowDocument>.Sort.Ascending(d => d.ClosesAt);

    public static FilterDefinition<AlertWindowDocument> OpenOf(string tenantId) =>
        Filter.Eq(d => d.TenantId, tenantId) & Filter.Eq(d => d.State, AlertWindowDocument.Open);

    /// <summary>Counts the alert, keeps it while the window holds fewer than <see cref="AlertWindow.MaxEntries"/>; on insert, opens the window.</summary>
    public static UpdateDefinition<AlertWindowDocument> Append(AlertEntry entry, string newWindowId, DateTimeOffset now, TimeSpan window) =>
        Update.Inc(d => d.Total, 1L)
            .Inc($"{nameof(AlertWindowDocument.CountsByErrorType).ToCamelCase()}.{ErrorTypeFieldName.Encode(entry.ErrorType)}", 1L)
            .PushEach(d => d.Entries, [AlertEntryDocument.From(entry)], slice: AlertWindow.MaxEntries)
            .SetOnInsert(d => d.Id, newWindowId)
            .SetOnInsert(d => d.OpenedAt, now)
            .SetOnInsert(d => d.ClosesAt, now + window);

    /// <summary>An open window that closed, or a claimed one whose sender's lease ran out.</summary>
    public static FilterDefinition<AlertWindowDocument> Due(DateTimeOffset now) =>
        Filter.Lte(d => d.ClosesAt, now)
        & (Filter.Eq(d => d.State, AlertWindowDocument.Open) | (Filter.Eq(d => d.State, AlertWindowDocument.Sending) & Filter.Lte(d => d.LeaseUntil, now)));

    public static UpdateDefinition<AlertWindowDocument> Claim(string token, DateTimeOffset leaseUntil) =>
        Update.Set(d => d.State, AlertWindowDocument.Sending).Set(d => d.Token, token).Set(d => d.LeaseUntil, leaseUntil);

    public static FilterDefinition<AlertWindowDocument> HeldBy(string windowId, string token) => Filter.Eq(d => d.Id, windowId) & Filter.Eq(d => d.Token, token);

    /// <summary>One open window per tenant (a concurrent second upsert fails and retries into the first), and the due windows by time.</summary>
    public static IEnumerable<CreateIndexModel<AlertWindowDocument>> Indexes() =>
    [
        new(
            Builders<AlertWindowDocument>.IndexKeys.Ascending(d => d.TenantId),
            new CreateIndexOptions<AlertWindowDocument>
            {
                Name = "one_open_window_per_tenant",
                Unique = true,
                PartialFilterExpression = Filter.Eq(d => d.State, AlertWindowDocument.Open),
            }),
        new(
            Builders<AlertWindowDocument>.IndexKeys.Ascending(d => d.State).Ascending(d => d.ClosesAt),
            new CreateIndexOptions<AlertWindowDocument> { Name = "due_windows" }),
    ];

    private static string ToCamelCase(this string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
