using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Notifications;
using EventSync.Core.Usage;
using EventSync.Core.Views;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace EventSync.Storage.Tests.MongoDb;

// The allocation update, notification settings, views and the affected-records aggregation, rendered without a server.
public sealed partial class MongoQueryRenderingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Should_set_the_allocation_and_zero_figures_only_on_insert_when_an_allocation_is_set()
    {
        var update = Render(ApiUsageQueries.Allocate(5_000));

        AssertBson(
            "{ $set: { allocatedToHubSpot: NumberLong(5000) }, $setOnInsert: { usedLast24h: NumberLong(0), salesforceLimit: NumberLong(0) } }",
            update.AsBsonDocument);
    }

    [Fact]
    public void Should_read_an_allocation_but_no_usage_when_no_report_was_stored()
    {
        var stored = BsonDocument.Parse("{ _id: 'portal-4711', usedLast24h: NumberLong(0), salesforceLimit: NumberLong(0), allocatedToHubSpot: NumberLong(5000) }");

        var document = BsonSerializer.Deserialize<ApiUsageDocument>(stored);

        Assert.Null(document.ToApiUsage());
        Assert.Equal(new ApiAllocation("portal-4711", 5_000, 0, 0, null), document.ToApiAllocation());
    }

    [Fact]
    public void Should_filter_on_frequency_and_enabled_when_the_tenants_of_a_digest_are_listed()
    {
        AssertBson("{ frequency: 'Daily', enabled: true }", Render(NotificationSettingsQueries.Enabled(DigestFrequency.Daily)));
        AssertBson("{ _id: 'portal-4711' }", Render(NotificationSettingsQueries.ByTenant("portal-4711")));
    }

    [Fact]
    public void Should_index_frequency_and_enabled_when_the_store_initialises()
    {
        var index = NotificationSettingsQueries.Index();

        Assert.Equal("enabled_by_frequency", index.Options.Name);
        AssertBson("{ frequency: 1, enabled: 1 }", index.Keys.Render(Args<NotificationSettingsDocument>()));
    }

    [Fact]
    public void Should_store_settings_keyed_by_tenant_and_read_them_back_when_settings_are_saved()
    {
        var settings = new NotificationSettings("portal-4711", true, DigestFrequency.Weekly, ["ops@example.com", "jan@example.pl"], "Europe/Warsaw", "pl");

        var stored = NotificationSettingsDocument.From(settings).ToBsonDocument();
        var loaded = BsonSerializer.Deserialize<NotificationSettingsDocument>(stored).ToSettings();

        AssertBson(
            "{ _id: 'portal-4711', enabled: true, frequency: 'Weekly', recipients: ['ops@example.com', 'jan@example.pl'], timeZone: 'Europe/Warsaw', language: 'pl' }",
            stored);
        Assert.Equal(settings with { Recipients = [] }, loaded with { Recipients = [] });
        Assert.Equal(settings.Recipients, loaded.Recipients);
    }

    [Fact]
    public void Should_match_only_the_tenants_unexpired_view_when_a_view_is_read()
    {
        AssertBson(
            "{ _id: 'v1', tenantId: 'portal-4711', expiresAt: { $gt: ISODate('2026-11-28T10:00:00Z') } }",
            Render(ViewQueries.Live("portal-4711", "v1", Now)));
    }

    [Fact]
    public void Should_expire_views_at_their_expiry_instant_when_the_ttl_index_is_defined()
    {
        var index = ViewQueries.ExpiryIndex();

        Assert.Equal("expire_views", index.Options.Name);
        Assert.Equal(TimeSpan.Zero, index.Options.ExpireAfter);
        AssertBson("{ expiresAt: 1 }", index.Keys.Render(Args<ViewDocument>()));
    }

    [Fact]
    public void Should_store_the_filter_with_wire_states_and_dates_and_read_the_view_back_when_a_view_is_saved()
    {
        var view = new AffectedRecordsView(
            "v1", "portal-4711", new ErrorQuery("portal-4711") { ErrorType = "duplicate-rule", State = SyncErrorState.ResyncPending, SeenFrom = Now }, Now, Now.AddHours(24));

        var stored = ViewDocument.From(view).ToBsonDocument();
        var loaded = BsonSerializer.Deserialize<ViewDocument>(stored).ToView();

        AssertBson(
            """
            { _id: 'v1', tenantId: 'portal-4711', filter: { errorType: 'duplicate-rule', state: 'resync-pending', seenFrom: ISODate('2026-11-28T10:00:00Z') },
              createdAt: ISODate('2026-11-28T10:00:00Z'), expiresAt: ISODate('2026-11-29T10:00:00Z') }
            """,
            stored);
        Assert.Equal(view, loaded);
    }

    [Fact]
    public void Should_keep_the_assignee_filters_when_views_of_someones_and_nobodys_errors_are_saved()
    {
        var annas = new AffectedRecordsView("v2", "portal-4711", new ErrorQuery("portal-4711") { Assignee = "anna@example.com" }, Now, Now.AddHours(24));
        var nobodys = new AffectedRecordsView("v3", "portal-4711", new ErrorQuery("portal-4711") { Unassigned = true }, Now, Now.AddHours(24));

        var annasStored = ViewDocument.From(annas).ToBsonDocument();
        var nobodysStored = ViewDocument.From(nobodys).ToBsonDocument();

        AssertBson("{ assignee: 'anna@example.com' }", annasStored["filter"].AsBsonDocument);
        AssertBson("{ unassigned: true }", nobodysStored["filter"].AsBsonDocument);
        Assert.Equal(annas, BsonSerializer.Deserialize<ViewDocument>(annasStored).ToView());
        Assert.Equal(nobodys, BsonSerializer.Deserialize<ViewDocument>(nobodysStored).ToView());
    }

    [Fact]
    public void Should_group_current_matching_errors_by_record_and_sort_by_record_key_when_affected_records_are_listed()
    {
        var currentErrors = AffectedRecordPipeline.CurrentErrors(new ErrorQuery("portal-4711") { ErrorType = "duplicate-rule" });

        var stages = AffectedRecordPipeline.For(currentErrors!).Render(Args<SyncErrorDocument>()).Documents;

        AssertBson(
            """
            { p: [
              { $match: { tenantId: 'portal-4711', errorType: 'duplicate-rule', state: { $in: ['open', 'resync-pending'] } } },
              { $group: { _id: '$recordKey', objectType: { $min: '$objectType' }, hubSpotId: { $max: '$hubSpotId' },
                          salesforceId: { $max: '$salesforceId' }, errorTypes: { $addToSet: '$errorType' } } },
              { $sort: { _id: 1 } }
            ] }
            """,
            new BsonDocument("p", new BsonArray(stages)));
        Assert.True(AffectedRecordPipeline.Options.AllowDiskUse);
    }

    [Fact]
    public void Should_use_the_asked_state_or_nothing_when_affected_records_are_filtered_by_state()
    {
        var pending = AffectedRecordPipeline.CurrentErrors(new ErrorQuery("portal-4711") { State = SyncErrorState.ResyncPending });

        AssertBson("{ tenantId: 'portal-4711', state: 'resync-pending' }", Render(pending!));
        Assert.Null(AffectedRecordPipeline.CurrentErrors(new ErrorQuery("portal-4711") { State = SyncErrorState.Resolved }));
    }

    [Fact]
    public void Should_read_an_affected_record_with_sorted_error_types_from_the_shape_the_pipeline_outputs()
    {
        var output = BsonDocument.Parse("{ _id: 'hs:101', objectType: 'contact', hubSpotId: '101', errorTypes: ['required-field', 'duplicate-rule'] }");

        var record = BsonSerializer.Deserialize<AffectedRecordDocument>(output).ToAffectedRecord();

        Assert.Equal(("contact", "101", (string?)null), (record.ObjectType, record.HubSpotId, record.SalesforceId));
        Assert.Equal(["duplicate-rule", "required-field"], record.ErrorTypes);
    }
}
