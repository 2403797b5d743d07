using System.Net;
using System.Net.Http.Json;
using EventSync.Testing;
using EventSync.Testing.Hosts;
using EventSync.Testing.Standalone;

namespace EventSync.Standalone.Tests;

/// <summary>
/// <c>/metrics</c> on the standalone host: Prometheus text without a key (it listens on loopback only), the classifier's
/// and the API's figures after failures came in over HTTP, and no tenant data. ASP.NET Core's own HTTP metrics are checked on
/// the real process (<see cref="StandaloneProcessTests"/>): its meters belong to each host, and another host of this test
/// process stopping retires their streams (open-telemetry/opentelemetry-dotnet#6412).
/// </summary>
public sealed class MetricsEndpointTests(StandaloneInMemory host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_show_the_classified_errors_by_category_and_type_without_a_key_when_failures_came_in()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var standalone = host.Standalone;
        var tenant = SyncFailures.NewTenant("metrics");
        var before = await PrometheusText.ScrapeAsync(standalone.Http, cancellationToken);

        await standalone.ReportFailuresAsync([
            SyncFailures.ToSalesforce(tenant, "801", SyncFailures.InvalidEmail),
            SyncFailures.ToSalesforce(tenant, "802", SyncFailures.InvalidEmail),
        ]);

        (string, string)[] invalidEmail = [("category", "property-values"), ("error_type", SyncFailures.InvalidEmailType)];
        var after = await Eventually.MatchesAsync(
            () => PrometheusText.ScrapeAsync(standalone.Http, cancellationToken),
            m => m.Sum("eventsync_errors_classified_total", invalidEmail) - before.Sum("eventsync_errors_classified_total", invalidEmail) >= 2,
            Deadline,
            "two invalid-email errors are counted under their category and type");

        Assert.True(after.Sum("eventsync_api_failures_accepted_total") - before.Sum("eventsync_api_failures_accepted_total") >= 2);
        Assert.DoesNotContain(tenant, after.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(standalone.AdminKey, after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_count_the_errors_sent_for_resync_when_an_operator_asks_for_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var standalone = host.Standalone;
        var tenant = SyncFailures.NewTenant("metrics-resync");
        await standalone.ReportFailuresAsync([SyncFailures.ToSalesforce(tenant, "811", SyncFailures.ValidationRule), SyncFailures.ToSalesforce(tenant, "812", SyncFailures.ValidationRule)]);
        var errors = await Eventually.MatchesAsync(
            async () => (await standalone.GetJsonAsync($"/api/tenants/{tenant}/errors")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList(),
            ids => ids.Count == 2,
            Deadline,
            "both errors are listed");
        var before = await PrometheusText.ScrapeAsync(standalone.Http, cancellationToken);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tenants/{tenant}/resync") { Content = JsonContent.Create(new { errorIds = errors }) };
        request.Headers.Add(RunningStandalone.ApiKeyHeader, standalone.AdminKey);
        using var response = await standalone.Http.SendAsync(request, cancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.HoldsAsync(
            async () => (await PrometheusText.ScrapeAsync(standalone.Http, cancellationToken)).Sum("eventsync_api_resync_requested_total") - before.Sum("eventsync_api_resync_requested_total") >= 2,
            Deadline,
            "the two errors sent for resync are counted");
    }

    [Fact]
    public async Task Should_answer_in_the_prometheus_text_format_when_scraped_without_a_key()
    {
        using var response = await host.Standalone.Http.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE ", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
