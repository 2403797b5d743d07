using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Usage;
using EventSync.Storage.MongoDb;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using EventSync.Storage.Tests.Contract;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace EventSync.Storage.Tests.MongoDb;

/// <summary>What the store sends to MongoDB, rendered by the driver without a server and compared as canonical BSON (types included).</summary>
public sealed partial class MongoQueryRenderingTests
{
    private static readonly DateTimeOffset SyncedAt = new(2026, 11, 28, 12, 0, 0, TimeSpan.FromHours(2));

    public MongoQueryRenderingTests() => MongoMappings.EnsureRegistered();

    [Fact]
    public void Should_load_a_batch_in_one_in_query_on_the_id_when_errors_are_recorded()
    {
        var filter = Render(SyncErrorQueries.ByIds(["a1", "b2"]));

        AssertBson("{ _id: { $in: ['a1', 'b2'] } }", filter);
    }

    [Fact]
    public void Should_filter_on_tenant_and_id_when_one_error_is_read()
    {
        var filter = Render(SyncErrorQueries.ByTenantAndId("portal-4711", "e1"));

        AssertBson("{ _id: 'e1', tenantId: 'portal-4711' }", filter);
    }

    [Fact]
    public void Should_upsert_guarded_by_the_version_read_when_an_error_is_written()
    {
        var error = Error(version: 4, state: SyncErrorState.Open);

        var model = SyncErrorQueries.Write(error, previousVersion: 3);

        Assert.True(model.IsUpsert);
        AssertBson($"{{ _id: '{error.Id}', version: NumberLong(3) }}", Render(model.Filter));
        Assert.Equal(4, model.Replacement.Version);
    }

    [Fact]
    public void Should_guard_a_new_error_by_version_zero_so_that_an_existing_one_collides_on_the_id()
    {
        var model = SyncErrorQueries.Write(Error(version: 1, state: SyncErrorState.Open), previousVersion: 0);

        AssertBson($"{{ _id: '{model.Replacement.Id}', version: NumberLong(0) }}", Render(model.Filter));
    }

    [Fact]
    public void Should_match_both_record_ids_when_a_record_synced_with_both()
    {
        var resolution = new RecordResolution("portal-4711", " Contact ", "101", "0035g00000XyZabAAF", SyncedAt);

        var filter = Render(SyncErrorQueries.CurrentErrorsOfRecord(resolution)!);

        AssertBson(
            """
            {
              tenantId: 'portal-4711',
              objectType: 'contact',
              state: { $in: ['open', 'resync-pending', 'ignored'] },
              lastSeen: { $lte: ISODate('2026-11-28T10:00:00Z') },
              $or: [{ hubSpotId: '101' }, { salesforceId: '0035g00000XyZabAAF' }]
            }
            """,
            filter);
    }

    [Fact]
    public void Should_match_only_the_named_id_when_a_record_synced_with_one_id()
    {
        var resolution = new RecordResolution("portal-4711", "contact", null, "0035g00000XyZabAAF", SyncedAt);

        var filter = Render(SyncErrorQueries.CurrentErrorsOfRecord(resolution)!);

        Assert.False(filter.Contains("$or"));
        Assert.False(filter.Contains("hubSpotId"));
        Assert.Equal(new BsonString("0035g00000XyZabAAF"), filter["salesforceId"]);
    }

    [Fact]
    public void Should_match_nothing_when_a_synced_record_names_no_id()
    {
        var resolution = new RecordResolution("portal-4711", "contact", null, " ", SyncedAt);

        Assert.Null(SyncErrorQueries.CurrentErrorsOfRecord(resolution));
    }

    [Fact]
    public void Should_set_resolved_and_raise_the_version_when_errors_are_resolved()
    {
        var update = Render(SyncErrorQueries.Resolve(SyncedAt));

        AssertBson(
            "{ $set: { state: 'resolved', resolvedAt: ISODate('2026-11-28T10:00:00Z') }, $unset: { ignore: 1 }, $inc: { version: NumberLong(1) } }",
            update.AsBsonDocument);
    }

    [Fact]
    public void Should_define_the_card_resolution_and_paging_indexes_when_the_store_initialises()
    {
        var indexes = SyncErrorQueries.Indexes()
            .Select(i => new BsonDocument
            {
                { "name", i.Options.Name },
                { "key", i.Keys.Render(Args<SyncErrorDocument>()) },
                { "partial", ((CreateIndexOptions<SyncErrorDocument>)i.Options).PartialFilterExpression?.Render(Args<SyncErrorDocument>()) ?? (BsonValue)BsonNull.Value },
            });

        AssertBson(
            """
            { i: [
              { name: 'error_cards', key: { tenantId: 1, state: 1, category: 1, errorType: 1, recordKey: 1 }, partial: null },
              { name: 'resolve_by_hubspot_id', key: { tenantId: 1, objectType: 1, hubSpotId: 1 }, partial: { hubSpotId: { $exists: true } } },
              { name: 'resolve_by_salesforce_id', key: { tenantId: 1, objectType: 1, salesforceId: 1 }, partial: { salesforceId: { $exists: true } } },
              { name: 'tenant_last_seen', key: { tenantId: 1, lastSeen: -1, _id: 1 }, partial: null },
              { name: 'tenant_assignee', key: { tenantId: 1, assignee: 1, lastSeen: -1, _id: 1 }, partial: { assignee: { $exists: true } } },
              { name: 'ignored_until', key: { 'ignore.until': 1, _id: 1 }, partial: { state: 'ignored', 'ignore.until': { $exists: true } } }
            ] }
            """,
            new BsonDocument("i", new BsonArray(indexes)));
    }

    [Fact]
    public void Should_find_ignored_errors_whose_date_came_by_the_ignored_until_index_and_store_the_ignore_in_the_error()
    {
        var ignore = new ErrorIgnore { IgnoredBy = "ops-anna", IgnoredAt = SyncedAt, Until = SyncedAt.AddDays(1), UntilOccurrences = 3, ReopenAtOccurrences = 5 };
        var error = Error(version: 2, state: SyncErrorState.Ignored) with { Ignore = ignore };

        var filter = Render(SyncErrorQueries.IgnoredDue(SyncedAt));
        var stored = SyncErrorDocument.From(error).ToBsonDocument();

        AssertBson("{ state: 'ignored', 'ignore.until': { $lte: ISODate('2026-11-28T10:00:00Z') } }", filter);
        Assert.Equal(
            BsonDocument.Parse("{ ignoredBy: 'ops-anna', ignoredAt: ISODate('2026-11-28T10:00:00Z'), until: ISODate('2026-11-29T10:00:00Z'), untilOccurrences: NumberLong(3), reopenAtOccurrences: NumberLong(5) }"),
            stored["ignore"]);
        Assert.Equal(ignore, BsonSerializer.Deserialize<SyncErrorDocument>(stored).ToSyncError().Ignore);
    }

    [Fact]
    public void Should_store_camel_case_fields_wire_states_and_utc_dates_without_nulls_when_an_error_is_written()
    {
        var error = Error(version: 2, state: SyncErrorState.ResyncPending) with { HubSpotId = null, ResolvedAt = null };

        var stored = SyncErrorDocument.From(error).ToBsonDocument();

        Assert.Equal(new BsonString(error.Id), stored["_id"]);
        Assert.Equal(new BsonString("resync-pending"), stored["state"]);
        Assert.Equal(new BsonDateTime(error.FirstSeen.UtcDateTime), stored["firstSeen"]);
        Assert.Equal(new BsonInt64(2), stored["version"]);
        Assert.Equal(BsonType.Int64, stored["version"].BsonType);
        Assert.False(stored.Contains("hubSpotId"));
        Assert.False(stored.Contains("resolvedAt"));
        Assert.Equal(new BsonString("0035g00000XyZabAAF"), stored["salesforceId"]);
        Assert.Equal(new BsonArray { error.LastEventId }, stored["recentEventIds"]);
        Assert.Equal(BsonDocument.Parse($"{{ eventId: '{error.LastEventId}', occurredAt: ISODate('2026-11-28T10:15:00Z'), statusCode: 'DUPLICATES_DETECTED', message: 'Use one of these records?' }}"), stored["history"][0]);
        Assert.Equal(BsonDocument.Parse("{ statusCode: 'DUPLICATES_DETECTED', message: 'Use one of these records?', fields: [] }"), stored["rawErrors"][0]);
    }

    [Fact]
    public void Should_read_back_the_same_error_when_a_stored_document_is_loaded()
    {
        var error = Error(version: 3, state: SyncErrorState.Resolved) with
        {
            ResolvedAt = SyncedAt,
            RawErrors = [new ReportedError { Category = "VALIDATION_ERROR", Message = "bad", Context = System.Text.Json.JsonDocument.Parse("""{"propertyName":["email"]}""").RootElement }],
        };

        var loaded = BsonSerializer.Deserialize<SyncErrorDocument>(SyncErrorDocument.From(error).ToBsonDocument()).ToSyncError();

        Assert.Equal(error with { RawErrors = [], Fields = [], RecentEventIds = [], History = [], Notes = [] }, loaded with { RawErrors = [], Fields = [], RecentEventIds = [], History = [], Notes = [] });
        Assert.Equal(error.History, loaded.History);
        Assert.Equal(error.RecentEventIds, loaded.RecentEventIds);
        Assert.Equal("""{"propertyName":["email"]}""", Assert.Single(loaded.RawErrors).Context?.GetRawText());
    }

    [Fact]
    public void Should_refuse_an_unknown_state_when_a_document_is_loaded()
    {
        var stored = SyncErrorDocument.From(Error(version: 1, state: SyncErrorState.Open)).ToBsonDocument();
        stored["state"] = "Open";

        Assert.Throws<FormatException>(() => BsonSerializer.Deserialize<SyncErrorDocument>(stored));
    }

    [Fact]
    public void Should_ignore_fields_a_later_version_added_when_a_document_is_loaded()
    {
        var stored = BsonDocument.Parse("{ _id: 'portal-4711', usedLast24h: NumberLong(5), salesforceLimit: NumberLong(10), reportedAt: ISODate('2026-11-28T10:00:00Z'), addedLater: true }");

        var usage = BsonSerializer.Deserialize<ApiUsageDocument>(stored).ToApiUsage();

        Assert.Equal(new ApiUsage("portal-4711", 5, 10, null, SyncedAt), usage);
    }

    [Fact]
    public void Should_match_only_older_or_missing_figures_when_usage_is_saved()
    {
        var filter = Render(ApiUsageQueries.HoldingOlderThan("portal-4711", SyncedAt));

        AssertBson("{ _id: 'portal-4711', $or: [{ reportedAt: { $lt: ISODate('2026-11-28T10:00:00Z') } }, { reportedAt: null }] }", filter);
    }

    [Fact]
    public void Should_set_the_reported_figures_but_never_the_allocation_when_usage_is_saved()
    {
        var update = Render(ApiUsageQueries.Report(4_800, 15_000, SyncedAt));

        AssertBson(
            "{ $set: { usedLast24h: NumberLong(4800), salesforceLimit: NumberLong(15000), reportedAt: ISODate('2026-11-28T10:00:00Z') } }",
            update.AsBsonDocument);
    }

    [Fact]
    public void Should_key_usage_by_tenant_when_usage_is_read()
    {
        AssertBson("{ _id: 'portal-4711' }", Render(ApiUsageQueries.ByTenant("portal-4711")));
    }

    [Fact]
    public void Should_filter_on_the_tenant_only_when_a_query_sets_no_other_filter()
    {
        AssertBson("{ tenantId: 'portal-4711' }", Render(SyncErrorQueries.Matching(new ErrorQuery("portal-4711"))));
    }

    [Fact]
    public void Should_filter_on_every_field_when_a_query_sets_them_all()
    {
        var query = new ErrorQuery("portal-4711")
        {
            ErrorType = "duplicate-rule",
            Category = "duplicates",
            State = SyncErrorState.ResyncPending,
            ObjectType = " Contact ",
            SeenFrom = SyncedAt.AddDays(-7),
            SeenTo = SyncedAt,
            Text = "dup",
        };

        var filter = Render(SyncErrorQueries.Matching(query));

        AssertBson(
            """
            {
              tenantId: 'portal-4711',
              errorType: 'duplicate-rule',
              category: 'duplicates',
              state: 'resync-pending',
              objectType: 'contact',
              lastSeen: { $gte: ISODate('2026-11-21T10:00:00Z'), $lt: ISODate('2026-11-28T10:00:00Z') },
              $or: [{ message: /dup/i }, { statusCode: /dup/i }, { hubSpotId: /dup/i }, { salesforceId: /dup/i }]
            }
            """,
            filter);
    }

    [Theory]
    [InlineData("a.b(c", @"a\.b\(c")]
    [InlineData("[x]+$", @"\[x]\+\$")]
    [InlineData(@"C:\temp *", @"C:\\temp\ \*")]
    public void Should_search_the_text_literally_and_case_insensitively_when_it_holds_pattern_characters(string text, string pattern)
    {
        var filter = Render(SyncErrorQueries.ContainingText(text));

        AssertBson(
            $"{{ $or: [{{ message: /{pattern}/i }}, {{ statusCode: /{pattern}/i }}, {{ hubSpotId: /{pattern}/i }}, {{ salesforceId: /{pattern}/i }}] }}",
            filter);
        Assert.Equal(new BsonRegularExpression(pattern, "i"), filter["$or"][0]["message"]);
    }

    [Fact]
    public void Should_read_the_rest_of_the_cursors_instant_then_the_older_errors_when_the_next_page_is_read()
    {
        var cursor = new ErrorPageCursor(SyncedAt, "e1");
        var query = new ErrorQuery("portal-4711");

        AssertBson(
            "{ tenantId: 'portal-4711', lastSeen: ISODate('2026-11-28T10:00:00Z'), _id: { $gt: 'e1' } }",
            Render(SyncErrorQueries.SameInstantAfter(query, cursor)));
        AssertBson("{ tenantId: 'portal-4711', lastSeen: { $lt: ISODate('2026-11-28T10:00:00Z') } }", Render(SyncErrorQueries.Older(query, cursor)));
    }

    [Fact]
    public void Should_bound_last_seen_outside_the_text_searchs_or_when_a_text_search_is_paged()
    {
        var query = new ErrorQuery("portal-4711") { Text = "dup" };

        var filter = Render(SyncErrorQueries.Older(query, new ErrorPageCursor(SyncedAt, "e1")));

        AssertBson(
            """
            { tenantId: 'portal-4711',
              $or: [{ message: /dup/i }, { statusCode: /dup/i }, { hubSpotId: /dup/i }, { salesforceId: /dup/i }],
              lastSeen: { $lt: ISODate('2026-11-28T10:00:00Z') } }
            """,
            filter);
    }

    [Fact]
    public void Should_sort_newest_last_seen_first_then_by_id_when_errors_are_listed()
    {
        var sort = SyncErrorQueries.ListOrder.Render(Args<SyncErrorDocument>());

        AssertBson("{ lastSeen: -1, _id: 1 }", sort);
    }

    [Fact]
    public void Should_filter_on_tenant_and_ids_when_several_errors_are_read()
    {
        AssertBson("{ _id: { $in: ['a1', 'b2'] }, tenantId: 'portal-4711' }", Render(SyncErrorQueries.ByTenantAndIds("portal-4711", ["a1", "b2"])));
    }

    [Fact]
    public void Should_change_only_an_open_error_of_the_tenant_when_a_resync_is_marked_pending()
    {
        var filter = Render(SyncErrorQueries.OpenError("portal-4711", "e1"));
        var update = Render(SyncErrorQueries.MarkResyncPending());

        AssertBson("{ _id: 'e1', tenantId: 'portal-4711', state: 'open' }", filter);
        AssertBson("{ $set: { state: 'resync-pending' }, $inc: { version: NumberLong(1) } }", update.AsBsonDocument);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(MongoSyncErrorQueries.MaxPageSize + 1)]
    public async Task Should_refuse_the_page_size_when_it_is_outside_one_to_the_maximum(int limit)
    {
        // No server is contacted: the driver connects on the first operation, and the limit is checked before it.
        using var client = new MongoClient("mongodb://127.0.0.1:1");
        var queries = new MongoSyncErrorQueries(new MongoStoreContext(client.GetDatabase("eventsync")));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => queries.ListAsync(new ErrorQuery("portal-4711"), null, limit, TestContext.Current.CancellationToken));
    }

    private static SyncError Error(long version, SyncErrorState state)
    {
        var occurrence = Assert.Single(SyncFailureBuilder.Contact("101", "0035g00000XyZabAAF").BuildOccurrences());
        var created = SyncErrorTransitions.Apply(null, occurrence)!.Error;
        return created with { Version = version, State = state };
    }

    private static RenderArgs<T> Args<T>() => new(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry);

    private static BsonDocument Render<T>(FilterDefinition<T> filter) => filter.Render(Args<T>());

    private static BsonValue Render<T>(UpdateDefinition<T> update) => update.Render(Args<T>());

    // Canonical extended JSON keeps every BSON type ($numberLong, $numberInt, $date) and the order of the fields,
    // which BsonDocument equality does not (it takes an Int32 for an equal Int64).
    private static void AssertBson(string expected, BsonDocument actual) =>
        Assert.Equal(Canonical(BsonDocument.Parse(expected)), Canonical(actual));

    private static string Canonical(BsonDocument document) =>
        document.ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.CanonicalExtendedJson });
}
