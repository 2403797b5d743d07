using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EventSync.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventSync.Standalone.Demo;

/// <summary>
/// With <c>--demo</c>: publishes a realistic day of failures of tenant <c>portal-4711</c> and its API usage through the
/// bus, the way a sync engine would, so that a newcomer sees the sync-health cards fill up.
/// </summary>
internal sealed class DemoFailurePublisher(IBus bus, IOptions<StandaloneOptions> options, TimeProvider time, ILogger<DemoFailurePublisher> logger) : BackgroundService
{
    public const string TenantId = "portal-4711";
    private const string ResourceName = "EventSync.Standalone.demo-failures.jsonl";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Demo)
        {
            return;
        }

        var failures = DayEndingAt(time.GetUtcNow());
        await bus.PublishBatch(failures, stoppingToken);
        await bus.Publish(new ApiUsageReported { TenantId = TenantId, CallsLast24h = 61_250, SalesforceDailyLimit = 100_000, ReportedAt = time.GetUtcNow() }, stoppingToken);
        logger.DemoPublished(failures.Count, TenantId);
    }

    // The sample's day is shifted to end now, so the cards show the last 24 hours. Each start reports it under event ids
    // of its own: with the sample's ids, a data directory kept from an earlier start would take the events as ones it
    // already has and go on showing that start's day (a week ago, say).
    /// <summary>The sample's failures as a start at <paramref name="now"/> reports them.</summary>
    internal static List<SyncFailureReported> DayEndingAt(DateTimeOffset now) => MovedToNow(ReadSample(), now);

    private static List<SyncFailureReported> MovedToNow(List<SyncFailureReported> failures, DateTimeOffset now)
    {
        var shift = now - failures.Max(f => f.OccurredAt ?? now);
        return [.. failures.Select(f => f with { EventId = EventIdOf(f.EventId, now), OccurredAt = (f.OccurredAt ?? now) + shift })];
    }

    private static string EventIdOf(string sampleEventId, DateTimeOffset start)
    {
        var name = Encoding.UTF8.GetBytes($"{sampleEventId}@{start.UtcTicks.ToString(CultureInfo.InvariantCulture)}");
        return new Guid(SHA256.HashData(name).AsSpan(0, 16)).ToString();
    }

    private static List<SyncFailureReported> ReadSample()
    {
        using var stream = typeof(DemoFailurePublisher).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing.");
        using var reader = new StreamReader(stream);
        var failures = new List<SyncFailureReported>();
        while (reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                failures.Add(JsonSerializer.Deserialize<SyncFailureReported>(line, ContractJson.Options)!);
            }
        }

        return failures;
    }
}
