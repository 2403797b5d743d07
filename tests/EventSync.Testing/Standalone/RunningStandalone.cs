using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EventSync.Api.Extensions;
using EventSync.Contracts;
using EventSync.ServiceDefaults.Hosting;
using EventSync.Standalone.Extensions;
using EventSync.Testing.Hosts;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace EventSync.Testing.Standalone;

/// <summary>
/// The standalone host built the way its Program.cs builds it, on a port of its own, its own data directory and API
/// keys, with an HTTP client for it. In memory unless a RabbitMQ broker is given.
/// </summary>
public sealed class RunningStandalone : IAsyncDisposable
{
    public const string ApiKeyHeader = "X-Api-Key";

    private readonly TemporaryDataDir _dataDir;
    private readonly WebApplication _app;

    private RunningStandalone(WebApplication app, TemporaryDataDir dataDir, string adminKey, IReadOnlyDictionary<string, string> tenantKeys)
    {
        _app = app;
        _dataDir = dataDir;
        AdminKey = adminKey;
        TenantKeys = tenantKeys;
        Http = new HttpClient { BaseAddress = TestHosts.Address(app), Timeout = TimeSpan.FromSeconds(20) };
    }

    public HttpClient Http { get; }

    public Uri Address => Http.BaseAddress!;

    public IServiceProvider Services => _app.Services;

    public string AdminKey { get; }

    public IReadOnlyDictionary<string, string> TenantKeys { get; }

    /// <summary>Starts the host; <paramref name="settings"/> are more <c>Name=value</c> settings (named keys, limits).</summary>
    public static async Task<RunningStandalone> StartAsync(bool demo = false, IEnumerable<string>? tenants = null, Uri? rabbitMq = null, IEnumerable<string>? settings = null)
    {
        var dataDir = new TemporaryDataDir();
        var adminKey = NewKey();
        var tenantKeys = (tenants ?? []).ToDictionary(t => t, _ => NewKey(), StringComparer.Ordinal);
        string[] arguments =
        [
            $"--EventSync:DataDir={dataDir.Path}",
            $"--EventSync:Api:AdminKey={adminKey}",
            .. tenantKeys.Select(t => $"--EventSync:Api:TenantKeys:{t.Key}={t.Value}"),
            .. rabbitMq is null ? Array.Empty<string>() : [$"--ConnectionStrings:rabbitmq={rabbitMq}"],
            .. (settings ?? []).Select(setting => $"--{setting}"),
        ];
        var app = await TestHosts.StartAsync(
            () => ServiceHost.Build(TestHosts.Arguments(arguments), builder => builder.AddStandalone(demo), a => a.MapSyncHealthApi()),
            TestContext.Current.CancellationToken);
        return new RunningStandalone(app, dataDir, adminKey, tenantKeys);
    }

    public Task<HttpResponseMessage> GetSyncHealthAsync(string tenantId, string? key) =>
        SendAsync(HttpMethod.Get, $"/api/tenants/{Uri.EscapeDataString(tenantId)}/sync-health", key, content: null);

    /// <summary>The tenant's sync health as an operator with the admin key sees it.</summary>
    public async Task<SyncHealth> SyncHealthAsync(string tenantId)
    {
        using var response = await GetSyncHealthAsync(tenantId, AdminKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SyncHealth>(TestContext.Current.CancellationToken))!;
    }

    public Task<HttpResponseMessage> PostFailuresAsync(string json, string? key) =>
        SendAsync(HttpMethod.Post, "/api/failures", key, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Reports failures as an engine without AMQP would, with the admin key; they must be accepted.</summary>
    public async Task ReportFailuresAsync(IReadOnlyList<SyncFailureReported> failures)
    {
        using var response = await PostFailuresAsync(JsonSerializer.Serialize(failures, ContractJson.Options), AdminKey);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>A GET with the admin key that must succeed, as JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path, AdminKey, content: null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    /// <summary>Sends <paramref name="body"/> as JSON with the admin key, or <paramref name="key"/>; asserts success and returns the answer.</summary>
    public async Task<JsonElement> SendJsonAsync(HttpMethod method, string path, object body, string? key = null)
    {
        using var response = await SendAsync(method, path, key ?? AdminKey, JsonContent.Create(body));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await TestHosts.StopAsync(_app);
        _dataDir.Dispose();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            request.Headers.Add(ApiKeyHeader, key);
        }

        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
