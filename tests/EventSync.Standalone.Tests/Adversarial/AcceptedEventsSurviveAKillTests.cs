using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;
using EventSync.Contracts;
using EventSync.Standalone.Tests.Infrastructure;
using EventSync.Testing;

namespace EventSync.Standalone.Tests.Adversarial;

/// <summary>
/// A 202 means the event is durable: the standalone host, killed with SIGKILL right after it accepted 20,000 events,
/// has every one of them once it is started again on the same data, each counted once.
/// </summary>
public sealed class AcceptedEventsSurviveAKillTests
{
    private const int EventCount = 20_000;
    private const int EventsPerRequest = 250;
    private const int ConcurrentEngines = 4;

    [Fact]
    public async Task Should_have_stored_every_accepted_event_once_when_killed_right_after_the_last_202()
    {
        // As fast as four engines can send: above the per-tenant rate, which is not what this test is about.
        await using var server = await StandaloneServer.StartAsync("--EventSync:Api:RateLimits:IngestedEventsPerSecond=1000000");
        var tenant = SyncFailures.NewTenant("sigkill");
        var batches = Enumerable.Range(0, EventCount)
            .Select(n => SyncFailures.ToSalesforce(tenant, $"hs-{n}", SyncFailures.RequiredFieldMissing))
            .Chunk(EventsPerRequest)
            .ToList();

        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentEngines, CancellationToken = TestContext.Current.CancellationToken },
            async (batch, cancellationToken) =>
            {
                using var content = new StringContent(JsonSerializer.Serialize(batch, ContractJson.Options), Encoding.UTF8, "application/json");
                using var response = await server.Http.PostAsync(new Uri("/api/failures", UriKind.Relative), content, cancellationToken);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            });
        await server.RestartAfterKillAsync();

        var rows = await ExportAsync(server, tenant);
        Assert.Equal(EventCount, rows.Count);
        Assert.Equal(EventCount, rows.Select(r => r.HubSpotId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rows, r => Assert.Equal("1", r.Occurrences));
    }

    private static async Task<List<(string HubSpotId, string Occurrences)>> ExportAsync(StandaloneServer server, string tenant)
    {
        var csv = await server.Http.GetStringAsync(new Uri($"/api/tenants/{tenant}/errors/export.csv", UriKind.Relative), TestContext.Current.CancellationToken);
        using var reader = CsvReader.FromText(csv, CsvReaderOptions.Default with { AllowLineBreaksInQuotes = true });
        var rows = new List<(string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString("hubSpotId"), reader.GetString("occurrences")));
        }

        return rows;
    }
}
