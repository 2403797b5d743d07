using EventSync.Core.Audit;
using EventSync.Core.Errors;
using EventSync.Core.Resync;
using EventSync.Storage.MongoDb;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using EventSync.Storage.Tests.Contract;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace EventSync.Storage.Tests.MongoDb;

/// <summary>
/// What only a MongoDB server can show: query plans (<c>explain</c>), the start-up rebuild under its lease, a recount that
/// repairs counters written wrong, the TTL index of finished resync requests. Skipped, with the reason, without a server.
/// </summary>
public sealed class MongoServerBehaviourTests(MongoTestServer server) : IClassFixture<MongoTestServer>
{
    private const string Tenant = SyncFailureBuilder.DefaultTenant;
    private static readonly DateTimeOffset T0 = SyncFailureBuilder.Start;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_read_only_from_the_cursor_on_when_a_text_search_is_paged_far_from_the_newest_error()
    {
        await using var store = await StartAsync();
        for (var batch = 0; batch < 6; batch++)
        {
            await store.Errors.RecordAsync(
                [.. Enumerable.Range(batch * 50, 50).SelectMany(i => SyncFailureBuilder.Contact($"{1000 + i}").Failing(SalesforceErrors.DuplicateRule).At(T0.AddSeconds(i)).BuildOccurrences())],
                Ct);
        }

        // 300 errors, one a second; the cursor 250 from the newest leaves 49 older ones.
        var query = new ErrorQuery(Tenant) { Text = "duplicates" };
        var cursor = new ErrorPageCursor(T0.AddSeconds(50), "~");
        var explained = await ExplainFindAsync(store, SyncErrorQueries.Older(query, cursor), limit: 100);

        Assert.DoesNotContain("COLLSCAN", Stages(explained));
        Assert.Contains("tenant_last_seen", IndexNames(explained));
        Assert.DoesNotContain("SORT", Stages(explained));
        Assert.Equal(50, explained["executionStats"]["nReturned"].ToInt32());
        Assert.InRange(explained["executionStats"]["totalKeysExamined"].ToInt32(), 50, 52);
    }

    [Fact]
    public async Task Should_serve_each_record_id_of_a_record_synced_lookup_from_its_own_index()
    {
        await using var store = await StartAsync();
        for (var i = 0; i < 200; i++)
        {
            await store.Resync.AddRequestAsync(SentRequest($"r{i}", $"{2000 + i}", $"0035g{i:D5}"), Ct);
        }

        var explained = await ExplainFindAsync(store, ResyncQueries.SentForRecord(Tenant, "contact", "2100", "0035g00150")!, limit: 0);

        Assert.DoesNotContain("COLLSCAN", Stages(explained));
        Assert.Contains("parts_by_hubspot_id", IndexNames(explained));
        Assert.Contains("parts_by_salesforce_id", IndexNames(explained));
        Assert.Equal(2, explained["executionStats"]["nReturned"].ToInt32());
        Assert.Equal(2, (await store.Resync.ListSentForRecordAsync(Tenant, "contact", "2100", "0035g00150", Ct)).Count);
    }

    [Fact]
    public async Task Should_rebuild_the_counters_once_and_start_every_instance_when_several_start_on_a_database_without_them()
    {
        await using var store = await StartAsync();
        await store.Errors.RecordAsync(
            [.. Enumerable.Range(0, 40).SelectMany(i => SyncFailureBuilder.Contact($"{3000 + (i % 13)}").Failing(i % 2 == 0 ? SalesforceErrors.DuplicateRule : SalesforceErrors.InvalidEmail).At(T0.AddSeconds(i)).BuildOccurrences())],
            Ct);
        var expected = await store.Errors.GetErrorCardsAsync(Tenant, Ct);
        var context = store.Services.GetRequiredService<MongoStoreContext>();
        await context.Database.GetCollection<BsonDocument>("store_meta").DeleteManyAsync(FilterDefinition<BsonDocument>.Empty, Ct);
        await context.Database.GetCollection<BsonDocument>("error_card_counts").UpdateManyAsync(
            FilterDefinition<BsonDocument>.Empty, new BsonDocument("$set", new BsonDocument("errors", 999L)), cancellationToken: Ct);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => store.Lifecycle.InitializeAsync(Ct), Ct)));

        Assert.Equal(expected, await store.Errors.GetErrorCardsAsync(Tenant, Ct));
        var meta = await context.Database.GetCollection<BsonDocument>("store_meta").Find(FilterDefinition<BsonDocument>.Empty).ToListAsync(Ct);
        Assert.Equal(["error-card-counts"], meta.Select(m => m["_id"].AsString));
    }

    [Fact]
    public async Task Should_repair_counters_written_wrong_when_the_tenant_is_recounted()
    {
        await using var store = await StartAsync();
        await store.Errors.RecordAsync(
            [.. Enumerable.Range(0, 20).SelectMany(i => SyncFailureBuilder.Contact($"{4000 + (i % 7)}").Failing(SalesforceErrors.InvalidEmail).At(T0.AddSeconds(i)).BuildOccurrences())],
            Ct);
        var expected = await store.Errors.GetErrorCardsAsync(Tenant, Ct);
        var database = store.Services.GetRequiredService<MongoStoreContext>().Database;
        await database.GetCollection<BsonDocument>("error_card_records").DeleteManyAsync(new BsonDocument("count", 1L), Ct);
        await database.GetCollection<BsonDocument>("error_card_counts").UpdateManyAsync(
            FilterDefinition<BsonDocument>.Empty, new BsonDocument("$set", new BsonDocument { { "errors", -5L }, { "records", 40L } }), cancellationToken: Ct);
        Assert.NotEqual(expected, await store.Errors.GetErrorCardsAsync(Tenant, Ct));

        Assert.Equal(expected, await store.Recount.RecountAsync(Tenant, Ct));

        Assert.Equal(expected, await store.Errors.GetErrorCardsAsync(Tenant, Ct));
        Assert.Equal(7, await database.GetCollection<BsonDocument>("error_card_records").CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken: Ct));
    }

    [Fact]
    public async Task Should_index_finished_requests_for_expiry_after_the_retention_when_the_store_starts()
    {
        await using var store = await StartAsync();
        var finished = SentRequest("done", "5000", null);
        finished = finished with { Parts = [.. finished.Parts.Select(p => p with { State = ResyncPartState.Completed, CompletedAt = T0.AddMinutes(3) })] };
        await store.Resync.AddRequestAsync(finished, Ct);
        await store.Resync.AddRequestAsync(SentRequest("out", "5001", null), Ct);
        var requests = store.Services.GetRequiredService<MongoStoreContext>().Database.GetCollection<BsonDocument>("resync_requests");

        var indexes = await (await requests.Indexes.ListAsync(Ct)).ToListAsync(Ct);

        var expiry = Assert.Single(indexes, i => i["name"] == "finished_requests_expiry");
        Assert.Equal(TimeSpan.FromDays(30).TotalSeconds, expiry["expireAfterSeconds"].ToDouble());
        var stored = await requests.Find(FilterDefinition<BsonDocument>.Empty).ToListAsync(Ct);
        Assert.Equal(T0.AddMinutes(3).UtcDateTime, stored.Single(d => d["_id"] == "done")["finishedAt"].ToUniversalTime());
        Assert.False(stored.Single(d => d["_id"] == "out").Contains("finishedAt"));
    }

    [Fact]
    public async Task Should_index_audit_entries_for_expiry_400_days_after_their_time_when_the_store_starts()
    {
        await using var store = await StartAsync();
        await store.Audit.AppendAsync(AuditEntry.Create(Tenant, T0, "olga", AuditActions.Resync, null, null, null), Ct);
        var entries = store.Services.GetRequiredService<MongoStoreContext>().Database.GetCollection<BsonDocument>("audit_entries");

        var indexes = await (await entries.Indexes.ListAsync(Ct)).ToListAsync(Ct);

        var expiry = Assert.Single(indexes, i => i["name"] == "audit_entries_expiry");
        Assert.Equal(TimeSpan.FromDays(400).TotalSeconds, expiry["expireAfterSeconds"].ToDouble());
        Assert.Equal(T0.UtcDateTime, (await entries.Find(FilterDefinition<BsonDocument>.Empty).SingleAsync(Ct))["at"].ToUniversalTime());
    }

    private static ResyncRequestRecord SentRequest(string id, string hubSpotId, string? salesforceId) => new()
    {
        RequestId = id,
        TenantId = Tenant,
        RequestedBy = "ops",
        RequestedAt = T0,
        NotBefore = T0,
        Parts =
        [
            new ResyncPart
            {
                Index = 0, ObjectType = "contact", RecordKey = $"hs:{hubSpotId}", HubSpotId = hubSpotId, SalesforceId = salesforceId,
                ErrorIds = [$"e-{id}"], State = ResyncPartState.Sent, SentAt = T0,
            },
        ],
    };

    private static async Task<BsonDocument> ExplainFindAsync<TDocument>(ServerStore store, FilterDefinition<TDocument> filter, int limit)
    {
        var context = store.Services.GetRequiredService<MongoStoreContext>();
        var collection = typeof(TDocument) == typeof(SyncErrorDocument) ? "sync_errors" : "resync_requests";
        var args = new RenderArgs<TDocument>(BsonSerializer.LookupSerializer<TDocument>(), BsonSerializer.SerializerRegistry);
        var find = new BsonDocument { { "find", collection }, { "filter", filter.Render(args) } };
        if (typeof(TDocument) == typeof(SyncErrorDocument))
        {
            find.Add("sort", SyncErrorQueries.ListOrder.Render(new RenderArgs<SyncErrorDocument>(BsonSerializer.LookupSerializer<SyncErrorDocument>(), BsonSerializer.SerializerRegistry)));
        }

        if (limit > 0)
        {
            find.Add("limit", limit);
        }

        return await context.Database.RunCommandAsync<BsonDocument>(new BsonDocument { { "explain", find }, { "verbosity", "executionStats" } }, cancellationToken: Ct);
    }

    private static List<string> Stages(BsonDocument explained) => Values(explained["queryPlanner"], "stage");

    private static List<string> IndexNames(BsonDocument explained) => Values(explained["queryPlanner"], "indexName");

    // The plan's shape differs between server versions (classic and slot-based engines): every value of the key, at any depth.
    private static List<string> Values(BsonValue node, string key) => node switch
    {
        BsonDocument document => [.. document.Elements.SelectMany(e => e.Name == key && e.Value.IsString ? [e.Value.AsString] : Values(e.Value, key))],
        BsonArray array => [.. array.SelectMany(v => Values(v, key))],
        _ => [],
    };

    private Task<ServerStore> StartAsync() => ServerStore.StartAsync(server, Ct);
}
