using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EventSync.Api.Extensions;
using EventSync.Classifier.Tests.Infrastructure;
using EventSync.Contracts;
using EventSync.ServiceDefaults.Hosting;
using EventSync.Standalone.Extensions;
using Microsoft.AspNetCore.Builder;

namespace EventSync.Dashboard.Tests.Infrastructure;

/// <summary>The standalone host (in-memory bus, LiteDB in a temporary directory) with a known admin key, serving the dashboard.</summary>
public sealed class DashboardHost : IAsyncDisposable
{
    public const string ApiKeyHeader = "X-Api-Key";

    private readonly TemporaryDataDir _dataDir;
    private readonly WebApplication _app;

    private DashboardHost(WebApplication app, TemporaryDataDir dataDir, string adminKey)
    {
        _app = app;
        _dataDir = dataDir;
        AdminKey = adminKey;
        Address = TestHosts.Address(app);
        Http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(20) };
        Http.DefaultRequestHeaders.Add(ApiKeyHeader, adminKey);
    }

    public Uri Address { get; }

    public string AdminKey { get; }

    /// <summary>A client that sends the admin key with every request.</summary>
    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<DashboardHost> StartAsync()
    {
        var dataDir = new TemporaryDataDir();
        var adminKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        string[] settings = [$"--EventSync:DataDir={dataDir.Path}", $"--EventSync:Api:AdminKey={adminKey}"];
        var app = await TestHosts.StartAsync(
            () => ServiceHost.Build(TestHosts.Arguments(settings), builder => builder.AddStandalone(demo: false), a => a.MapSyncHealthApi()),
            TestContext.Current.CancellationToken);
        return new DashboardHost(app, dataDir, adminKey);
    }

    public async Task ReportFailuresAsync(IReadOnlyList<SyncFailureReported> failures)
    {
        var json = JsonSerializer.Serialize(failures, ContractJson.Options);
        using var response = await Http.PostAsync(new Uri("/api/failures", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await TestHosts.StopAsync(_app);
        _dataDir.Dispose();
    }
}
