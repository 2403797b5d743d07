using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Notifications;
using EventSync.Core.Resync;
using EventSync.Core.Storage;
using EventSync.Core.Usage;
using EventSync.Storage.Tests.Contract;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Storage.Tests.Sqlite;

/// <summary>
/// Two stores opened on one file, each with its own connections, as two processes on one host open it: every write
/// decides in a transaction that holds the file's write lock, so what one decides the other sees.
/// </summary>
public sealed class SqliteSharedFileTests : IAsyncLifetime
{
    private const string Tenant = SyncFailureBuilder.DefaultTenant;
    private const int Callers = 8;
    private readonly TemporaryDataDir _dataDir = new();
    private ServiceProvider _first = null!;
    private ServiceProvider _second = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _first = SqliteStorageProvider.For(_dataDir.Path);
        _second = SqliteStorageProvider.For(_dataDir.Path);
        await Task.WhenAll(
            _first.GetRequiredService<IStoreLifecycle>().InitializeAsync(Ct),
            _second.GetRequiredService<IStoreLifecycle>().InitializeAsync(Ct));
    }

    public async ValueTask DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        _dataDir.Dispose();
    }

    [Fact]
    public async Task Should_count_each_event_once_when_both_stores_record_the_same_events_at_once()
    {
        var events = Enumerable.Range(0, 200)
            .Select(i => SyncFailureBuilder.Contact($"{i % 50}").Failing(SalesforceErrors.InvalidEmail).At(SyncFailureBuilder.Start.AddSeconds(i)).Build())
            .ToList();
        var batches = events.Chunk(20).Select(b => (IReadOnlyList<FailureOccurrence>)[.. b.SelectMany(SyncFailureBuilder.Occurrences)]).ToList();

        await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(
            async () =>
            {
                var store = Store<ISyncErrorStore>(caller);
                foreach (var batch in batches.OrderBy(_ => Random.Shared.Next()))
                {
                    await store.RecordAsync(batch, Ct);
                }
            },
            Ct)));

        var cards = await _second.GetRequiredService<ISyncErrorStore>().GetErrorCardsAsync(Tenant, Ct);
        var card = Assert.Single(cards);
        Assert.Equal((50L, 50L), (card.CurrentErrors, card.AffectedRecords));
        var page = await _first.GetRequiredService<ISyncErrorQueries>().ListAsync(new ErrorQuery(Tenant), null, 100, Ct);
        Assert.Equal(200, page.Errors.Sum(e => e.Occurrences));
        Assert.All(page.Errors, e => Assert.Equal(4, e.Version));
    }

    [Fact]
    public async Task Should_let_one_caller_claim_a_digest_period_when_both_stores_claim_it_at_once()
    {
        var now = SyncFailureBuilder.Start;
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(
            () => Store<IDigestClaimStore>(caller).TryClaimDigestAsync(
                new DigestClaim(Tenant, DigestFrequency.Daily, day, day.AddDays(1), $"sender-{caller}", now.AddMinutes(5)), now, Ct),
            Ct)));

        Assert.Single(outcomes, o => o == DigestClaimOutcome.Claimed);
        Assert.Equal(Callers - 1, outcomes.Count(o => o == DigestClaimOutcome.HeldByAnother));
    }

    [Fact]
    public async Task Should_never_reserve_past_the_cap_when_both_stores_reserve_at_once()
    {
        var now = SyncFailureBuilder.Start;
        await _first.GetRequiredService<IApiUsageStore>().SaveUsageAsync(Tenant, 970, 10_000, now.AddHours(-1), Ct);
        await _second.GetRequiredService<IApiUsageStore>().SetAllocationAsync(Tenant, 1_000, Ct);

        var reservations = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => Store<IApiBudgetStore>(i).TryReserveAsync(Tenant, 1, now, Ct), Ct)));

        Assert.Equal(30, reservations.Count(r => r.Reserved));
        Assert.Equal(1_000, (await _first.GetRequiredService<IApiBudgetStore>().GetBudgetAsync(Tenant, now, Ct)).Used);
    }

    [Fact]
    public async Task Should_claim_a_resync_part_once_when_both_stores_claim_it_at_once()
    {
        var now = SyncFailureBuilder.Start;
        var part = new ResyncPart { Index = 0, ObjectType = "contact", RecordKey = "hs:101", HubSpotId = "101", ErrorIds = ["e1"] };
        var request = new ResyncRequestRecord { RequestId = "r1", TenantId = Tenant, RequestedBy = "anna", RequestedAt = now, NotBefore = now, Parts = [part], Version = 1 };
        Assert.True(await _first.GetRequiredService<IResyncRequestStore>().AddRequestAsync(request, Ct));

        var claims = await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(
            () => Store<IResyncRequestStore>(caller).UpdateRequestAsync(Tenant, "r1", r => ResyncRequestTransitions.Claim(r, 0, now), Ct),
            Ct)));

        Assert.Single(claims, c => c is not null);
        Assert.Equal(2, (await _second.GetRequiredService<IResyncRequestStore>().GetRequestAsync(Tenant, "r1", Ct))?.Version);
    }

    [Fact]
    public async Task Should_keep_one_open_alert_window_per_tenant_when_both_stores_append_at_once()
    {
        var now = SyncFailureBuilder.Start;
        var entry = new AlertEntry("e1", "duplicates", "salesforce-duplicate-rule", "contact", "101", null, "new", now);

        var appended = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(
            () => Store<IAlertWindowStore>(i).AppendAlertAsync(Tenant, entry, now, TimeSpan.FromMinutes(5), Ct),
            Ct)));

        Assert.Single(appended, a => a.Opened);
        Assert.Single(appended.Select(a => a.WindowId).Distinct());
        var window = await _first.GetRequiredService<IAlertWindowStore>().ClaimDueAlertWindowAsync(now.AddMinutes(5), "sender", TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(40, window?.Total);
    }

    private T Store<T>(int caller)
        where T : notnull =>
        (caller % 2 == 0 ? _first : _second).GetRequiredService<T>();
}
