using System.Diagnostics;
using EventSync.Core.Errors;
using EventSync.Reliability.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Broker;
using EventSync.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Reliability.Tests;

/// <summary>
/// Valid traffic with 10 % malformed messages mixed in: every valid event is stored, every malformed one is parked in
/// <c>sync-failure-reported_error</c> with its reason, and valid traffic keeps flowing. Throughput of valid events is
/// measured against a clean run on the same host just before; the assertion keeps a wide margin (at least a quarter of
/// the clean rate) because the machine is shared, and the figures go to the test output.
/// </summary>
public sealed class BadInputAtVolumeTests
{
    private const int ValidEvents = 4500;
    private const int MalformedEvents = 500;
    private const int Seed = 20261128;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Should_store_every_valid_event_and_park_every_malformed_one_with_a_reason_when_10_percent_of_the_traffic_is_malformed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await TestBroker.StartAsync(cancellationToken);
        Assert.SkipWhen(broker.Uri is null, TestBroker.SkipReason);
        await using var brokerLock = await BrokerLock.AcquireAsync(broker.Uri, cancellationToken);
        using var dataDir = new TemporaryDataDir();
        await using var host = await InProcessClassifier.StartAsync(broker.Uri, dataDir.Path, null, cancellationToken);
        var store = host.Services.GetRequiredService<ISyncErrorStore>();
        await using var engine = await EnginePublisher.ConnectAsync(broker.Uri, cancellationToken);

        var clean = new PublishedFailures("clean-traffic");
        var cleanEvents = clean.Create(ValidEvents);
        var cleanRate = await ValidPerSecondAsync(engine, store, clean, cleanEvents.Select(EnginePublisher.Json).ToList(), cancellationToken);

        var mixed = new PublishedFailures("mixed-traffic");
        var mixedEvents = mixed.Create(ValidEvents);
        var malformed = new MalformedFailures(mixed.Tenant, Seed);
        var bodies = new List<byte[]>(ValidEvents + MalformedEvents);
        for (var i = 0; i < ValidEvents; i++)
        {
            bodies.Add(EnginePublisher.Json(mixedEvents[i]));
            if (i % 9 == 4 && bodies.Count < ValidEvents + MalformedEvents)
            {
                bodies.Add(malformed.Next());
            }
        }

        Assert.Equal(ValidEvents + MalformedEvents, bodies.Count);
        var mixedRate = await ValidPerSecondAsync(engine, store, mixed, bodies, cancellationToken);
        await Eventually.HoldsAsync(
            async () => await BrokerQueues.ReadyAsync(broker.Uri, ClassifierQueues.SyncFailureReportedError, cancellationToken) >= MalformedEvents,
            Deadline,
            "every malformed message is parked");

        await host.StopAsync();
        Assert.Empty(await StoredFailures.DifferencesInFileAsync(dataDir.Path, clean, cleanEvents, cancellationToken));
        Assert.Empty(await StoredFailures.DifferencesInFileAsync(dataDir.Path, mixed, mixedEvents, cancellationToken));
        var parked = await BrokerQueues.DrainAsync(broker.Uri, ClassifierQueues.SyncFailureReportedError, cancellationToken);
        Assert.Equal(MalformedEvents, parked.Count);
        Assert.All(parked, p => Assert.False(string.IsNullOrWhiteSpace(p.FaultMessage), $"no reason for {p.BodyText[..Math.Min(200, p.BodyText.Length)]}"));
        Assert.Equal(MalformedEvents / 10, parked.Count(p => p.FaultMessage!.Contains(MalformedFailures.TooLargeReason, StringComparison.Ordinal)));

        TestReport.Line($"valid events stored per second: clean {cleanRate:0} ev/s, with 10 % malformed {mixedRate:0} ev/s ({mixedRate / cleanRate:P0}); " +
                        $"parked by reason: {string.Join(", ", parked.GroupBy(p => p.FaultExceptionType?.Split('.')[^1]).Select(g => $"{g.Key} {g.Count()}"))}");
        Assert.True(mixedRate >= cleanRate / 4, $"valid throughput collapsed: {mixedRate:0} ev/s with malformed traffic, {cleanRate:0} ev/s without");
    }

    /// <summary>Publishes the bodies (confirmed, many in flight) and returns valid events stored per second, from the first publish to the last write.</summary>
    private static async Task<double> ValidPerSecondAsync(
        EnginePublisher engine, ISyncErrorStore store, PublishedFailures published, IReadOnlyList<byte[]> bodies, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            bodies,
            new ParallelOptions { MaxDegreeOfParallelism = 128, CancellationToken = cancellationToken },
            async (body, ct) => await engine.PublishRawAsync(EnginePublisher.SyncFailures, body, EnginePublisher.JsonContentType, ct));
        await Eventually.HoldsAsync(
            async () => (await store.GetErrorCardsAsync(published.Tenant, cancellationToken)).Sum(c => c.CurrentErrors) == published.ErrorTypeByRecord.Count,
            Deadline,
            $"every valid event of {published.Tenant} is stored");
        return published.ErrorTypeByRecord.Count / clock.Elapsed.TotalSeconds;
    }
}
