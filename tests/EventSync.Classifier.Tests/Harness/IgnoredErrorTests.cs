using EventSync.Classifier.Extensions;
using EventSync.Classifier.Recording;
using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Testing;
using EventSync.Testing.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EventSync.Classifier.Tests.Harness;

/// <summary>
/// Ignored errors through the classifier worker on MassTransit's test harness, with a fake clock: they come back as
/// reopened, and are announced so, after the failures asked for or when their date came.
/// </summary>
public sealed class IgnoredErrorTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private HarnessHost? _host;

    private HarnessHost Host => _host!;

    private ISyncErrorStore Store => Host.Get<ISyncErrorStore>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _host = await HarnessHost.StartAsync(builder =>
        {
            builder.AddClassifierWorker();
            builder.Services.AddSingleton<TimeProvider>(_time);
        });

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Should_keep_an_error_ignored_through_fewer_failures_and_announce_it_reopened_at_the_number_asked()
    {
        var tenant = SyncFailures.NewTenant("harness-ignore-count");
        var errorId = await FailAsync(tenant, "7101");
        await Store.IgnoreAsync(tenant, [errorId], new ErrorIgnore { IgnoredBy = "ops", IgnoredAt = _time.GetUtcNow(), UntilOccurrences = 2 }, Ct);

        var once = await FailAgainAsync(tenant, "7101");
        Assert.Equal(ErrorOccurrence.Recurring, once.Occurrence);
        Assert.Equal(SyncErrorState.Ignored, (await Store.GetAsync(tenant, errorId, Ct))!.State);
        Assert.Empty(await Store.GetErrorCardsAsync(tenant, Ct));

        var twice = await FailAgainAsync(tenant, "7101");

        Assert.Equal(ErrorOccurrence.Reopened, twice.Occurrence);
        var stored = await Store.GetAsync(tenant, errorId, Ct);
        Assert.Equal((SyncErrorState.Open, 3L), (stored!.State, stored.Occurrences));
        Assert.Equal(1, Assert.Single(await Store.GetErrorCardsAsync(tenant, Ct)).CurrentErrors);
    }

    [Fact]
    public async Task Should_announce_an_ignored_error_reopened_when_its_date_came()
    {
        var tenant = SyncFailures.NewTenant("harness-ignore-date");
        var errorId = await FailAsync(tenant, "7201");
        await Store.IgnoreAsync(tenant, [errorId], new ErrorIgnore { IgnoredBy = "ops", IgnoredAt = _time.GetUtcNow(), Until = _time.GetUtcNow().AddDays(1) }, Ct);
        var reopener = Host.Get<IgnoredErrorReopener>();
        Assert.Equal(0, await reopener.ReopenDueAsync(Ct));

        _time.Advance(TimeSpan.FromDays(1));
        await reopener.ReopenDueAsync(Ct);

        var announced = await Host.PublishedAsync<SyncErrorClassified>(
            m => m.ErrorId == errorId && m.Occurrence == ErrorOccurrence.Reopened, "the reopened error is announced");
        Assert.Equal(tenant, announced.Context.Message.TenantId);
        Assert.Equal(SyncErrorState.Open, (await Store.GetAsync(tenant, errorId, Ct))!.State);
        Assert.Equal(1, Assert.Single(await Store.GetErrorCardsAsync(tenant, Ct)).CurrentErrors);
    }

    private async Task<string> FailAsync(string tenant, string hubSpotId)
    {
        var failure = SyncFailures.ToSalesforce(tenant, hubSpotId, SyncFailures.InvalidEmail, occurredAt: _time.GetUtcNow());
        await Host.PublishAsync(failure);
        return (await Host.PublishedAsync<SyncErrorClassified>(m => m.EventId == failure.EventId, "the failure is announced")).Context.Message.ErrorId;
    }

    private async Task<SyncErrorClassified> FailAgainAsync(string tenant, string hubSpotId)
    {
        _time.Advance(TimeSpan.FromMinutes(1));
        var failure = SyncFailures.ToSalesforce(tenant, hubSpotId, SyncFailures.InvalidEmail, occurredAt: _time.GetUtcNow());
        await Host.PublishAsync(failure);
        return (await Host.PublishedAsync<SyncErrorClassified>(m => m.EventId == failure.EventId, "the failure is announced")).Context.Message;
    }
}
