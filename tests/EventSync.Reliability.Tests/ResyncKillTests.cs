using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Resync;
using EventSync.Reliability.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Broker;
using EventSync.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace EventSync.Reliability.Tests;

/// <summary>
/// The resync worker is killed (SIGKILL) while it sends a long run of resyncs, and started again on the same store file: a
/// part it had claimed but whose send the broker never confirmed is sent again after <c>ResendUnconfirmedAfter</c>, with
/// the message id of its first send, so every record reaches its engine and the store shows every part sent. Runs the
/// built service as a child process on the shared broker; the test reads the same file through a store of its own.
/// </summary>
public sealed class ResyncKillTests
{
    private const string EngineId = "sf-sync-eu-1";
    private const int Requests = 20;
    private const int RecordsPerRequest = 100;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    // Short waits so that the test sees the resend: a send is given up after 2 s, sent again 3 s after its claim.
    private static readonly string[] Settings =
    [
        "--EventSync:Messaging:PublishTimeout=00:00:02",
        "--EventSync:Resync:ResendUnconfirmedAfter=00:00:03",
        "--EventSync:Resync:SweepInterval=00:00:01",
    ];

    [Fact]
    public async Task Should_send_every_record_to_its_engine_with_one_message_id_each_when_the_resync_worker_is_killed_mid_send_and_restarted()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await TestBroker.StartAsync(cancellationToken);
        Assert.SkipWhen(broker.Uri is null, TestBroker.SkipReason);
        await using var brokerLock = await BrokerLock.AcquireAsync(broker.Uri, cancellationToken);
        using var dataDir = new TemporaryDataDir();
        Directory.CreateDirectory(dataDir.Path);
        using var http = new HttpClient();
        await using var stores = await StoreFile.OpenAsync(dataDir.Path);
        var tenant = SyncFailures.NewTenant("resync-kill");
        var now = DateTimeOffset.UtcNow;
        var errors = await StoreFile.SeedAsync(stores.GetRequiredService<ISyncErrorStore>(), tenant, Requests * RecordsPerRequest, now.AddHours(-1), 10_000, cancellationToken);
        var received = new ConcurrentQueue<(string? MessageId, ResyncRecord Record)>();
        await using var engine = await ExchangeTap.BindAsync(
            broker.Uri, "eventsync.resync-requests", ExchangeType.Topic, EngineId, "eventsync-tests resync-kill engine",
            delivery => received.Enqueue((delivery.BasicProperties.MessageId, JsonSerializer.Deserialize<ResyncRecord>(Encoding.UTF8.GetString(delivery.Body.Span), ContractJson.Options)!)),
            cancellationToken);
        var commands = errors.Chunk(RecordsPerRequest).Select((chunk, i) => new ResyncErrors
        {
            RequestId = $"{tenant}-request-{i:D2}",
            TenantId = tenant,
            ErrorIds = [.. chunk.Select(e => e.Id)],
            RequestedBy = "anna.meier@example.de",
            RequestedAt = now,
        }).ToList();
        var requests = stores.GetRequiredService<IResyncRequestStore>();

        await using (var killed = await ServiceProcess.StartReadyAsync("EventSync.Resync", broker.Uri, dataDir.Path, http, Deadline, Settings))
        {
            await ResyncCommands.PublishAsync(broker.Uri, commands, cancellationToken);
            await Eventually.HoldsAsync(() => Task.FromResult(Ours(received, tenant).Count >= 300), Deadline, "the worker sends the first 300 resyncs");
            await killed.KillAsync();
        }

        var atKill = await Task.WhenAll(commands.Select(c => requests.GetRequestAsync(tenant, c.RequestId, cancellationToken)));
        var unconfirmedAtKill = atKill.Sum(r => r?.Parts.Count(p => p.Unconfirmed) ?? 0);
        var receivedAtKill = Ours(received, tenant).Count;

        await using var restarted = await ServiceProcess.StartReadyAsync("EventSync.Resync", broker.Uri, dataDir.Path, http, Deadline, Settings);
        var settled = await Eventually.MatchesAsync(
            async () => await Task.WhenAll(commands.Select(c => requests.GetRequestAsync(tenant, c.RequestId, cancellationToken))),
            stored => stored.All(r => r is not null && r.Parts.All(p => p.State == ResyncPartState.Sent && !p.Unconfirmed)),
            Deadline,
            "the restarted worker sent every part, each confirmed");
        var ours = await Eventually.MatchesAsync(
            () => Task.FromResult(Ours(received, tenant)),
            deliveries => deliveries.Select(d => d.Record.HubSpotId).Distinct(StringComparer.Ordinal).Count() == errors.Count,
            Deadline,
            "every record reached its engine");
        await restarted.TerminateAsync();

        var byRecord = ours.GroupBy(d => d.Record.HubSpotId!, StringComparer.Ordinal).ToList();
        Assert.All(byRecord, deliveries => Assert.Single(deliveries.Select(d => d.MessageId).Distinct(StringComparer.Ordinal)));
        Assert.Equal(errors.Count, ours.Select(d => d.MessageId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(errors.Count, settled.Sum(r => r!.Parts.Count));
        TestReport.Line(
            $"resync worker killed after {receivedAtKill} of {errors.Count} resyncs reached the engine, {unconfirmedAtKill} part(s) claimed and unconfirmed at the kill; " +
            $"after the restart {ours.Count} deliveries, {ours.Count - errors.Count} sent twice with the same message id");
    }

    private static List<(string? MessageId, ResyncRecord Record)> Ours(ConcurrentQueue<(string? MessageId, ResyncRecord Record)> received, string tenant) =>
        [.. received.Where(d => d.Record.TenantId == tenant)];
}
