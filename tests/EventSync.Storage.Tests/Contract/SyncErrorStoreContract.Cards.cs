using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Storage;

namespace EventSync.Storage.Tests.Contract;

// The sync-health cards are counters kept with every write: they must always equal a recount of the errors themselves.
public abstract partial class SyncErrorStoreContract
{
    private static readonly ReportedError[] CardErrors =
        [SalesforceErrors.DuplicateRule, SalesforceErrors.RequiredFieldMissing, SalesforceErrors.InvalidEmail, SalesforceErrors.RowLock];

    [Fact]
    public async Task Should_count_each_step_of_an_error_when_it_opens_recurs_resolves_and_reopens()
    {
        await using var store = await StartAsync();
        var contact = SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule);
        var opened = Assert.Single(await RecordAsync(store, contact.At(T0).Build())).Error;
        var card = new ErrorCard(opened.Category, opened.ErrorType, 1, 1);
        Assert.Equal([card], await store.Errors.GetErrorCardsAsync(Tenant, Ct));

        await RecordAsync(store, contact.At(T0.AddMinutes(1)).Build());
        Assert.Equal([card], await store.Errors.GetErrorCardsAsync(Tenant, Ct));

        Assert.Equal(1, await ResolveAsync(store, "contact", "101", null, T0.AddMinutes(2)));
        Assert.Empty(await store.Errors.GetErrorCardsAsync(Tenant, Ct));

        var reopened = Assert.Single(await RecordAsync(store, contact.At(T0.AddMinutes(3)).Build()));
        Assert.Equal(ErrorOccurrence.Reopened, reopened.Occurrence);
        Assert.Equal([card], await store.Errors.GetErrorCardsAsync(Tenant, Ct));
    }

    [Fact]
    public async Task Should_keep_counting_an_error_when_it_becomes_resync_pending_and_drop_it_when_resolved()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.InvalidEmail).At(T0).Build(),
            SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.InvalidEmail).At(T0).Build());
        var type = changes[0].Error;

        Assert.Single(await store.Errors.MarkResyncPendingAsync(Tenant, [changes[0].Error.Id], Ct));
        Assert.Equal([new ErrorCard(type.Category, type.ErrorType, 2, 2)], await store.Errors.GetErrorCardsAsync(Tenant, Ct));

        await ResolveAsync(store, "contact", "101", null, T0.AddMinutes(1));
        Assert.Equal([new ErrorCard(type.Category, type.ErrorType, 1, 1)], await store.Errors.GetErrorCardsAsync(Tenant, Ct));
    }

    [Fact]
    public async Task Should_drop_a_surfaced_transient_error_from_the_cards_when_its_record_synced()
    {
        await using var store = await StartAsync();
        var change = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.RowLock).At(T0).Build()));
        await store.Retries.SurfaceAsync(Tenant, change.Error.Id, T0.AddMinutes(1), e => OutboxMessage.Of(e.Id), Ct);
        Assert.Single(await store.Errors.GetErrorCardsAsync(Tenant, Ct));

        await ResolveAsync(store, "contact", "101", null, T0.AddMinutes(2));

        Assert.Empty(await store.Errors.GetErrorCardsAsync(Tenant, Ct));
    }

    [Fact]
    public async Task Should_equal_a_recount_of_the_errors_after_every_step_of_a_random_sequence_of_writes()
    {
        await using var store = await StartAsync();
        var random = new Random(20261129);
        var at = T0;
        for (var step = 0; step < 300; step++)
        {
            at = at.AddSeconds(1);
            var operation = random.Next(10);
            if (operation < 5)
            {
                // A batch of one to three events, some of them arriving late (older than what was seen).
                var failures = Enumerable.Range(0, random.Next(1, 4))
                    .Select(_ => RandomRecord(random).At(random.Next(4) == 0 ? at.AddMinutes(-5) : at).Failing(RandomErrors(random)).Build())
                    .ToArray();
                await RecordAsync(store, failures);
            }
            else if (operation < 7)
            {
                await store.Errors.ResolveRecordsAsync(
                    [new RecordResolution(Tenant, random.Next(2) == 0 ? "contact" : "company", $"{201 + random.Next(4)}", null, at)], Ct);
            }
            else if (operation < 9)
            {
                var current = await CurrentErrorsAsync(store);
                var chosen = current.Where(_ => random.Next(3) == 0).Select(e => e.Id).ToList();
                await store.Errors.MarkResyncPendingAsync(Tenant, chosen, Ct);
            }
            else
            {
                var transient = (await CurrentErrorsAsync(store)).Where(e => e.Category == "transient").ToList();
                if (transient.Count > 0)
                {
                    await store.Retries.SurfaceAsync(Tenant, transient[random.Next(transient.Count)].Id, at, e => OutboxMessage.Of(e.Id), Ct);
                }
            }

            Assert.Equal(await RecountCardsAsync(store), await store.Errors.GetErrorCardsAsync(Tenant, Ct));
        }

        Assert.NotEmpty(await store.Errors.GetErrorCardsAsync(Tenant, Ct));
    }

    [Fact]
    public async Task Should_count_every_error_once_when_two_callers_record_the_same_records_at_the_same_time()
    {
        await using var store = await StartAsync();
        const int Batches = 20;

        async Task CallerAsync(int caller)
        {
            for (var batch = 0; batch < Batches; batch++)
            {
                var failures = Enumerable.Range(0, 5)
                    .Select(i => SyncFailureBuilder.Contact($"{300 + ((batch + i) % 8)}")
                        .As(caller == 0 ? "contact" : "company")
                        .Failing(CardErrors[(batch + i + caller) % 3])
                        .At(T0.AddSeconds(batch))
                        .Build())
                    .ToArray();
                await RecordAsync(store, failures);
            }
        }

        await Task.WhenAll(Task.Run(() => CallerAsync(0), Ct), Task.Run(() => CallerAsync(1), Ct));

        var cards = await store.Errors.GetErrorCardsAsync(Tenant, Ct);
        Assert.Equal(await RecountCardsAsync(store), cards);
        // 8 records x 3 error types x 2 object types, every record of every type failing on both object types.
        Assert.Equal(3, cards.Count);
        Assert.All(cards, c => Assert.Equal((16L, 8L), (c.CurrentErrors, c.AffectedRecords)));
    }

    // Four HubSpot records; a contact and a company with the same id share a record key.
    private static SyncFailureBuilder RandomRecord(Random random) =>
        SyncFailureBuilder.Contact($"{201 + random.Next(4)}").As(random.Next(2) == 0 ? "contact" : "company");

    private static ReportedError[] RandomErrors(Random random) =>
        [.. CardErrors.Where(_ => random.Next(3) == 0).DefaultIfEmpty(CardErrors[random.Next(CardErrors.Length)])];

    private static async Task<List<SyncError>> CurrentErrorsAsync(StoreUnderTest store)
    {
        var errors = new List<SyncError>();
        await foreach (var error in store.Queries.StreamAsync(new ErrorQuery(Tenant), Ct))
        {
            if (error.IsCurrent)
            {
                errors.Add(error);
            }
        }

        return errors;
    }

    // The cards as the errors themselves say: current ones, transient ones only once surfaced, records counted once per type.
    private static async Task<IReadOnlyList<ErrorCard>> RecountCardsAsync(StoreUnderTest store)
    {
        var counted = (await CurrentErrorsAsync(store)).Where(e => e.Category != "transient" || e.SurfacedAt is not null);
        return ErrorCardOrder.ByImpact(counted
            .GroupBy(e => (e.Category, e.ErrorType))
            .Select(g => new ErrorCard(g.Key.Category, g.Key.ErrorType, g.LongCount(), g.Select(e => e.RecordKey).Distinct(StringComparer.Ordinal).LongCount())));
    }
}
