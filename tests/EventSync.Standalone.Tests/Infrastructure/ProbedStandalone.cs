using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EventSync.Contracts;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Standalone.Tests.Infrastructure;

/// <summary>
/// One standalone process per test class for the hostile probes: two tenants with keys of their own besides the admin
/// key, rate-limit windows long enough that no window turns over while a test counts its requests, and helpers to send
/// what a hostile or careless client sends. Tests stay apart by tenant.
/// </summary>
public sealed class ProbedStandalone : IAsyncLifetime
{
    public const string Acme = "acme-probe";
    public const string Globex = "globex-probe";

    private const string SentinelPrefix = "sentinel-";
    private static readonly TimeSpan StoredDeadline = TimeSpan.FromSeconds(60);
    private StandaloneServer? _server;
    private HttpClient? _anonymous;

    public IReadOnlyDictionary<string, string> TenantKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Acme] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        [Globex] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
    };

    /// <summary>A named key with the reader role for <see cref="Acme"/> only.</summary>
    public string AcmeReaderKey { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A named key with the admin role for <see cref="Globex"/> only: an admin, but of another tenant than <see cref="Acme"/>.</summary>
    public string GlobexAdminKey { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public StandaloneServer Server => _server ?? throw new InvalidOperationException("The process is not started.");

    public string AdminKey => Server.AdminKey;

    /// <summary>A client that sends no key unless a request carries one.</summary>
    public HttpClient Anonymous => _anonymous ?? throw new InvalidOperationException("The process is not started.");

    public async ValueTask InitializeAsync()
    {
        _server = await StandaloneServer.StartAsync(
        [
            "--EventSync:Api:RateLimits:Window=00:10:00",
            // The probes send many test deliveries to an address that does not resolve. Retried in process, each would hold
            // one of the delivery worker's slots for minutes and hold up the deliveries later probes wait for (the cost of
            // in-process retries, see the notification worker's README); the probes are about answers, not retries.
            "--EventSync:Webhooks:RetryLimit=0",
            .. TenantKeys.Select(k => $"--EventSync:Api:TenantKeys:{k.Key}={k.Value}"),
            $"--EventSync:Api:Keys:acme-reader:Key={AcmeReaderKey}",
            "--EventSync:Api:Keys:acme-reader:Role=reader",
            $"--EventSync:Api:Keys:acme-reader:Tenants={Acme}",
            $"--EventSync:Api:Keys:globex-admin:Key={GlobexAdminKey}",
            "--EventSync:Api:Keys:globex-admin:Role=admin",
            $"--EventSync:Api:Keys:globex-admin:Tenants={Globex}",
        ]);
        _anonymous = new HttpClient { BaseAddress = _server.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async ValueTask DisposeAsync()
    {
        _anonymous?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public static string TenantPath(string tenantId, string rest) => $"/api/tenants/{tenantId}/{rest}";

    /// <summary>Sends <paramref name="content"/> with <paramref name="key"/> (none when null).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await Anonymous.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? key) => SendAsync(HttpMethod.Get, path, key);

    public Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, string? key, string json) =>
        SendAsync(method, path, key, new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PostFailuresAsync(string json, string? key) => SendJsonAsync(HttpMethod.Post, "/api/failures", key, json);

    public Task<HttpResponseMessage> PostFailuresAsync(IEnumerable<SyncFailureReported> failures, string? key) =>
        PostFailuresAsync(JsonSerializer.Serialize(failures.ToList(), ContractJson.Options), key);

    /// <summary>Sends <paramref name="body"/> with the admin key over a raw socket under a Content-Length of <paramref name="declaredLength"/>, true or not.</summary>
    public Task<HttpResponseMessage> SendWithDeclaredLengthAsync(HttpMethod method, string path, long declaredLength, string body) =>
        RawRequest.SendWithDeclaredLengthAsync(Server.Http.BaseAddress!, method, path, AdminKey, declaredLength, body, TestContext.Current.CancellationToken);

    /// <summary>Sends a chunked body (no Content-Length) over a raw socket with the admin key.</summary>
    public Task<HttpResponseMessage> SendChunkedAsync(HttpMethod method, string path, IEnumerable<string> body) =>
        ChunkedRequest.SendAsync(Server.Http.BaseAddress!, method, path, AdminKey, body, TestContext.Current.CancellationToken);

    /// <summary>Posts the events with the admin key and waits until the tenant's list shows <paramref name="expectedErrors"/> errors.</summary>
    public async Task<IReadOnlyList<JsonElement>> SeedAsync(string tenantId, IReadOnlyList<SyncFailureReported> failures, int expectedErrors)
    {
        using (var response = await PostFailuresAsync(failures, AdminKey))
        {
            await Problems.JsonAsync(response, HttpStatusCode.Accepted);
        }

        return await Eventually.MatchesAsync(
            () => ErrorsAsync(tenantId),
            errors => errors.Count >= expectedErrors,
            StoredDeadline,
            $"{expectedErrors} errors of {tenantId} are listed");
    }

    /// <summary>The first page (up to 200) of the tenant's errors, read with the admin key.</summary>
    public async Task<IReadOnlyList<JsonElement>> ErrorsAsync(string tenantId, string query = "")
    {
        using var response = await GetAsync(TenantPath(tenantId, $"errors?limit=200{query}"), AdminKey);
        var page = await Problems.JsonAsync(response);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>
    /// Posts a harmless event of <paramref name="tenantId"/> after a refused request, waits until it is listed and returns
    /// the other errors listed then: an event the refused request had let in would have been accepted before it, so an
    /// absence seen then is not a race lost.
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> ErrorsAfterSentinelAsync(string tenantId)
    {
        var sentinel = $"{SentinelPrefix}{Guid.NewGuid():N}";
        using (var response = await PostFailuresAsync([SyncFailures.ToSalesforce(tenantId, sentinel, SyncFailures.InvalidEmail)], AdminKey))
        {
            await Problems.JsonAsync(response, HttpStatusCode.Accepted);
        }

        var errors = await Eventually.MatchesAsync(
            () => ErrorsAsync(tenantId),
            errors => errors.Any(e => e.GetProperty("hubSpotId").GetString() == sentinel),
            StoredDeadline,
            $"the sentinel event of {tenantId} is listed");
        return [.. errors.Where(e => !e.GetProperty("hubSpotId").GetString()!.StartsWith(SentinelPrefix, StringComparison.Ordinal))];
    }
}
