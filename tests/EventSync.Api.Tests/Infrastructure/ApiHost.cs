using System.Net.Http.Json;
using System.Security.Cryptography;
using EventSync.Api.Extensions;
using EventSync.Contracts;
using EventSync.Core.Classification;
using EventSync.Core.Errors;
using EventSync.ServiceDefaults.Hosting;
using EventSync.Standalone.Extensions;
using EventSync.Testing.Hosts;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(EventSync.Api.Tests.Infrastructure.ApiHost))]

namespace EventSync.Api.Tests.Infrastructure;

/// <summary>
/// The standalone host (in-memory bus, SQLite in a temporary directory) shared by the API tests of this assembly; tests
/// stay apart by tenant. Two tenants have keys of their own; the rate limits are the defaults. Subclasses may change the
/// services (see <see cref="FakeClockApiHost"/>).
/// </summary>
public class ApiHost : IAsyncLifetime
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string Acme = "acme-eu";
    public const string Globex = "globex-us";

    private readonly TemporaryDataDir _dataDir = new();
    private WebApplication? _app;
    private HttpClient? _http;

    public string AdminKey { get; } = NewKey();

    public IReadOnlyDictionary<string, string> TenantKeys { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal) { [Acme] = NewKey(), [Globex] = NewKey() };

    public PublishedMessages<ResyncErrors> ResyncCommands { get; } = new();

    public PublishedMessages<ErrorsAssigned> Assignments { get; } = new();

    /// <summary>Whether the output had a <c>Dashboard</c> folder when the host started (the API serves it only then).</summary>
    public bool StartedWithDashboard { get; private set; }

    public HttpClient Http => _http ?? throw new InvalidOperationException("The host has not started.");

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host has not started.");

    public async ValueTask InitializeAsync()
    {
        string[] settings =
        [
            $"--EventSync:DataDir={_dataDir.Path}",
            $"--EventSync:Api:AdminKey={AdminKey}",
            .. TenantKeys.Select(t => $"--EventSync:Api:TenantKeys:{t.Key}={t.Value}"),
            .. Settings.Select(s => $"--{s}"),
        ];
        StartedWithDashboard = Directory.Exists(Path.Combine(AppContext.BaseDirectory, "Dashboard"));
        _app = await TestHosts.StartAsync(
            () => ServiceHost.Build(
                TestHosts.Arguments(settings),
                builder =>
                {
                    builder.AddStandalone(demo: false);
                    ConfigureServices(builder.Services);
                },
                a => a.MapSyncHealthApi()),
            TestContext.Current.CancellationToken);
        _app.Services.GetRequiredService<IBus>().ConnectPublishObserver(ResyncCommands);
        _app.Services.GetRequiredService<IBus>().ConnectPublishObserver(Assignments);
        _http = new HttpClient { BaseAddress = TestHosts.Address(_app), Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>More settings (<c>Name=value</c>) for a host of its own.</summary>
    protected virtual IEnumerable<string> Settings => [];

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        await TestHosts.StopAsync(_app);
        _dataDir.Dispose();
        GC.SuppressFinalize(this);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, object? json = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : JsonContent.Create(json) };
        if (key is not null)
        {
            request.Headers.Add(ApiKeyHeader, key);
        }

        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? key) => SendAsync(HttpMethod.Get, path, key);

    /// <summary>Sends <paramref name="json"/> as it is, for bodies a serializer would not write (broken JSON, wrong types).</summary>
    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string? key, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add(ApiKeyHeader, key);
        }

        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Records the failures as the classifier would, straight into the store; returns the errors, one per failure.</summary>
    public async Task<IReadOnlyList<SyncError>> SeedAsync(IEnumerable<SyncFailureReported> failures)
    {
        var store = Services.GetRequiredService<ISyncErrorStore>();
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var occurrences = failures.SelectMany(f => FailureOccurrence.Of(f, SyncFailureClassifier.Default.Classify(f), now)).ToList();
        var changes = await store.RecordAsync(occurrences, TestContext.Current.CancellationToken);
        return changes.Select(c => c.Error).DistinctBy(e => e.Id).ToList();
    }

    /// <summary>Runs after the standalone host's registrations: the place to replace a service.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
