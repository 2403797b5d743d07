using System.Net;
using System.Text;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Contracts;
using EventSync.Core.Notifications;
using EventSync.Testing;
using EventSync.Testing.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Tests;

/// <summary>
/// Every route that reads a body refuses it with a 413 problem once the bytes read pass its limit, whether or not the
/// client said how long the body is: ingestion at <see cref="ApiOptions.MaxIngestionBytes"/>, the small JSON bodies at
/// <see cref="ApiOptions.MaxSmallBodyBytes"/>, and Kestrel caps every body at <see cref="ApiOptions.MaxRequestBodyBytes"/>.
/// </summary>
public sealed class RequestBodyLimitTests(ApiHost host)
{
    private ApiOptions Options => host.Services.GetRequiredService<IOptions<ApiOptions>>().Value;

    [Fact]
    public async Task Should_answer_413_problem_and_publish_nothing_when_a_chunked_failure_report_is_larger_than_the_ingestion_limit()
    {
        var tenant = SyncFailures.NewTenant("chunked-ingest");
        var failure = System.Text.Json.JsonSerializer.Serialize(SyncFailures.ToSalesforce(tenant, "7001", SyncFailures.InvalidEmail), ContractJson.Options);
        var published = new PublishedMessages<SyncFailureReported>();
        using var observer = host.Services.GetRequiredService<MassTransit.IBus>().ConnectPublishObserver(published);

        using var response = await PostChunkedAsync("/api/failures", ChunkedRequest.Repeating("[", failure, Options.MaxIngestionBytes * 13 / 10, "]"));

        var problem = await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains(Options.MaxIngestionBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(published.Published, f => f.TenantId == tenant);
    }

    [Fact]
    public async Task Should_answer_413_problem_not_500_when_a_chunked_body_is_larger_than_the_request_body_cap()
    {
        using var response = await PostChunkedAsync("/api/failures", ChunkedRequest.Repeating("[", "{}", Options.MaxRequestBodyBytes + (1024 * 1024), "]"));

        Assert.True(Options.MaxRequestBodyBytes > Options.MaxIngestionBytes, "The body cap must leave room for the ingestion cap.");
        await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Should_answer_413_problem_and_save_nothing_when_chunked_notification_settings_are_larger_than_the_small_body_limit()
    {
        var tenant = SyncFailures.NewTenant("chunked-settings");
        var content = ChunkedRequest.Repeating("{\"enabled\":true,\"frequency\":\"daily\",\"recipients\":[", "\"ops@example.com\"", 3_000_000, "]}");

        using var response = await PostChunkedAsync(TenantErrors.Path(tenant, "notification-settings"), content, HttpMethod.Put);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains(Options.MaxSmallBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<INotificationSettingsStore>().GetAsync(tenant, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_answer_413_problem_when_a_chunked_resync_body_is_larger_than_the_small_body_limit()
    {
        var content = ChunkedRequest.Repeating("{\"errorIds\":[", "\"0123456789abcdef01234567\"", Options.MaxSmallBodyBytes * 2, "]}");

        using var response = await PostChunkedAsync(TenantErrors.Path(SyncFailures.NewTenant("chunked-resync"), "resync"), content);

        await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Should_answer_413_when_a_resync_body_announces_more_than_the_request_body_cap()
    {
        var cap = Options.MaxRequestBodyBytes;
        var ids = string.Join(',', Enumerable.Repeat("\"0123456789abcdef01234567\"", (int)(cap / 27) + 1));
        using var request = new HttpRequestMessage(HttpMethod.Post, TenantErrors.Path(SyncFailures.NewTenant("body-cap"), "resync"))
        {
            Content = new StringContent($"{{\"errorIds\":[{ids}]}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(ApiHost.ApiKeyHeader, host.AdminKey);
        // The client waits for Kestrel's verdict before sending: refused at once, the body is never written, so no reset.
        request.Headers.ExpectContinue = true;

        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostChunkedAsync(string path, IEnumerable<string> body, HttpMethod? method = null) =>
        ChunkedRequest.SendAsync(host.Http.BaseAddress!, method ?? HttpMethod.Post, path, host.AdminKey, body, TestContext.Current.CancellationToken);
}
