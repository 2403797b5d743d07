using EventSync.Classifier.Extensions;
using EventSync.Classifier.Recording;
using EventSync.Contracts;
using EventSync.Core.Storage;
using EventSync.ServiceDefaults.Hosting;
using EventSync.Testing;
using EventSync.Testing.Harness;
using EventSync.Testing.Hosts;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Classifier.Tests;

/// <summary>
/// The announcement of a recorded change is stored with the change (the outbox) and published from there: a broker that
/// refuses it after the write, or a process that stops before it went out, delays it but does not lose it, and every
/// publication of it carries the same message id. The classifier host runs on the in-memory bus and a SQLite file.
/// </summary>
public sealed class OutboxTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly TemporaryDataDir _dataDir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dataDir.Dispose();

    [Fact]
    public async Task Should_publish_each_announcement_with_the_id_it_was_stored_with_and_remove_it_when_the_bus_took_it()
    {
        var tap = new PublishTap<SyncErrorClassified>();
        var host = await StartAsync(tap);
        try
        {
            var tenant = SyncFailures.NewTenant("outbox");
            var failures = Enumerable.Range(0, 3).Select(i => SyncFailures.ToSalesforce(tenant, $"80{i}", SyncFailures.InvalidEmail)).ToList();

            await RecordAsync(host, failures);

            var published = await Eventually.MatchesAsync(
                () => Task.FromResult(Of(tap, tenant)), p => p.Count >= 3, Deadline, "the three new errors are announced");
            await Eventually.MatchesAsync(() => OutboxOf(host).CountAsync(Ct), n => n == 0, Deadline, "the published announcements leave the outbox");
            Assert.Equal(3, Of(tap, tenant).Count);
            Assert.Equal(3, published.Select(p => p.MessageId).Distinct().Count());
            Assert.All(published, p => Assert.Equal(7, p.MessageId!.Value.Version));
            Assert.Equal(failures.Select(f => f.EventId).Order(), published.Select(p => p.Message.EventId).Order());
        }
        finally
        {
            await TestHosts.StopAsync(host);
        }
    }

    [Fact]
    public async Task Should_publish_the_announcement_with_the_same_id_once_the_broker_takes_messages_again_when_it_refused_it_after_the_write()
    {
        var tap = new PublishTap<SyncErrorClassified>();
        var host = await StartAsync(tap);
        try
        {
            var tenant = SyncFailures.NewTenant("outbox-refused");
            var failure = SyncFailures.ToSalesforce(tenant, "810", SyncFailures.DuplicateRule);
            tap.Refuse();

            await RecordAsync(host, [failure]);
            await Eventually.MatchesAsync(() => Task.FromResult(tap.Refused.Count), n => n >= 2, Deadline, "the dispatcher tries again after the broker refused");
            tap.Accept();

            var published = await Eventually.MatchesAsync(() => Task.FromResult(Of(tap, tenant)), p => p.Count >= 1, Deadline, "the announcement goes out");
            Assert.Equal(tap.Refused[0], Assert.Single(published).MessageId);
            Assert.All(tap.Refused, id => Assert.Equal(tap.Refused[0], id));
        }
        finally
        {
            await TestHosts.StopAsync(host);
        }
    }

    [Fact]
    public async Task Should_publish_the_announcement_after_a_restart_and_a_redelivery_when_the_broker_refused_it_after_the_write()
    {
        var tenant = SyncFailures.NewTenant("outbox-restart");
        var failure = SyncFailures.ToSalesforce(tenant, "820", SyncFailures.ValidationRule);
        var refusing = new PublishTap<SyncErrorClassified>();
        refusing.Refuse();
        var first = await StartAsync(refusing);
        try
        {
            // The write commits; the publish that follows fails (the consumer would fail and the event be redelivered).
            await Record.ExceptionAsync(() => RecordAsync(first, [failure]));
            await Eventually.MatchesAsync(() => Task.FromResult(refusing.Refused.Count), n => n >= 1, Deadline, "the announcement was refused");
        }
        finally
        {
            await TestHosts.StopAsync(first);
        }

        var tap = new PublishTap<SyncErrorClassified>();
        var second = await StartAsync(tap);
        try
        {
            // The redelivered event counts once: the store reports no change for it.
            await RecordAsync(second, [failure]);

            var published = await Eventually.MatchesAsync(
                () => Task.FromResult(Of(tap, tenant)), p => p.Count >= 1, Deadline, "the announcement the broker refused goes out after the restart");
            Assert.Equal(refusing.Refused[0], Assert.Single(published).MessageId);
            Assert.Equal(failure.EventId, published[0].Message.EventId);
        }
        finally
        {
            await TestHosts.StopAsync(second);
        }
    }

    private static List<(Guid? MessageId, SyncErrorClassified Message)> Of(PublishTap<SyncErrorClassified> tap, string tenant) =>
        [.. tap.Published.Where(p => p.Message.TenantId == tenant)];

    private static IOutboxStore OutboxOf(WebApplication host) => host.Services.GetRequiredService<IOutboxStore>();

    private static async Task RecordAsync(WebApplication host, IReadOnlyList<SyncFailureReported> failures)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FailureRecorder>().RecordAndAnnounceAsync(failures, Ct);
    }

    // The tap is on the bus before it starts: a dispatcher publishes what waits as soon as the host started.
    private Task<WebApplication> StartAsync(PublishTap<SyncErrorClassified> tap) =>
        TestHosts.StartAsync(
            () => ServiceHost.Build(
                TestHosts.Arguments("--ConnectionStrings:rabbitmq=", $"--EventSync:DataDir={_dataDir.Path}"),
                builder =>
                {
                    builder.AddClassifierWorker();
                    builder.Services.AddPublishObserver(_ => tap);
                }),
            Ct);
}
