using System.Net;
using System.Text;
using EventSync.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Tests;

/// <summary>Kestrel caps every request body at <see cref="ApiOptions.MaxRequestBodyBytes"/>, routes without a cap of their own (resync) included.</summary>
public sealed class RequestBodyLimitTests(ApiHost host)
{
    [Fact]
    public async Task Should_answer_413_when_a_resync_body_is_larger_than_the_request_body_cap()
    {
        var options = host.Services.GetRequiredService<IOptions<ApiOptions>>().Value;
        var cap = options.MaxRequestBodyBytes;
        var ids = string.Join(',', Enumerable.Repeat("\"0123456789abcdef01234567\"", (int)(cap / 27) + 1));
        using var request = new HttpRequestMessage(HttpMethod.Post, TenantErrors.Path(SyncFailures.NewTenant("body-cap"), "resync"))
        {
            Content = new StringContent($"{{\"errorIds\":[{ids}]}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(ApiHost.ApiKeyHeader, host.AdminKey);
        // The client waits for Kestrel's verdict before sending: refused at once, the body is never written, so no reset.
        request.Headers.ExpectContinue = true;

        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.True(cap > options.MaxIngestionBytes, "The body cap must leave room for the ingestion cap.");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
